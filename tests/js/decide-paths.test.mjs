// decide() has two readers of the context: the fast one (primitives, headers joined into one
// string) and the full one in Rust (arrays of pairs, Maps, error objects, odd values). They
// must answer alike; these tests steer the same context down both and compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPkg } from '../support/pkg.mjs';

const api = await loadPkg();
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const http = (ms) => new Date(NOW + ms).toUTCString();

/** The same headers as a plain object, a Headers object (fast) and an array and a Map (full). */
function forms(pairs) {
  return {
    plain: Object.fromEntries(pairs),
    headers: new Headers(pairs),
    array: pairs.map(([n, v]) => [n, v]),
    map: new Map(pairs),
  };
}

const HEADER_SETS = [
  [],
  [['Retry-After', '3']],
  [['retry-after', http(4_000)], ['Date', http(0)]],
  [['Retry-After', 'soon'], ['RateLimit', '"day";r=0;t=7']],
  [['X-RateLimit-Reset', String(Math.floor(NOW / 1000) + 9)], ['X-RateLimit-Remaining', '0'], ['Date', http(0)]],
  [['RateLimit-Reset', '5'], ['RateLimit-Remaining', '3']],
  [['Retry-After', '120']],
  [['Idempotency-Key', 'k1'], ['Content-Type', 'application/json'], ['Retry-After', ' 2\t']],
  [['Cache-Control', 'no-store'], ['Server', 'nginx'], ['Retry-After', '1, 5']],
];

const CASES = [];
for (const pairs of HEADER_SETS) {
  for (const [method, status] of [['GET', 503], ['GET', 429], ['POST', 429], ['POST', 409], ['PUT', 413], ['GET', 404], ['GET', 599], ['GET', 200]]) {
    for (const attempt of [1, 2, 3]) CASES.push({ pairs, method, status, attempt });
  }
}

const decideBoth = (ctx, headersForm) => {
  const fast = new api.RetryPolicy({ seed: 7 });
  const full = new api.RetryPolicy({ seed: 7 });
  return [fast, full].map((p) => p.decide(ctx(headersForm)));
};

test('the fast and the full reader decide alike (response headers)', () => {
  for (const { pairs, method, status, attempt } of CASES) {
    const f = forms(pairs);
    const make = (headers) => () => ({ attempt, method, status, headers, now: NOW, elapsedMs: 10, deadlineMs: 60_000 });
    const fastPlain = new api.RetryPolicy({ seed: 7 }).decide(make(f.plain)());
    const fastHeaders = new api.RetryPolicy({ seed: 7 }).decide(make(f.headers)());
    const fullArray = new api.RetryPolicy({ seed: 7 }).decide(make(f.array)());
    const fullMap = new api.RetryPolicy({ seed: 7 }).decide(make(f.map)());
    const label = `${method} ${status} attempt ${attempt} ${JSON.stringify(pairs)}`;
    assert.deepEqual(fastPlain, fullArray, label);
    assert.deepEqual(fastHeaders, fullArray, label);
    assert.deepEqual(fullMap, fullArray, label);
  }
});

test('the fast and the full reader decide alike (request headers, error kinds, deadlines)', () => {
  const contexts = [
    { attempt: 1, method: 'POST', status: 503 },
    { attempt: 1, method: 'patch', error: 'network_error' },
    { attempt: 1, method: 'GET', error: 'timeout', elapsedMs: 50, deadlineMs: 100 },
    { attempt: 1, method: 'GET', error: 'offline' },
    { attempt: 1, method: 'GET', error: 'aborted' },
    { attempt: 2, status: 500, elapsedMs: 99_999, deadlineMs: 100_000 },
    { attempt: 1, method: 'DELETE', status: 502, now: Number.POSITIVE_INFINITY },
  ];
  for (const base of contexts) {
    for (const key of [undefined, 'Idempotency-Key', 'x-idempotency-key']) {
      const pairs = key ? [[key, 'abc']] : [];
      const f = forms(pairs);
      const [a] = decideBoth((h) => ({ ...base, requestHeaders: h, now: base.now ?? NOW }), f.plain);
      const [b] = decideBoth((h) => ({ ...base, requestHeaders: h, now: base.now ?? NOW }), f.array);
      assert.deepEqual(a, b, `${JSON.stringify(base)} ${key}`);
    }
  }
});

test('budget and random source are shared by both readers of one policy', () => {
  // Alternate readers on one policy: the same sequence as one reader alone.
  const mixed = new api.RetryPolicy({ seed: 3, budget: { maxTokens: 4, tokenRatio: 0.5 } });
  const single = new api.RetryPolicy({ seed: 3, budget: { maxTokens: 4, tokenRatio: 0.5 } });
  for (let i = 0; i < 8; i++) {
    const headers = i % 2 ? [['x', 'y']] : { x: 'y' };
    assert.deepEqual(
      mixed.decide({ attempt: 1, status: 503, headers, now: NOW }),
      single.decide({ attempt: 1, status: 503, headers: { x: 'y' }, now: NOW }),
    );
  }
  assert.equal(mixed.budgetTokens, single.budgetTokens);
});

test('values only the full reader takes still get its precise errors', () => {
  const p = new api.RetryPolicy();
  assert.throws(() => p.decide({ attempt: 0 }), { name: 'RangeError', message: /context\.attempt must be an integer >= 1, got 0/ });
  assert.throws(() => p.decide({ attempt: 1.5 }), RangeError);
  assert.throws(() => p.decide({ attempt: '1' }), { name: 'TypeError', message: /context\.attempt/ });
  assert.throws(() => p.decide({ attempt: 1, status: 700 }), { name: 'RangeError', message: /context\.status/ });
  assert.throws(() => p.decide({ attempt: 1, status: Number.NaN }), TypeError);
  assert.throws(() => p.decide({ attempt: 1, method: '' }), { name: 'TypeError', message: /context\.method/ });
  assert.throws(() => p.decide({ attempt: 1, error: 'boom' }), { name: 'TypeError', message: /context\.error/ });
  assert.throws(() => p.decide({ attempt: 1, elapsedMs: Number.NaN }), { name: 'TypeError', message: /context\.elapsedMs/ });
  assert.throws(() => p.decide({ attempt: 1, headers: 'retry-after: 1' }), { name: 'TypeError', message: /context\.headers/ });
  // A getter that throws, a NUL inside a value: the full reader answers.
  const hostile = { attempt: 1, status: 503, headers: { get 'retry-after'() { throw new Error('no'); } } };
  assert.equal(p.decide(hostile).reason, 'status');
  assert.equal(p.decide({ attempt: 1, status: 503, now: NOW, headers: { 'retry-after': '2\0x' } }).reason, 'status');
  assert.equal(p.decide({ attempt: 1, status: 503, now: NOW }).reason, 'status');
});

test('a freed policy says so instead of failing inside the wasm', () => {
  const p = new api.RetryPolicy();
  p.free();
  p.free(); // twice is fine
  assert.throws(() => p.decide({ attempt: 1 }), { name: 'TypeError', message: /freed/ });
  assert.throws(() => p.limit, TypeError);
  assert.equal(new api.RetryPolicy().decide({ attempt: 1, status: 503 }).retry, true);
});

test('strings that are not ASCII or that outgrow the scratch buffer decide alike', () => {
  const big = `${'1'.repeat(3)}${' '.repeat(3_990)}`; // 3,993 chars: kept (≤ 4096 bytes)
  const headerSets = [
    { 'Retry-After': '５' }, // a full-width digit: not delta-seconds
    { 'retry-after': 'Wed, 15 Jan 2025 12:00:09 GMT', Date: 'Mitt, 15 Jan 2025 12:00:00 GMT — ü' },
    { 'retry-after': big, 'Retry-After': big, 'RETRY-AFTER': big, 'retry-After': big, 'X-RateLimit-Reset': big },
    { 'retry-after': 'é'.repeat(4_000) }, // 8,000 bytes: over the value limit in bytes, not in chars
  ];
  for (const headers of headerSets) {
    for (const method of ['GET', 'PÖST', 'delete']) {
      const ctx = (h) => ({ attempt: 1, method, status: 503, headers: h, now: NOW, requestHeaders: { 'Idempotency-Key': 'ключ' } });
      const fast = new api.RetryPolicy({ seed: 5 }).decide(ctx(headers));
      const full = new api.RetryPolicy({ seed: 5 }).decide(ctx(Object.entries(headers)));
      assert.deepEqual(fast, full, `${method} ${JSON.stringify(headers).slice(0, 80)}`);
    }
  }
  // The module keeps answering afterwards.
  assert.equal(new api.RetryPolicy({ seed: 1, jitter: 'none' }).decide({ attempt: 1, status: 503, headers: { 'retry-after': '2' }, now: NOW }).delayMs, 2000);
});

test('random contexts: the fast and the full reader agree (seeded, 400 cases)', () => {
  // A small deterministic generator, so a failure names a reproducible case.
  let state = 0x2545f491;
  const rand = (n) => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state % n;
  };
  const pick = (xs) => xs[rand(xs.length)];
  const NAMES = ['Retry-After', 'retry-after', 'RateLimit', 'RateLimit-Reset', 'RateLimit-Remaining',
    'X-RateLimit-Reset', 'X-RateLimit-Remaining', 'X-Rate-Limit-Reset', 'Date', 'Idempotency-Key',
    'X-Idempotency-Key', 'Content-Type', 'Server'];
  const VALUES = ['0', '1', '2', '30', '120', '-1', '1.5', ' 7 ', 'soon', '', http(3_000), http(-5_000),
    'Sunday, 19-Jan-25 12:00:09 GMT', 'Sun Jan 19 12:00:09 2025', '"d";r=0;t=4', '"a";r=5;t=9, "b";r=0;t=2',
    String(Math.floor(NOW / 1000) + 8), String(NOW + 6_000), 'k', '１'];
  const reasons = new Set();
  for (let i = 0; i < 400; i++) {
    const pairs = [];
    for (let k = rand(5); k > 0; k--) pairs.push([pick(NAMES), pick(VALUES)]);
    const plain = {};
    for (const [n, v] of pairs) if (!(n in plain)) plain[n] = v;
    const dedup = Object.entries(plain);
    const base = {
      attempt: 1 + rand(4),
      method: pick(['GET', 'POST', 'PUT', 'patch', undefined]),
      status: pick([408, 409, 413, 425, 429, 500, 502, 503, 504, 404, 520, 599, 200, undefined]),
      error: rand(6) === 0 ? pick(['network_error', 'timeout', 'offline', 'aborted']) : undefined,
      elapsedMs: rand(3) === 0 ? rand(20_000) : undefined,
      deadlineMs: rand(3) === 0 ? rand(30_000) : undefined,
      now: NOW,
    };
    const options = { seed: i, jitter: pick(['full', 'equal', 'none']), budget: rand(2) ? false : { maxTokens: 3, tokenRatio: 0.5 } };
    const run = (headers) => new api.RetryPolicy(options).decide({ ...base, headers, requestHeaders: rand(4) === 0 ? headers : undefined });
    const saved = state;
    const fastPlain = run(plain);
    let headersObject = null;
    try { headersObject = new Headers(dedup); } catch { /* a value Headers refuses (not a ByteString) */ }
    state = saved;
    const fastHeaders = headersObject && run(headersObject);
    state = saved;
    const full = run(dedup);
    const label = `case ${i}: ${JSON.stringify({ base, options, dedup })}`;
    assert.deepEqual(fastPlain, full, label);
    reasons.add(full.reason);
    // Headers joins repeated names and lowercases them; with distinct names it reads the same.
    const distinct = new Set(dedup.map(([n]) => n.toLowerCase())).size === dedup.length;
    if (distinct && headersObject) assert.deepEqual(fastHeaders, full, label);
  }
  // The cases reach most of the rules, not one answer 400 times.
  assert.ok(reasons.size >= 8, [...reasons].join(' '));
});
