// Statistics and formatting shared by the benchmarks (Node and the browser page import it).

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The 25th and 75th percentiles (nearest rank): the spread of per-round ratios. */
export function quartiles(xs) {
  return [percentile(xs, 25), percentile(xs, 75)];
}

/** A deterministic PRNG (mulberry32), so every run and every engine uses the same inputs. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The realistic mix of status codes a frontend sees: mostly 200, then cache revalidations,
 * auth and not-found errors, a few server errors and rate limits. Weights in percent.
 */
export const STATUS_MIX = [
  [200, 70], [304, 8], [404, 5], [401, 3], [201, 2], [204, 2], [500, 2], [503, 2], [429, 1.5],
  [403, 1], [400, 1], [302, 1], [422, 0.5], [502, 0.5], [409, 0.25], [504, 0.25],
];

/** `n` (a power of two) status codes drawn from STATUS_MIX with a fixed seed. */
export function statusCodes(n = 1 << 14, seed = 42) {
  const next = rng(seed);
  const total = STATUS_MIX.reduce((s, [, w]) => s + w, 0);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = next() * total;
    let k = 0;
    while (r >= STATUS_MIX[k][1] && k < STATUS_MIX.length - 1) r -= STATUS_MIX[k++][1];
    out[i] = STATUS_MIX[k][0];
  }
  return out;
}

/** The order in which round `r` runs `names`: rotated each round so no candidate always goes first. */
export function rotation(names, r) {
  return names.map((_, i) => names[(i + r) % names.length]);
}

/** 1234567 -> '1.23 M', for ops/s. */
export function fmtOps(x) {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(0);
}

/** A duration given in milliseconds, in the most readable unit. */
export function fmtMs(ms) {
  if (ms < 0) return `-${fmtMs(-ms)}`;
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1e3).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A difference in ms with its sign: '+1.20 ms', '-6.03 ms'. */
export const fmtDeltaMs = (ms) => (ms < 0 ? fmtMs(ms) : `+${fmtMs(ms)}`);

/** Bytes as KB with one decimal (1 KB = 1024 bytes). */
export function fmtKB(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A ratio as '0.85x'. */
export function fmtRatio(x) {
  return `${x.toFixed(x < 0.1 ? 3 : 2)}x`;
}
