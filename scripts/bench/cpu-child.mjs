// A hot loop for one CPU-profiled case (run by cpu-profile.mjs under `node --cpu-prof`). It uses
// the un-optimised wasm-bindgen output in target/glue/node/, which keeps function names, so the
// profile can say which Rust and glue functions the time goes to.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { decideContexts, POLICY_OPTIONS } from './decide-cases.mjs';
import { statusCodes } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const glue = await import(pathToFileURL(join(root, 'target/glue/node/http_triage.js')).href);
// decide() as the package runs it: the JS layer's RetryPolicy (its fast path) over this glue.
const { makeRetryPolicy } = await import(pathToFileURL(join(root, 'src/js/policy.js')).href);
const RetryPolicy = makeRetryPolicy(glue);
const what = process.argv[2];
const ms = Number(process.argv[3] ?? 1500);
const contexts = decideContexts(Headers);
const policy = new RetryPolicy(POLICY_OPTIONS);
const codes = statusCodes();
const CASES = {
  'decide, no headers': () => policy.decide(contexts['no headers (GET, 503)']).delayMs,
  'decide, Headers object': () => policy.decide(contexts['Headers object (GET, 503, Retry-After HTTP-date, 5 fields)']).delayMs,
  'classify in wasm (no JS cache)': (i) => glue.classify(codes[i & 16383]).reason.length,
};
const f = CASES[what];
let sink = 0;
let i = 0;
const t0 = performance.now();
while (performance.now() - t0 < ms) for (let k = 0; k < 1000; k++) sink += f(i++);
process.stdout.write(`${i} ${sink}\n`);
