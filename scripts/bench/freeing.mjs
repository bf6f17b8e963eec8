// Freeing: 100k RetryPolicy objects freed with free() in two orders (each order in a fresh
// process), and 50k createFetch instances dropped and collected (node --expose-gc), with the
// longest event-loop stall while the package's FinalizationRegistry releases them, measured by
// perf_hooks.monitorEventLoopDelay and by a 1 ms timer chain. Both are bounded in time: a run
// that does not finish reports how far it got.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadPkg } from './env.mjs';
import { rng, fmtMs } from './stats.mjs';

export const POLICIES = 100_000;
export const FETCHES = 50_000;
export const FREE_TARGET_MS = 100;
export const STALL_TARGET_MS = 50;
/** Stop freeing after this long (an allocator with O(n) frees takes minutes for 100k). */
const FREE_BOUND_MS = 5_000;
/** Wait this long at most for the finalizers to release every dropped instance. */
const DROP_BOUND_MS = 20_000;
const ORDERS = ['interleaved (even, then odd)', 'random'];

function order(kind, n) {
  const idx = Array.from({ length: n }, (_, i) => i);
  if (kind === 'reverse') return idx.reverse();
  if (kind.startsWith('interleaved')) return [...idx.filter((i) => i % 2 === 0), ...idx.filter((i) => i % 2 === 1)];
  if (kind === 'random') {
    const next = rng(12345);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
  }
  return idx;
}

/**
 * Counts the policies released, by wrapping the instance's exports (as crossings.mjs does):
 * each call of policy_free releases one, each call of policy_free_many as many as its count.
 */
function countReleases() {
  const counter = { calls: 0 };
  const Real = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Real, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      const exports = { ...instance.exports };
      const one = instance.exports.policy_free;
      const many = instance.exports.policy_free_many;
      exports.policy_free = (...a) => { counter.calls++; return one(...a); };
      if (many) exports.policy_free_many = (n, ...a) => { counter.calls += n; return many(n, ...a); };
      return { exports };
    },
  });
  return counter;
}

/** Node side (fresh process): { what: 'free', order } or { what: 'drop' } (needs --expose-gc). */
export async function node({ what, order: kind }) {
  if (what === 'free') {
    const m = await loadPkg();
    const t0 = performance.now();
    const policies = [];
    for (let i = 0; i < POLICIES; i++) policies.push(new m.RetryPolicy());
    const createMs = performance.now() - t0;
    const memoryBefore = m.wasmMemoryBytes();
    const seq = order(kind, POLICIES);
    // The same walk reading only `freed`: what visiting the objects in this order costs alone.
    const t2 = performance.now();
    let live = 0;
    for (let i = 0; i < POLICIES; i++) live += policies[seq[i]].freed ? 0 : 1;
    const touchMs = performance.now() - t2;
    if (live !== POLICIES) throw new Error('a policy was freed before the walk');
    const t1 = performance.now();
    let freed = 0;
    for (; freed < POLICIES; freed++) {
      policies[seq[freed]].free();
      if ((freed & 1023) === 1023 && performance.now() - t1 > FREE_BOUND_MS) { freed++; break; }
    }
    const freeMs = performance.now() - t1;
    return { createMs, freeMs, touchMs, freed, memoryBefore, memoryAfter: m.wasmMemoryBytes() };
  }
  // drop: createFetch instances made, dropped, collected; the finalizers release their policies.
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  const released = countReleases();
  const m = await loadPkg();
  let fetches = [];
  const t0 = performance.now();
  for (let i = 0; i < FETCHES; i++) fetches.push(m.createFetch());
  const createMs = performance.now() - t0;
  fetches = null;
  // monitorEventLoopDelay records a delay when its timer fires after it, from its previous
  // tick: it is enabled and ticking before the collection, so it sees the forced gc() pause and
  // whatever the finalizers do after it. The 1 ms timer chain starts after gc() returns, so it
  // sees the finalizers alone.
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((resolve) => setTimeout(resolve, 30));
  const g0 = performance.now();
  globalThis.gc();
  const gcMs = performance.now() - g0;
  let maxGap = 0;
  let last = performance.now();
  const start = last;
  await new Promise((resolve) => {
    const tick = () => {
      const t = performance.now();
      maxGap = Math.max(maxGap, t - last);
      last = t;
      if (released.calls >= FETCHES || t - start > DROP_BOUND_MS) resolve();
      else setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
  });
  // Give the monitor's timer the chance to fire after the last stall.
  await new Promise((resolve) => setTimeout(resolve, 30));
  h.disable();
  return {
    createMs, gcMs, released: released.calls, releaseMs: performance.now() - start,
    histogramMaxMs: h.max / 1e6, maxGapMs: maxGap,
  };
}

export async function run(ctx) {
  const rows = [];
  const data = { free: {} };
  for (const kind of ORDERS) {
    const r = await ctx.child('freeing', { what: 'free', order: kind });
    data.free[kind] = r;
    const done = r.freed === POLICIES;
    rows.push([`free() of ${POLICIES.toLocaleString('en')} RetryPolicy objects, ${kind}`, done ? fmtMs(r.freeMs) : `stopped after ${r.freed.toLocaleString('en')} in ${fmtMs(r.freeMs)}`,
      `making them took ${fmtMs(r.createMs)}; wasm memory ${(r.memoryBefore / 2 ** 20).toFixed(1)} MiB`]);
  }
  const drop = await ctx.child('freeing', { what: 'drop' }, ['--expose-gc']);
  data.drop = drop;
  rows.push([`${FETCHES.toLocaleString('en')} createFetch() instances dropped, gc(), released by the finalizers`,
    `after gc(): longest gap ${fmtMs(drop.maxGapMs)}; monitorEventLoopDelay max ${fmtMs(drop.histogramMaxMs)} (gc() included)`,
    `${drop.released.toLocaleString('en')} released in ${fmtMs(drop.releaseMs)}; making them took ${fmtMs(drop.createMs)}; gc() itself ${fmtMs(drop.gcMs)}`]);
  const worst = Object.entries(data.free).reduce((w, e) => (!w || e[1].freeMs / e[1].freed > w[1].freeMs / w[1].freed ? e : w), null);
  const allDone = Object.values(data.free).every((r) => r.freed === POLICIES);
  // The finalizers' stall: the gap after gc(), and what the histogram saw beyond gc()'s own pause.
  const stall = Math.max(drop.maxGapMs, drop.histogramMaxMs - drop.gcMs);
  return {
    id: 'freeing',
    title: 'Freeing (Node; each order in a fresh process)',
    columns: ['what', 'time', 'note'],
    rows,
    targets: [
      {
        label: `freeing ${POLICIES.toLocaleString('en')} RetryPolicy objects in any order <= ${FREE_TARGET_MS} ms`,
        value: allDone
          ? `slowest: ${worst[0]} ${fmtMs(worst[1].freeMs)}; ${Object.entries(data.free).map(([k, r]) => `${k.split(' (')[0]} ${fmtMs(r.freeMs)}`).join(', ')}`
          : `${Object.entries(data.free).map(([k, r]) => `${k.split(' (')[0]}: ${r.freed === POLICIES ? fmtMs(r.freeMs) : `${r.freed.toLocaleString('en')} freed in ${fmtMs(r.freeMs)}, stopped`}`).join('; ')}`,
        met: allDone && Object.values(data.free).every((r) => r.freeMs <= FREE_TARGET_MS),
        key: 'free',
      },
      {
        label: `dropping ${FETCHES.toLocaleString('en')} createFetch instances: no event-loop stall over ${STALL_TARGET_MS} ms`,
        value: `longest stall after the forced gc() ${fmtMs(stall)} (monitorEventLoopDelay max ${fmtMs(drop.histogramMaxMs)}; the forced gc() itself ${fmtMs(drop.gcMs)}); ${drop.released.toLocaleString('en')} of ${FETCHES.toLocaleString('en')} released in ${fmtMs(drop.releaseMs)}`,
        met: stall <= STALL_TARGET_MS && drop.released >= FETCHES,
        key: 'drop',
      },
    ],
    data,
    notes: [
      `Freeing stops after ${FREE_BOUND_MS / 1000} s (checked every 1,024 frees) and reports how far it got. The drop run waits up to ${DROP_BOUND_MS / 1000} s for the finalizers, counting the releases by wrapping the instance's policy_free and policy_free_many exports; the stall counted is the finalizers': the longest gap of a 1 ms setTimeout chain started when gc() returns, and perf_hooks.monitorEventLoopDelay (1 ms resolution, enabled before gc()) minus the forced gc() pause, which an app that never calls gc() does not pay at once (V8 collects incrementally).`,
    ],
  };
}
