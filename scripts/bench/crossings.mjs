// Crossings: how many JS -> wasm calls each public function makes per call. The bench process
// replaces WebAssembly.Instance, before the package instantiates, with a Proxy whose instances
// expose counting wrappers of the real exports (nothing in src/ changes); each case is called
// once to warm up (first use, caches), then the counter is read around one more call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pkgDir } from './env.mjs';
import { PROBLEM_BODY, makeSpeedCases, BASELINE } from './speed-cases.mjs';
import { fmtMs } from './stats.mjs';
import { decideContexts, POLICY_OPTIONS } from './decide-cases.mjs';

/** Counts per export name, of the calls made since the last reset. */
const counts = new Map();
/** While set, the wrappers also add up the time spent inside the exports (ms). */
let timing = false;
let inWasmMs = 0;

function installCounter() {
  const Real = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Real, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      const exports = {};
      for (const [name, value] of Object.entries(instance.exports)) {
        exports[name] = typeof value !== 'function' ? value : (...a) => {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          if (!timing) return value(...a);
          const t0 = performance.now();
          try {
            return value(...a);
          } finally {
            inWasmMs += performance.now() - t0;
          }
        };
      }
      return { exports };
    },
  });
}

function take() {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const by = [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}${v > 1 ? ` x${v}` : ''}`).join(', ');
  counts.clear();
  return { total, by };
}

/** Runs `fn` (sync or async), returns the crossings it made. */
async function measure(fn) {
  counts.clear();
  await fn();
  return take();
}

/** Node side (fresh process). */
export async function node() {
  installCounter();
  const m = await import(pathToFileURL(join(pkgDir, 'index.js')).href);
  const { default: pack } = await import(pathToFileURL(join(pkgDir, 'descriptions.js')).href);
  const fr = JSON.parse(readFileSync(new URL('../../locales/fr.json', import.meta.url), 'utf8'));
  const contexts = decideContexts(Headers);
  const rows = [];
  const afterImport = take();
  rows.push(['import (no call)', afterImport]);
  rows.push(['first call after import: classify(200) (instantiates)', await measure(() => m.classify(200))]);

  // [label, fn, warm-up first?]
  const err = () => new TypeError('Failed to fetch');
  let policy = null;
  const cases = [
    ['classify(503), first call for that code', () => m.classify(503), false],
    ['classify(503), again (cached)', () => m.classify(503), false],
    ['listStatuses(), first call', () => m.listStatuses(), false],
    ['listStatuses(), again', () => m.listStatuses(), false],
    ["classifyError(new TypeError('Failed to fetch'))", () => m.classifyError(err()), true],
    ['classifyError(a 404 HttpError-like { status: 404 })', () => m.classifyError({ name: 'HTTPError', response: { status: 404 } }), true],
    ["userMessage(404, { locale: 'en' })", () => m.userMessage(404, { locale: 'en' }), true],
    ["userMessage(429, { locale: 'en', retryAfterMs: 30000 })", () => m.userMessage(429, { locale: 'en', retryAfterMs: 30000 }), true],
    ["userMessage(new TypeError('Failed to fetch'))", () => m.userMessage(err()), true],
    ['listLocales()', () => m.listLocales(), true],
    ['addMessages(the French catalog)', () => m.addMessages(fr), true],
    ["userMessage(404, { locale: 'fr-CA' }) after addMessages", () => m.userMessage(404, { locale: 'fr-CA' }), true],
    ['addDescriptions(the descriptions pack)', () => m.addDescriptions(pack), true],
    ["parseErrorBody(1 KB body, 'application/problem+json')", () => m.parseErrorBody(PROBLEM_BODY, 'application/problem+json'), true],
    ['parseErrorBody(the same body as an object)', () => m.parseErrorBody(JSON.parse(PROBLEM_BODY), 'application/problem+json'), true],
    ['new RetryPolicy(options)', () => { policy = new m.RetryPolicy(POLICY_OPTIONS); }, true],
    ['policy.decide(), no headers', () => policy.decide(contexts['no headers (GET, 503)']), true],
    ['policy.decide(), Headers object (HTTP-date Retry-After + Date)', () => policy.decide(contexts['Headers object (GET, 503, Retry-After HTTP-date, 5 fields)']), true],
    ['policy.recordSuccess()', () => policy.recordSuccess(), true],
    ['policy.limit (getter)', () => policy.limit, true],
    ['policy.free()', () => { const p = new m.RetryPolicy(); counts.clear(); p.free(); }, true],
    ['wasmMemoryBytes()', () => m.wasmMemoryBytes(), true],
  ];
  for (const [label, fn, warm] of cases) {
    if (warm) await fn();
    rows.push([label, await measure(fn)]);
  }

  // createFetch over a stub fetch (no network): what one request costs in crossings.
  const ok = () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  const missing = () => new Response(PROBLEM_BODY.replace('"status":422', '"status":404'), { status: 404, headers: { 'content-type': 'application/problem+json' } });
  let calls = 0;
  const flaky = async () => (calls++ % 2 === 0 ? new Response('', { status: 503, headers: { 'retry-after': '0' } }) : ok());
  rows.push(['createFetch() (makes its RetryPolicy)', await measure(() => m.createFetch({ fetch: async () => ok() }))]);
  const api = m.createFetch({ fetch: async () => ok() });
  await api('http://127.0.0.1/x');
  rows.push(['createFetch: one request answered 200', await measure(() => api('http://127.0.0.1/x'))]);
  const apiMissing = m.createFetch({ fetch: async () => missing() });
  await apiMissing('http://127.0.0.1/x').catch(() => {});
  let httpError = null;
  rows.push(['createFetch: one request answered 404 problem+json (HttpError)', await measure(() => apiMissing('http://127.0.0.1/x').catch((e) => { httpError = e; }))]);
  rows.push(['HttpError#userMessage (getter)', await measure(() => httpError.userMessage)]);
  const apiFlaky = m.createFetch({ fetch: flaky, retry: { baseDelayMs: 0 } });
  await apiFlaky('http://127.0.0.1/x');
  rows.push(['createFetch: 503 (Retry-After: 0), retried, then 200', await measure(() => apiFlaky('http://127.0.0.1/x'))]);
  return { rows, split: split(m) };
}

/**
 * Where a call's time goes, for each speed case: the time per call, and the part of it spent
 * inside wasm exports (timed by the wrappers: two clock reads per crossing, ~0.1 µs, which
 * land on the JS side).
 */
function split(m) {
  const cases = makeSpeedCases(m, Headers);
  const out = {};
  for (const [name, f] of Object.entries(cases)) {
    if (name === BASELINE) continue;
    f(null, 2000);
    const runs = [];
    for (let r = 0; r < 7; r++) {
      timing = true;
      inWasmMs = 0;
      counts.clear();
      const n = 5000;
      const t0 = performance.now();
      f(null, n);
      const total = performance.now() - t0;
      timing = false;
      runs.push({ totalMs: total / n, wasmMs: inWasmMs / n });
    }
    runs.sort((a, b) => a.totalMs - b.totalMs);
    out[name] = runs[3];
  }
  counts.clear();
  return out;
}

export async function run(ctx) {
  const { rows, split: splits } = await ctx.child('crossings');
  const data = { counts: Object.fromEntries(rows), split: splits };
  const steady = rows.filter(([label]) => !/first call|^import/.test(label));
  const most = steady.reduce((w, r) => (r[1].total > w[1].total ? r : w), steady[0]);
  const splitSection = {
    id: 'split',
    title: 'Where a call\'s time goes, Node: inside the wasm export vs the JS layer around it (median of 7 batches of 5,000 calls, timed by the counting wrappers)',
    columns: ['call', 'per call', 'inside wasm', 'JS layer (reading inputs, building the answer)'],
    rows: Object.entries(splits).map(([name, r]) => [name, fmtMs(r.totalMs), `${fmtMs(r.wasmMs)} (${Math.round((r.wasmMs / r.totalMs) * 100)}%)`, fmtMs(r.totalMs - r.wasmMs)]),
    targets: [],
    data: splits,
    notes: ['The wrappers add about 0.15 µs per crossing (two clock reads and a count), on the JS side; this runs in its own process at another moment than the speed table, so compare the shares, not the absolute times.'],
  };
  return [{
    id: 'crossings',
    title: 'Crossings: JS -> wasm calls per call of each public function (Node; counted by wrapping the instance\'s exports from the bench process)',
    columns: ['call', 'crossings', 'exports called'],
    rows: rows.map(([label, r]) => [label, String(r.total), r.by || '—']),
    targets: [],
    data,
    notes: [
      `Each call is made once before it is counted (first use, caches, IN buffer growth), except the rows that say "first call". The most: ${most[0]} with ${most[1].total}.`,
      'createFetch rows use a stub fetch that answers at once (no network). "input" is the export that grows the IN buffer; it is called only when an argument does not fit.',
    ],
  }, splitSection];
}
