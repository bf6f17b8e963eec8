// Memory: a long run of mixed calls (classify, userMessage, decide, parseErrorBody, classifyError)
// must not grow the wasm linear memory past what a warm-up reached. 10^5 calls by default,
// 10^6 with HT_LONG=1. Figures are printed on lines starting with `memory:`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadPkg } from '../support/pkg.mjs';

const api = await loadPkg();
const fr = (await import('../../pkg/locales/fr.js')).default;

const TOTAL = process.env.HT_LONG === '1' ? 1_000_000 : 100_000;
const WARM_UP = 20_000;

const bodies = [
  ['{"type":"https://example.com/out-of-credit","title":"Not enough credit","detail":"Balance is 30, cost is 50","balance":30}', 'application/problem+json'],
  ['{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"en-US","message":"Slow down."}]}}', 'application/json'],
  ['{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.","param":"number"}}', 'application/json'],
  ['{"errors":[{"status":"422","source":{"pointer":"/data/attributes/name"},"title":"Invalid","detail":"too short"}]}', 'application/vnd.api+json'],
  ['<html><body>502 Bad Gateway</body></html>', 'text/html'],
  ['{"message":"cut', 'application/json'],
  [`{"message":"${'m'.repeat(100_000)}"}`, 'application/json'],
  [{ message: 'already parsed', errors: [{ field: 'email', message: 'invalid' }] }, undefined],
];
const errors = [
  new TypeError('Failed to fetch'),
  new DOMException('The user aborted a request.', 'AbortError'),
  new DOMException('signal timed out', 'TimeoutError'),
  Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } }),
  new Error('something else'),
  { name: 'HTTPError', status: 503 },
];
const headerSets = [
  undefined,
  { 'retry-after': '2' },
  new Headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT', date: 'Wed, 21 Oct 2015 07:27:00 GMT' }),
  new Headers({ ratelimit: '"default";r=0;t=30', 'ratelimit-policy': '"default";q=100;w=60' }),
  { 'x-ratelimit-reset': '1700000060', 'x-ratelimit-remaining': '0' },
];
const locales = ['en', 'fr-CA', ['de-DE', 'fr'], 'zz', undefined];
const statuses = api.listStatuses().map((s) => s.status);

/** One call of the mix, chosen by `i`; every variant comes round within 120 calls. */
function call(i, policy) {
  switch (i % 5) {
    case 0: return api.classify(statuses[i % statuses.length]).kind;
    case 1: return api.userMessage(statuses[(i >> 3) % statuses.length], { locale: locales[i % locales.length], retryAfterMs: i % 3 === 0 ? 30_000 : undefined }).title;
    case 2: {
      const d = policy.decide({ attempt: 1 + (i % 3), method: i % 7 === 0 ? 'POST' : 'GET', status: [503, 429, 500, 413][i % 4], headers: headerSets[i % headerSets.length], now: 1_700_000_000_000 });
      if (i % 11 === 0) policy.recordSuccess();
      return d.reason;
    }
    case 3: {
      const [body, type] = bodies[i % bodies.length];
      return api.parseErrorBody(body, type)?.format;
    }
    default: return api.classifyError(errors[i % errors.length])?.kind;
  }
}

test(`${TOTAL.toLocaleString('en')} mixed calls: no wasm memory growth after the warm-up`, () => {
  api.addMessages(fr);
  const policy = new api.RetryPolicy({ seed: 42 });
  const initial = api.wasmMemoryBytes();
  for (let i = 0; i < WARM_UP; i += 1) call(i, policy);
  const warm = api.wasmMemoryBytes();
  const start = performance.now();
  const samples = [];
  for (let i = 0; i < TOTAL; i += 1) {
    call(i, policy);
    if (i % (TOTAL / 10) === 0) samples.push(api.wasmMemoryBytes());
  }
  const ms = performance.now() - start;
  const end = api.wasmMemoryBytes();
  policy.free();
  console.log(`memory: ${TOTAL.toLocaleString('en')} mixed calls in ${(ms / 1000).toFixed(1)} s `
    + `(${(ms * 1000 / TOTAL).toFixed(2)} µs/call); wasm memory initial ${initial} B, after ${WARM_UP} warm-up calls ${warm} B, `
    + `at the end ${end} B; JS heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB`);
  assert.deepEqual(samples.filter((s) => s !== warm), [], 'memory grew during the run');
  assert.equal(end, warm, 'wasm memory at the end equals memory after the warm-up');
});

test('many RetryPolicy objects created and freed do not grow memory', async () => {
  for (let i = 0; i < 2_000; i += 1) new api.RetryPolicy({ seed: i }).free();
  const warm = api.wasmMemoryBytes();
  for (let i = 0; i < 20_000; i += 1) {
    const p = new api.RetryPolicy({ seed: i, methods: ['GET', 'POST'] });
    p.decide({ attempt: 1, status: 503 });
    p.free();
  }
  assert.equal(api.wasmMemoryBytes(), warm);
});
