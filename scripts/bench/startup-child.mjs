// One Node start-up sample in a fresh process: node startup-child.mjs <candidate>. Prints the
// milliseconds from right before the import to after the first call.
import { performance } from 'node:perf_hooks';
import { nodeEntry } from './env.mjs';
import { pathToFileURL } from 'node:url';

const what = process.argv[2];
const entry = pathToFileURL(nodeEntry()).href;
const CANDIDATES = {
  'http-triage': async () => (await import(entry)).classify(200).reason,
  statuses: async () => (await import('statuses')).default(200),
  ky: async () => typeof (await import('ky')).default.get,
  'no import (empty)': async () => 0,
};
const t0 = performance.now();
await CANDIDATES[what]();
process.stdout.write(`${performance.now() - t0}\n`);
