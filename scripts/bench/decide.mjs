// Decisions: time of policy.decide(context) with and without response headers. Node: every call
// timed alone (hrtime, minus the timer's own cost), giving a true median and p99; plus the mean of
// batches. Chromium: its clock is too coarse for one call, so batches only.
import { performance } from 'node:perf_hooks';
import { loadPkg } from './env.mjs';
import { decideContexts, decideBatches, POLICY_OPTIONS } from './decide-cases.mjs';
import { median, percentile, fmtMs } from './stats.mjs';

const ROUNDS = 20;
const PER_ROUND = 2_000;
const BATCH = 2_000;
const BASELINE = 'empty JS -> wasm call (wasmMemoryBytes())';

/** Node side (fresh process): per-call samples and batch means. */
export async function node() {
  const m = await loadPkg();
  const policy = new m.RetryPolicy(POLICY_OPTIONS);
  const contexts = decideContexts(Headers);
  const names = [...Object.keys(contexts), BASELINE];
  const call = (name) => (name === BASELINE ? m.wasmMemoryBytes() : policy.decide(contexts[name]).delayMs);
  const hr = process.hrtime.bigint;
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const timer = [];
  let sink = 0;
  for (let r = -3; r < ROUNDS; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(r, 0)) % names.length];
      const out = samples[name];
      for (let k = 0; k < PER_ROUND; k++) {
        const t0 = hr();
        sink += call(name);
        const t1 = hr();
        if (r >= 0) out.push(Number(t1 - t0));
      }
    }
    for (let k = 0; k < PER_ROUND; k++) {
      const t0 = hr();
      const t1 = hr();
      if (r >= 0) timer.push(Number(t1 - t0));
    }
  }
  const timerNs = median(timer);
  const batches = decideBatches(policy, contexts, () => m.wasmMemoryBytes() & 1, { rounds: ROUNDS, batch: BATCH, now: () => performance.now() });
  const result = {};
  for (const name of names) {
    const ns = samples[name].map((x) => Math.max(0, x - timerNs));
    result[name] = {
      medianMs: median(ns) / 1e6,
      p99Ms: percentile(ns, 99) / 1e6,
      batchMeanMs: median(batches[name === BASELINE ? 'baseline' : name]),
      samples: ns.length,
    };
  }
  if (sink === 0.5) console.log('unreachable');
  return { result, timerNs };
}

export async function run(ctx) {
  const { result, timerNs } = await ctx.child('decide');
  const rows = Object.entries(result).map(([name, r]) => ['Node', name, fmtMs(r.medianMs), fmtMs(r.p99Ms), fmtMs(r.batchMeanMs)]);
  let chromium = null;
  if (ctx.page) {
    const res = await ctx.page.evaluate((o) => window.bench.decide(o), { rounds: ROUNDS, batch: BATCH });
    chromium = Object.fromEntries(Object.entries(res).map(([k, v]) => [k === 'baseline' ? BASELINE : k, median(v)]));
    for (const [name, ms] of Object.entries(chromium)) rows.push(['Chromium', name, '—', '—', fmtMs(ms)]);
  }
  const cases = Object.entries(result).filter(([n]) => n !== BASELINE);
  const worst = cases.reduce((w, c) => (!w || c[1].medianMs > w[1].medianMs ? c : w), null);
  const targets = [{
    label: 'decide() median <= 1 µs in Node (with and without headers)',
    value: cases.map(([n, r]) => `${fmtMs(r.medianMs)} ${n.split(' (')[0]}`).join('; '),
    met: cases.every(([, r]) => r.medianMs <= 0.001),
    key: 'decide',
    worst: worst?.[0],
  }];
  return {
    id: 'decide',
    title: `Decisions: policy.decide(context) (Node: ${ROUNDS * PER_ROUND} calls per case each timed alone, timer cost ${timerNs.toFixed(0)} ns subtracted; batch mean: median of ${ROUNDS} interleaved batches of ${BATCH})`,
    columns: ['engine', 'context', 'median', 'p99', 'batch mean'],
    rows,
    targets,
    data: { node: result, chromium, timerNs },
    notes: [
      `Policy: new RetryPolicy(${JSON.stringify(POLICY_OPTIONS)}), so every call takes the same path; contexts carry a fixed \`now\`.`,
      'The empty JS -> wasm call is the floor any wasm export pays; the rest of decide() is reading the context object from JS (Reflect.get per field, each header) and building the answer object.',
    ],
  };
}
