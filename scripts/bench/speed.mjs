// Speed per call, as ratios to JSON.parse of the same ~1 KB problem+json body in the same
// process, interleaved (issue 12's targets), in Node and in headless Chromium.
import { performance } from 'node:perf_hooks';
import { loadPkg } from './env.mjs';
import { makeSpeedCases, BASELINE, SPEED_TARGETS, PROBLEM_BODY } from './speed-cases.mjs';
import { runSideBySide, ratioOfTimes } from './side-by-side.mjs';
import { median, quartiles, fmtMs, fmtRatio } from './stats.mjs';

export const ROUNDS = 25;
export const BATCH_MS = 20;

/** Node side (run in a fresh process by the driver). */
export async function node() {
  const m = await loadPkg();
  return runSideBySide(makeSpeedCases(m, Headers), null, { rounds: ROUNDS, batchMs: BATCH_MS, now: () => performance.now() });
}

export async function run(ctx) {
  const engines = { Node: await ctx.child('speed') };
  if (ctx.page) engines.Chromium = await ctx.page.evaluate((o) => window.bench.speed(o), { rounds: ROUNDS, batchMs: BATCH_MS });
  const rows = [];
  const targets = [];
  const data = {};
  for (const [engine, res] of Object.entries(engines)) {
    data[engine] = {};
    for (const name of Object.keys(res)) {
      const perCallMs = 1000 / median(res[name].opsPerSec);
      const ratio = ratioOfTimes(res, name, BASELINE);
      data[engine][name] = { perCallMs, ratio, ratios: res[name].opsPerSec.map((o, i) => res[BASELINE].opsPerSec[i] / o) };
      const limit = SPEED_TARGETS[name];
      const iqr = quartiles(data[engine][name].ratios);
      rows.push([engine, name, fmtMs(perCallMs), name === BASELINE ? '1 (baseline)' : `${fmtRatio(ratio)} (IQR ${iqr.map((x) => x.toFixed(2)).join('–')})`, limit === undefined ? (name === BASELINE ? '' : 'report') : `<= ${limit}x`]);
    }
    for (const [name, limit] of Object.entries(SPEED_TARGETS)) {
      const d = data[engine][name];
      targets.push({
        label: `${name} <= ${limit}x JSON.parse of the 1 KB body, ${engine}`,
        value: `${fmtRatio(d.ratio)} (per-round IQR ${quartiles(d.ratios).map((x) => x.toFixed(2)).join('–')}; medians ${fmtMs(d.perCallMs)} vs ${fmtMs(data[engine][BASELINE].perCallMs)})`,
        met: d.ratio <= limit,
        key: `speed:${engine}:${name}`,
        engine,
        name,
      });
    }
  }
  return {
    id: 'speed',
    title: `Speed per call, as a ratio to JSON.parse of the same ${PROBLEM_BODY.length}-byte problem+json body in the same process (median of ${ROUNDS} interleaved rounds of ~${BATCH_MS} ms batches; ratio = median of per-round ratios of time per call)`,
    columns: ['engine', 'call', 'per call', 'vs JSON.parse', 'target'],
    rows,
    targets,
    data,
    notes: [
      'The body is an RFC 9457 validation error with extension members (errors[], traceId, account, …); JSON.parse and parseErrorBody read the same string. classifyError cycles over 64 TypeErrors made before timing (the Error constructor is not timed). decide() uses new RetryPolicy({ jitter: "none", seed: 1, budget: false }) and a context with a fixed `now`; "Headers object" is a Headers with content-type, an HTTP-date Retry-After 5 s ahead, Date, cache-control and server.',
      'Per-call times are inflated by the machine\'s load (see the header); the ratios, timed in the same rounds, are the figures to compare. The median per-call times and the median of per-round ratios can disagree by as much as the ratios\' spread (the IQR column): the ratio is the figure each target is judged on.',
    ],
  };
}
