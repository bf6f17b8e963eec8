// The interleaved runner every in-process comparison uses, in Node and in the browser page.

/**
 * Runs `cases` ({ name: (input, n) => checksum }) side by side. Each case is first warmed up
 * (about 2 x `batchMs` of calls) and its call count calibrated so one batch takes about `batchMs`; then `rounds` rounds time every case once, in an
 * order rotated each round (A B C, B C A, …), after `warmup` untimed rounds. `now` is the clock
 * in ms. Returns { name: { calls, opsPerSec: [one per round] } }: compare cases by the ratio
 * within each round (same round, same machine state), then the median of those ratios.
 */
export function runSideBySide(cases, input, { rounds, now, batchMs = 20, warmup = 2 }) {
  const names = Object.keys(cases);
  let sink = 0;
  const calls = {};
  for (const name of names) {
    // Warm up first (cold code runs in the interpreter: calibrating on it gives tiny batches).
    const w0 = now();
    while (now() - w0 < batchMs * 2) sink += cases[name](input, 64);
    let n = 256;
    for (;;) {
      const t0 = now();
      sink += cases[name](input, n);
      const dt = now() - t0;
      if (dt >= batchMs / 4 || n >= 1 << 28) {
        n = Math.max(64, Math.round((n * batchMs) / Math.max(dt, 0.001)));
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
      sink += cases[name](input, n);
      const dt = now() - t0;
      if (r >= 0) out[name].opsPerSec.push(n / (dt / 1000));
    }
  }
  if (sink === 0.5) console.log('unreachable');
  return out;
}

/** The median over rounds of (time per call of `name`) / (time per call of `base`). */
export function ratioOfTimes(res, name, base) {
  const xs = res[name].opsPerSec.map((ops, i) => res[base].opsPerSec[i] / ops).sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}
