// The classification candidates, shared by Node (classify.mjs) and the browser page; run side
// by side with side-by-side.mjs.
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
