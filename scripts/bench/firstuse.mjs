// First use: the cost of the first call after the import (the wasm is compiled and instantiated
// synchronously on first use, from the text inlined in the module), in Chromium (a fresh
// browser context and page per sample) and in Node (a fresh process per sample, ESM and
// CommonJS), with the same work step by step over the same bytes. Samples are interleaved.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { root, nodeEntry, cjsEntry } from './env.mjs';
import { timeFirstUse, timeSteps } from './firstuse-steps.mjs';
import { median, fmtMs } from './stats.mjs';

const SAMPLES = 15;
export const CHROMIUM_TARGET_MS = 3;
const NODE_KINDS = ['esm', 'cjs', 'steps'];
const CHROMIUM_KINDS = ['package', 'steps'];

/** Node side of one sample (fresh process): `node child.mjs firstuse '{"kind":"esm"}'`. */
export async function node({ kind }) {
  const now = () => performance.now();
  if (kind === 'steps') {
    const { wasmBytes } = await import(pathToFileURL(join(root, 'target/js/wasm.js')).href);
    return timeSteps(wasmBytes, now);
  }
  const t0 = now();
  const m = kind === 'esm' ? await import(pathToFileURL(nodeEntry()).href) : createRequire(import.meta.url)(cjsEntry());
  const t1 = now();
  return { import: t1 - t0, ...timeFirstUse(m, now) };
}

function nodeSample(kind) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./child.mjs', import.meta.url)), 'firstuse', JSON.stringify({ kind })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`first-use sample ${kind} exited ${code}`))));
  });
}

async function chromiumSample(ctx, what) {
  const context = await ctx.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${ctx.serverUrl}bench/page/firstuse.html?what=${what}`, { timeout: 20_000 });
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 20_000 });
    const r = await page.evaluate(() => window.result);
    if (r.error) throw new Error(`first-use sample ${what}: ${r.error}`);
    return r;
  } finally {
    await context.close();
  }
}

/**
 * Runs `sample(kind)` SAMPLES times per kind, rotated, after one untimed round. A 'steps'
 * sample that fails (the build changed the wasm's encoding) drops the steps, with a warning.
 */
async function interleaved(kinds, sample, log) {
  let live = [...kinds];
  const out = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let r = -1; r < SAMPLES; r++) {
    for (let i = 0; i < live.length; i++) {
      const kind = live[(i + Math.max(r, 0)) % live.length];
      let res;
      try {
        res = await sample(kind);
      } catch (e) {
        if (kind !== 'steps') throw e;
        log?.(`first use: no steps (${String(e.message ?? e).split('\n')[0]})`);
        live = live.filter((k) => k !== 'steps');
        out.steps = null;
        break;
      }
      if (r >= 0) out[kind].push(res);
    }
  }
  return out;
}

const medianOf = (xs, key) => median(xs.map((x) => x[key]));
const stepMedians = (xs) => (xs?.length ? Object.fromEntries(Object.keys(xs[0].steps).map((k) => [k, median(xs.map((x) => x.steps[k]))])) : {});

export async function run(ctx) {
  const rows = [];
  const targets = [];
  const data = {};
  if (ctx.browser) {
    const c = await interleaved(CHROMIUM_KINDS, (k) => chromiumSample(ctx, k), ctx.log);
    const steps = stepMedians(c.steps);
    data.chromium = { first: medianOf(c.package, 'first'), second: medianOf(c.package, 'second'), steps, isolated: c.package.every((x) => x.isolated), samples: c.package.map((x) => x.first) };
    rows.push(['Chromium', 'first classify(200) after import (compile + instantiate + answer)', fmtMs(data.chromium.first)]);
    for (const [k, v] of Object.entries(steps)) rows.push(['Chromium', `  step: ${k}`, fmtMs(v)]);
    rows.push(['Chromium', 'then classify(404) (one crossing)', fmtMs(data.chromium.second)]);
    targets.push({
      label: `first use (compile + instantiate + first classify) <= ${CHROMIUM_TARGET_MS} ms in Chromium`,
      value: `${fmtMs(data.chromium.first)} (${Object.entries(steps).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')})`,
      met: data.chromium.first <= CHROMIUM_TARGET_MS,
      key: 'firstuse',
    });
  }
  const n = await interleaved(NODE_KINDS, nodeSample, ctx.log);
  data.node = {
    esm: { import: medianOf(n.esm, 'import'), first: medianOf(n.esm, 'first'), second: medianOf(n.esm, 'second') },
    cjs: { import: medianOf(n.cjs, 'import'), first: medianOf(n.cjs, 'first'), second: medianOf(n.cjs, 'second') },
    steps: stepMedians(n.steps),
  };
  for (const kind of ['esm', 'cjs']) {
    const d = data.node[kind];
    const label = kind === 'esm' ? 'import (ESM)' : "require (CommonJS)";
    rows.push(['Node', `${label}: loading the module`, fmtMs(d.import)]);
    rows.push(['Node', `${label}: first classify(200) (compile + instantiate + answer)`, fmtMs(d.first)]);
    rows.push(['Node', `${label}: then classify(404)`, fmtMs(d.second)]);
  }
  for (const [k, v] of Object.entries(data.node.steps)) rows.push(['Node', `  step: ${k}`, fmtMs(v)]);
  targets.push({
    label: 'first use in Node (report)',
    value: `ESM ${fmtMs(data.node.esm.first)}, CommonJS ${fmtMs(data.node.cjs.first)} (loading the module ${fmtMs(data.node.esm.import)} / ${fmtMs(data.node.cjs.import)})`,
    met: true,
    report: true,
    key: 'firstuse-node',
  });
  return {
    id: 'firstuse',
    title: `First use: the first call after the import (median of ${SAMPLES} fresh Chromium contexts / fresh Node processes per kind, interleaved)`,
    columns: ['engine', 'what', 'median'],
    rows,
    targets,
    data,
    notes: [
      'The package instantiates on first use, synchronously, from the wasm text inlined in the module (src/js/wasm.js): the first call pays for turning the text into bytes, compiling, instantiating, the first calls of the names and classify exports, and reading their records into JS. The "step" rows do the same work with the package\'s own decoder (target/js/wasm.js over target/js/wasm-bytes.js) in another fresh page or process, one step at a time (the export calls raw, without reading their records).',
      `Chromium: each sample is a new browser context and page; the import is not timed. The page is cross-origin isolated, so performance.now() has 5 µs resolution${data.chromium && !data.chromium.isolated ? ' (this run was NOT isolated: 100 µs)' : ''}.`,
    ],
  };
}
