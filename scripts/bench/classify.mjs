// Classification: ops/s of classify(code) over a realistic mix of codes, side by side with the
// `statuses` package and a plain JS object lookup, in Node and in headless Chromium.
import { performance } from 'node:perf_hooks';
import { loadPkg } from './env.mjs';
import { makeCases } from './classify-cases.mjs';
import { runSideBySide } from './side-by-side.mjs';
import { median, statusCodes, fmtOps, fmtRatio, STATUS_MIX } from './stats.mjs';

const ROUNDS = 15;
const BATCH_MS = 20;
const TRIAGE = 'http-triage classify(code).reason';
const BASELINE = 'statuses(code)';

/** Node side (run in a fresh process by the driver). */
export async function node() {
  const triage = await loadPkg();
  const { default: statuses } = await import('statuses');
  const cases = makeCases({ classify: triage.classify, statuses });
  return runSideBySide(cases, statusCodes(), { rounds: ROUNDS, batchMs: BATCH_MS, now: () => performance.now() });
}

export async function run(ctx) {
  const engines = { 'Node': await ctx.child('classify') };
  if (ctx.page) engines.Chromium = await ctx.page.evaluate((o) => window.bench.classify(o), { rounds: ROUNDS, batchMs: BATCH_MS });
  const rows = [];
  const targets = [];
  const data = {};
  for (const [engine, res] of Object.entries(engines)) {
    const med = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, median(v.opsPerSec)]));
    // Ratios per round (same round = same machine state), then their median.
    const ratio = (name) => median(res[name].opsPerSec.map((x, i) => x / res[BASELINE].opsPerSec[i]));
    for (const name of Object.keys(res)) {
      rows.push([engine, name, `${fmtOps(med[name])}ops/s`, fmtRatio(ratio(name))]);
    }
    data[engine] = { median: med, ratioToStatuses: Object.fromEntries(Object.keys(res).map((k) => [k, ratio(k)])) };
    const r = ratio(TRIAGE);
    targets.push({
      label: `classify() >= 0.5x the ops/s of statuses(code), ${engine}`,
      value: `${fmtRatio(r)} (${fmtOps(med[TRIAGE])}ops/s vs ${fmtOps(med[BASELINE])}ops/s)`,
      met: r >= 0.5,
      key: `classify-${engine}`,
    });
  }
  const mix = STATUS_MIX.map(([c, w]) => `${c} ${w}%`).join(', ');
  return {
    id: 'classify',
    title: 'Classification (ops/s, median of 15 interleaved ~20 ms batches; ratio to statuses(code), median of per-round ratios)',
    columns: ['engine', 'what', 'ops/s', 'vs statuses(code)'],
    rows,
    targets,
    data,
    notes: [
      `Codes: 16,384 drawn once with a fixed seed from the mix ${mix}.`,
      'Every loop consumes the answer (sums the lengths of the reason phrases; statuses(code) returns the phrase); each candidate has its own loop function so no call site is shared.',
      'classify() answers from a JS-side cache of frozen answers after the first call of each code (that first call is one crossing: see the crossings table).',
    ],
  };
}
