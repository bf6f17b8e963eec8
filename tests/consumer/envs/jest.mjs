// Jest 30 with no config at all (CommonJS test files, babel-jest's default transform, the node
// environment), and the same with jest-environment-jsdom chosen by the documented per-file
// docblock. Each test file writes the probe's report to PROBE_OUT and also asserts on it.
//
// Jest's jsdom environment has no fetch (nor Response, TextEncoder/TextDecoder, ReadableStream:
// measured with 30.5.2), so its test file first loads whatwg-fetch, the polyfill jsdom setups
// use, which sends real requests through jsdom's XMLHttpRequest (origin http://localhost, hence the
// target's CORS header). Nothing else is polyfilled: the package itself must load without
// TextDecoder there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../lib/proc.mjs';
import { CJS_REQUIRE, LIB, PROBE_SOURCE, assertProbe } from '../lib/probe.mjs';

const testFile = (preamble) => `${preamble}const { writeFileSync } = require('fs');
${CJS_REQUIRE}
${PROBE_SOURCE}
test('the package works under Jest', async () => {
  let result;
  try {
    result = await probe(${LIB}, process.env.PROBE_TARGET);
  } catch (error) {
    result = { error: String((error && error.stack) || error) };
  }
  writeFileSync(process.env.PROBE_OUT, JSON.stringify(result));
  expect(result.reason).toBe('Service Unavailable');
});
`;

const files = {
  'probe-node.test.js': testFile(''),
  'probe-jsdom.test.js': testFile("/**\n * @jest-environment jsdom\n */\nrequire('whatwg-fetch'); // jsdom has no fetch\n"),
};

async function jest(ctx, file) {
  const out = join(ctx.dir, `${file}.result.json`);
  let failure = null;
  try {
    await run(process.execPath, ['node_modules/jest/bin/jest.js', file], {
      cwd: ctx.dir, timeoutMs: 80_000, env: { PROBE_TARGET: ctx.target, PROBE_OUT: out },
    });
  } catch (error) {
    failure = error;
  }
  // The probe's own report says most; Jest's output (in `failure`) says why a file did not load.
  if (existsSync(out)) assertProbe(JSON.parse(readFileSync(out, 'utf8')), `jest ${file}`);
  if (failure) throw failure;
}

export default {
  name: 'jest',
  toolchain: 'jest',
  files,
  envs: [
    { name: 'jest-node', timeoutMs: 90_000, run: (ctx) => jest(ctx, 'probe-node.test.js') },
    { name: 'jest-jsdom', timeoutMs: 90_000, run: (ctx) => jest(ctx, 'probe-jsdom.test.js') },
  ],
};
