// Memory: the wasm linear memory (wasmMemoryBytes()) before and after 10^6 mixed calls of every
// export. Linear memory never shrinks, so a leak shows as growth; a flat line after the warm-up
// means the allocator reuses what the calls free.
import { loadPkg } from './env.mjs';
import { rng, statusCodes, fmtKB } from './stats.mjs';

const CALLS = 1_000_000;
const WARMUP = 10_000;

/** Node side (fresh process). */
export async function node({ calls = CALLS } = {}) {
  const m = await loadPkg();
  const codes = statusCodes(1 << 14, 7);
  const next = rng(99);
  const policy = new m.RetryPolicy({ seed: 3 });
  const headers = new Headers({ 'retry-after': '1', date: new Date(Date.UTC(2025, 0, 1)).toUTCString() });
  const bodies = [
    '{"type":"about:blank","title":"Not enough credit","detail":"Balance is 30","status":403}',
    { error: { code: 400, message: 'Bad email', status: 'INVALID_ARGUMENT', details: [] } },
    '<html>bad gateway</html>',
  ];
  const errors = [new TypeError('Failed to fetch'), new DOMException('The operation was aborted.', 'AbortError'), new Error('x')];
  const fr = { locale: 'fr', kinds: { not_found: { title: 'Introuvable', message: 'Nous ne trouvons pas cette page.', action: 'Vérifiez le lien.' } } };
  // Each call kind with its share of the mix (weights sum to 100).
  const mix = [
    [35, (i) => m.classify(codes[i & 16383]).kind],
    [15, (i) => m.classify(100 + (i % 500)).kind],
    [15, (i) => policy.decide({ attempt: 1 + (i % 3), method: 'GET', status: codes[i & 16383] >= 500 ? 503 : 429, headers: i % 2 ? headers : { 'retry-after': '2' } }).reason],
    [10, (i) => m.userMessage(codes[i & 16383] >= 400 ? codes[i & 16383] : 404, { locale: i % 3 ? 'fr-CA' : 'en', retryAfterMs: i % 2 ? 30_000 : undefined }).title],
    [10, (i) => m.parseErrorBody(bodies[i % 3], i % 3 ? 'application/json' : 'application/problem+json')?.format],
    [8, (i) => m.classifyError(errors[i % 3])?.kind],
    [4, () => policy.recordSuccess()],
    [2, (i) => { const p = new m.RetryPolicy({ limit: i % 5 }); const d = p.decide({ attempt: 1, method: 'GET', status: 503 }); p.free(); return d.retry; }],
    [1, (i) => m.addMessages({ ...fr, kinds: { not_found: { ...fr.kinds.not_found, title: `Introuvable ${i % 10}` } } })],
  ];
  const table = [];
  for (const [w, f] of mix) for (let k = 0; k < w; k++) table.push(f);
  const run = (from, to) => {
    let sink = 0;
    for (let i = from; i < to; i++) { const v = table[Math.floor(next() * table.length)](i); sink += v ? 1 : 0; }
    return sink;
  };
  const fresh = m.wasmMemoryBytes();
  run(0, WARMUP);
  const warm = m.wasmMemoryBytes();
  const checkpoints = [];
  const t0 = performance.now();
  for (let done = WARMUP; done < WARMUP + calls; done += calls / 4) {
    run(done, done + calls / 4);
    checkpoints.push(m.wasmMemoryBytes());
  }
  const seconds = (performance.now() - t0) / 1000;
  // A 10 MB member string (issue 12's repro): the JS layer should cut it before copying it in.
  const big = 'é'.repeat(1e7);
  const beforeBig = m.wasmMemoryBytes();
  m.parseErrorBody({ detail: big }, 'application/problem+json');
  const afterObject = m.wasmMemoryBytes();
  m.parseErrorBody(JSON.stringify({ title: 'x', detail: big }), 'application/problem+json');
  const afterString = m.wasmMemoryBytes();
  return { fresh, warm, checkpoints, seconds, big: { beforeBig, afterObject, afterString }, mix: mix.map(([w, f]) => [w, String(f).slice(0, 60)]) };
}

export async function run(ctx) {
  const r = await ctx.child('memory');
  const after = r.checkpoints.at(-1);
  const flat = after === r.warm;
  const bigGrowth = r.big.afterString - r.big.beforeBig;
  return {
    id: 'memory',
    title: 'Memory (Node): wasm linear memory, wasmMemoryBytes(), over 10^6 mixed calls and after a 10 MB member string',
    columns: ['when', 'bytes', 'KB'],
    rows: [
      ['after import and the setup calls (first use)', String(r.fresh), fmtKB(r.fresh)],
      [`after ${WARMUP.toLocaleString('en')} warm-up calls`, String(r.warm), fmtKB(r.warm)],
      ...r.checkpoints.map((b, i) => [`after ${((i + 1) * CALLS / 4).toLocaleString('en')} more mixed calls`, String(b), fmtKB(b)]),
      ["after parseErrorBody({ detail: 'é'.repeat(1e7) })", String(r.big.afterObject), fmtKB(r.big.afterObject)],
      ['after parseErrorBody of the same as a JSON string body', String(r.big.afterString), fmtKB(r.big.afterString)],
    ],
    targets: [{
      label: 'wasm memory flat over 10^6 calls (no growth after the warm-up)',
      value: `${fmtKB(r.warm)} -> ${fmtKB(after)} (${after - r.warm >= 0 ? '+' : ''}${after - r.warm} B)`,
      met: flat,
      key: 'memory',
    }, {
      label: 'wasm memory grows < 1 MB for a 10 MB member string (parseErrorBody({ detail: \'é\'.repeat(1e7) }), then the same as a JSON string)',
      value: `+${fmtKB(r.big.afterObject - r.big.beforeBig)} (object), +${fmtKB(r.big.afterString - r.big.afterObject)} more (string body)`,
      met: bigGrowth < 2 ** 20,
      key: 'memory-big',
    }],
    data: r,
    notes: [
      `Mix of 10^6 calls (${r.seconds.toFixed(1)} s): 50% classify (35% the realistic mix, 15% every code 100-599), 15% decide (plain-object and Headers headers), 10% userMessage (en / fr-CA, with and without a wait), 10% parseErrorBody (problem+json, Google object, HTML), 8% classifyError, 4% recordSuccess, 2% new RetryPolicy + decide + free(), 1% addMessages overriding a French entry.`,
    ],
  };
}
