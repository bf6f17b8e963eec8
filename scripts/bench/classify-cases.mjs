// The classification candidates, shared by Node (classify.mjs) and the browser page.
//
// Each candidate answers "what is this status?" for a code of the realistic mix and the loop
// consumes the answer, so no engine can drop the call. Each loop is its own function literal:
// V8 keeps type feedback per literal, so no candidate makes another's call site polymorphic.

/** Codes are read as codes[i & MASK]: the code arrays have MASK + 1 entries. */
export const MASK = (1 << 14) - 1;

/**
 * The candidates over `impls`: { classify, statuses } where classify is http-triage's and statuses
 * the `statuses` package's default export. Returns { name: (codes, n) => checksum }.
 */
export function makeCases({ classify, statuses }) {
  // The hand-written alternative: a plain object keyed by code holding what an app would need.
  const table = {};
  for (const [code, reason] of Object.entries(statuses.message)) {
    const n = Number(code);
    table[n] = { status: n, reason, ok: n >= 200 && n < 300, retryable: [408, 429, 500, 502, 503, 504].includes(n) };
  }
  return {
    'http-triage classify(code).reason': (codes, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += classify(codes[i & MASK]).reason.length;
      return s;
    },
    'statuses(code)': (codes, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += statuses(codes[i & MASK]).length;
      return s;
    },
    'statuses.message[code]': (codes, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += statuses.message[codes[i & MASK]].length;
      return s;
    },
    'plain JS object lookup': (codes, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += table[codes[i & MASK]].reason.length;
      return s;
    },
  };
}

/** The same code path without the JS-side cache: straight into wasm each call (for "where time goes"). */
export function makeUncachedCase(rawClassify) {
  return {
    'wasm classify, no JS cache': (codes, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += rawClassify(codes[i & MASK]).reason.length;
      return s;
    },
  };
}

/**
 * Runs `cases` side by side. Each case's call count is first calibrated so one batch takes about
 * `batchMs`; then `rounds` rounds time every case once, in an order rotated each round (A B C,
 * B C A, …), after `warmup` untimed rounds. `now` is the clock in ms.
 * Returns { name: { calls, opsPerSec: [one per round] } }.
 */
export function runSideBySide(cases, codes, { rounds, now, batchMs = 20, warmup = 2 }) {
  const names = Object.keys(cases);
  let sink = 0;
  const calls = {};
  for (const name of names) {
    let n = 1024;
    for (;;) {
      const t0 = now();
      sink += cases[name](codes, n);
      const dt = now() - t0;
      if (dt >= batchMs / 4 || n >= 1 << 28) {
        n = Math.max(1024, Math.round((n * batchMs) / Math.max(dt, 0.001)));
        break;
      }
      n *= 4;
    }
    calls[name] = n;
  }
  const out = Object.fromEntries(names.map((k) => [k, { calls: calls[k], opsPerSec: [] }]));
  for (let r = -warmup; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + Math.max(r, 0)) % names.length]);
    for (const name of order) {
      const n = calls[name];
      const t0 = now();
      sink += cases[name](codes, n);
      const dt = now() - t0;
      if (r >= 0) out[name].opsPerSec.push(n / (dt / 1000));
    }
  }
  if (sink === 0.5) console.log('unreachable');
  return out;
}
