// The hostile-input matrix: every export and every option called with every kind of JavaScript
// value (edge numbers, huge strings, Symbols, BigInts, Proxies whose traps throw, throwing
// getters, frozen, huge, deep and cyclic objects). Each call must return a sensible value or
// throw a TypeError / RangeError whose message names the argument; none may end in a wasm trap
// or leave the module unusable, and the caller's own exceptions (from its traps and getters)
// must not escape the package's functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { KINDS as KIND_LIST } from '../support/kinds.mjs';
import { loadPkg } from '../support/pkg.mjs';
import { hostileValues, HostileError, throwingProxy, throwingGetters } from '../support/hostile-values.mjs';

const api = await loadPkg();
const VALUES = hostileValues();

/** What a wasm trap or a broken module looks like. */
const TRAP = /unreachable|memory access out of bounds|recursive use of an object|null pointer|borrowed|table index|RuntimeError|Maximum call stack/i;
/** The longest any single call may take. */
const SLOW_MS = 3_000;

const KINDS = new Set(KIND_LIST);
const RETRY_OPTIONS = ['limit', 'methods', 'statusCodes', 'afterStatusCodes', 'maxRetryAfterMs', 'baseDelayMs',
  'maxDelayMs', 'jitter', 'retryOnTimeout', 'retryNonIdempotentWithKey', 'budget', 'seed'];
const RETRY_NAMES = /\b(retry options|options|limit|methods|statusCodes|afterStatusCodes|maxRetryAfterMs|baseDelayMs|maxDelayMs|jitter|retryOnTimeout|retryNonIdempotentWithKey|budget|seed|retry)\b|is not a (retry|budget) option/;

const describe = (v) => {
  try {
    if (typeof v === 'string') return v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}…` : JSON.stringify(v);
    return String(v).slice(0, 60);
  } catch {
    return '<unprintable>';
  }
};

/** Runs calls, collecting every broken contract; `done()` fails the test with all of them. */
class Matrix {
  problems = [];

  calls = 0;

  /**
   * @param {string} label what was called, for the report
   * @param {() => unknown} fn the call
   * @param {{ names?: RegExp, check?: (v: unknown) => string | undefined, mustThrow?: boolean,
   *   neverThrows?: boolean }} rules
   *   names: a thrown TypeError/RangeError must name one of these; check: a returned value's
   *   problem, if any; mustThrow: returning at all is a problem; neverThrows: throwing at all is
   */
  call(label, fn, { names, check, mustThrow = false, neverThrows = false } = {}) {
    this.calls += 1;
    const start = performance.now();
    let value;
    let error;
    let threw = false;
    try {
      value = fn();
    } catch (e) {
      threw = true;
      error = e;
    }
    const ms = performance.now() - start;
    const problem = (what) => this.problems.push(`${label}: ${what}`);
    if (ms > SLOW_MS) problem(`took ${ms.toFixed(0)} ms`);
    if (threw) {
      if (!(error instanceof Error)) return problem(`threw a non-Error: ${describe(error)}`);
      if (neverThrows) return problem(`threw ${error.name}: ${error.message}`);
      if (error instanceof WebAssembly.RuntimeError || TRAP.test(`${error.name} ${error.message}`)) {
        return problem(`wasm trap or broken module: ${error.name}: ${error.message}`);
      }
      if (error instanceof HostileError) return problem('let the caller\'s own exception (a trap or getter) escape');
      if (!(error instanceof TypeError) && !(error instanceof RangeError)) {
        return problem(`threw ${error.name} (expected TypeError or RangeError): ${error.message}`);
      }
      if (names && !names.test(error.message)) return problem(`message does not name the argument: ${error.message}`);
      return undefined;
    }
    if (mustThrow) return problem(`returned ${describe(value)} instead of throwing`);
    const bad = check?.(value);
    if (bad) problem(bad);
    return undefined;
  }

  done() {
    assert.ok(api.classify(404).reason === 'Not Found', 'the module still answers after the matrix');
    assert.deepEqual(this.problems, [], `${this.problems.length} of ${this.calls} calls broke the contract`);
  }
}

const isMessage = (m) => (m && typeof m.title === 'string' && m.title.trim() && typeof m.message === 'string'
  && m.message.trim() && typeof m.action === 'string' && m.action.trim() && KINDS.has(m.kind)
  && typeof m.locale === 'string' && (m.dir === 'ltr' || m.dir === 'rtl')
  ? undefined : `not a UserMessage: ${JSON.stringify(m)?.slice(0, 120)}`);
const isDetailsOrNull = (d) => (d === null || (typeof d === 'object' && typeof d.format === 'string' && Array.isArray(d.fieldErrors))
  ? undefined : `not ErrorDetails or null: ${describe(d)}`);
const isDecision = (d) => (d && typeof d.retry === 'boolean' && Number.isFinite(d.delayMs) && d.delayMs >= 0 && typeof d.reason === 'string'
  ? undefined : `not a RetryDecision: ${JSON.stringify(d)}`);

test('classify: every non-status value is a TypeError or RangeError naming status', () => {
  const m = new Matrix();
  for (const [name, v] of VALUES) m.call(`classify(${name})`, () => api.classify(v), { names: /^status must be an integer from 100 to 599/, mustThrow: true });
  m.done();
  assert.throws(() => api.classify(600), { name: 'RangeError', message: 'status must be an integer from 100 to 599, got 600' });
  assert.throws(() => api.classify(10n), { name: 'TypeError', message: /got a bigint/ });
  assert.throws(() => api.classify(Symbol('x')), { name: 'TypeError', message: /got a symbol/ });
});

test('classifyError never throws and gives null or { kind, retryable }', () => {
  const m = new Matrix();
  const check = (c) => (c === null || (KINDS.has(c.kind) && typeof c.retryable === 'boolean') ? undefined : `bad answer ${JSON.stringify(c)}`);
  for (const [name, v] of VALUES) {
    m.call(`classifyError(${name})`, () => api.classifyError(v), { check, neverThrows: true });
    for (const key of ['name', 'message', 'code', 'status', 'cause', 'response']) {
      m.call(`classifyError({${key}: ${name}})`, () => api.classifyError(Object.assign(new TypeError('Failed to fetch'), { [key]: v })), { check, neverThrows: true });
    }
  }
  m.done();
  assert.equal(api.classifyError(throwingGetters()), null);
  assert.equal(api.classifyError(new TypeError('Failed to fetch')).kind, 'network_error');
});

test('userMessage: inputs and every option', () => {
  const m = new Matrix();
  for (const [name, v] of VALUES) {
    m.call(`userMessage(${name})`, () => api.userMessage(v, { locale: 'en' }), { names: /^input\b/, check: isMessage });
    m.call(`userMessage(404, ${name})`, () => api.userMessage(404, v), { names: /^options\b/, check: isMessage });
    m.call(`userMessage(404, { locale: ${name} })`, () => api.userMessage(404, { locale: v }), { names: /^options\.locale\b/, check: isMessage });
    m.call(`userMessage(429, { retryAfterMs: ${name} })`, () => api.userMessage(429, { locale: 'en', retryAfterMs: v }), { names: /^options\.retryAfterMs\b/, check: isMessage });
    m.call(`userMessage(422, { includeServerDetail: ${name} })`, () => api.userMessage(422, { includeServerDetail: v }), { check: isMessage, neverThrows: true });
    m.call(`userMessage({ status: 422, details: ${name} })`, () => api.userMessage({ status: 422, details: v }, { includeServerDetail: true }), { check: isMessage, neverThrows: true });
    m.call(`userMessage({ status: 429, retryAfterMs: ${name} })`, () => api.userMessage({ status: 429, retryAfterMs: v }, { locale: 'en' }), { check: isMessage, neverThrows: true });
    m.call(`userMessage({ kind: ${name} })`, () => api.userMessage({ kind: v }), { names: /^input\b/, check: isMessage });
    m.call(`userMessage({ status: ${name} })`, () => api.userMessage({ status: v }), { names: /^input\b/, check: isMessage });
  }
  m.done();
  // Huge server text is cut, plain and bounded.
  const long = api.userMessage({ status: 422, details: { detail: `\u202e${'z '.repeat(1 << 19)}` } }, { locale: 'en', includeServerDetail: true });
  assert.ok(long.message.length <= 300 && !long.message.includes('\u202e'));
});

test('addMessages: the catalog, every field and entry', () => {
  const m = new Matrix();
  const names = /^(catalog|locale|dir|waitAction|kinds|statuses)\b|is not a known (field|kind)|^at most \d+ locales/;
  const check = (tag) => (typeof tag === 'string' && tag.length > 0 ? undefined : `not a tag: ${describe(tag)}`);
  for (const [name, v] of VALUES) {
    m.call(`addMessages(${name})`, () => api.addMessages(v), { names, check });
    m.call(`addMessages({ locale: ${name} })`, () => api.addMessages({ locale: v }), { names, check });
    for (const key of ['dir', 'waitAction', 'kinds', 'statuses']) {
      m.call(`addMessages({ ${key}: ${name} })`, () => api.addMessages({ locale: 'qaa', [key]: v }), { names, check });
    }
    m.call(`addMessages(kinds.not_found = ${name})`, () => api.addMessages({ locale: 'qaa', kinds: { not_found: v } }), { names, check });
    m.call(`addMessages(statuses[426] = ${name})`, () => api.addMessages({ locale: 'qaa', statuses: { 426: v } }), { names, check });
    for (const field of ['title', 'message', 'action', 'waitAction']) {
      m.call(`addMessages(kinds.not_found.${field} = ${name})`, () => api.addMessages({ locale: 'qaa', kinds: { not_found: { [field]: v } } }), { names, check });
    }
  }
  m.done();
  // A rejected catalog registers nothing and names the path.
  assert.throws(() => api.addMessages({ locale: 'qab', kinds: { not_found: { title: 'ok' }, gone: { title: 5 } } }),
    { name: 'TypeError', message: 'kinds.gone.title must be a string' });
  assert.ok(!api.listLocales().includes('qab'));
  assert.throws(() => api.addMessages({ locale: 'qab', kinds: { not_found: { title: 'x'.repeat(1 << 20) } } }), { name: 'RangeError' });
  // Up to 2,000 characters are kept whole whatever their UTF-8 size; more is a RangeError, never
  // a silently shortened text.
  for (const ch of ['中', '😀', 'é']) {
    api.addMessages({ locale: 'qad', kinds: { not_found: { title: ch.repeat(2000) } } });
    assert.equal(api.userMessage(404, { locale: 'qad' }).title, ch.repeat(2000));
    assert.throws(() => api.addMessages({ locale: 'qad', kinds: { not_found: { title: ch.repeat(2001) } } }),
      { name: 'RangeError', message: 'kinds.not_found.title must be at most 2000 characters' });
    assert.throws(() => api.addMessages({ locale: 'qad', kinds: { not_found: { title: ch.repeat(1 << 18) } } }), { name: 'RangeError' });
  }
});

test('addDescriptions: the pack, its statuses, keys and texts', () => {
  const m = new Matrix();
  const names = /^(pack|locale|statuses)\b|is not a known field/;
  const check = (r) => (r === undefined ? undefined : `returned ${describe(r)} instead of undefined`);
  const kept = api.classify(404).description;
  const keys = ['NaN', 'Infinity', '-0', '-1', '0', '99', '600', '404.5', '1e3', '0404', ' 404', '', '__proto__',
    'constructor', 'x'.repeat(1 << 20), Symbol('key')];
  for (const [name, v] of VALUES) {
    m.call(`addDescriptions(${name})`, () => api.addDescriptions(v), { names, check });
    m.call(`addDescriptions({ statuses: ${name} })`, () => api.addDescriptions({ statuses: v }), { names, check });
    m.call(`addDescriptions({ locale: ${name} })`, () => api.addDescriptions({ locale: v, statuses: {} }), { names, check });
    // 432 has no catalog row: what the matrix registers there touches no other test.
    m.call(`addDescriptions(statuses[432] = ${name})`, () => api.addDescriptions({ statuses: { 432: v } }), { names, check });
  }
  for (const key of keys) {
    m.call(`addDescriptions(statuses[${describe(key)}])`, () => api.addDescriptions({ statuses: { [key]: 'text' } }), { names, check });
  }
  m.call('addDescriptions(statuses getter throws)', () => api.addDescriptions({ get statuses() { throw new HostileError(); } }), { names, check });
  m.call('addDescriptions(statuses[404] getter throws)', () => api.addDescriptions({ statuses: { get 404() { throw new HostileError(); } } }), { names, check });
  m.call('addDescriptions(statuses Proxy throws)', () => api.addDescriptions({ statuses: throwingProxy() }), { names, check });
  m.call('addDescriptions(3,000 keys)', () => api.addDescriptions({ statuses: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [i, 'x'])) }), { names, check });
  m.done();
  assert.equal(api.classify(404).description, kept, 'no call of the matrix touched 404');
  api.addDescriptions({ statuses: { 432: 'After the matrix, a pack still registers.' } });
  assert.equal(api.classify(432).description, 'After the matrix, a pack still registers.');
});

test('parseErrorBody never throws on any body or content type', () => {
  const m = new Matrix();
  for (const [name, v] of VALUES) {
    m.call(`parseErrorBody(${name})`, () => api.parseErrorBody(v), { check: isDetailsOrNull, neverThrows: true });
    m.call(`parseErrorBody(json, ${name})`, () => api.parseErrorBody('{"title":"t"}', v), { check: isDetailsOrNull, neverThrows: true });
    m.call(`parseErrorBody(${name}, problem+json)`, () => api.parseErrorBody(v, 'application/problem+json'), { check: isDetailsOrNull, neverThrows: true });
    m.call(`parseErrorBody({ error: ${name} })`, () => api.parseErrorBody({ error: v, errors: [v], title: v, detail: v }), { check: isDetailsOrNull, neverThrows: true });
  }
  m.done();
  assert.equal(api.parseErrorBody(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json'), null);
  assert.equal(api.parseErrorBody('{"title":"t"}', 'application/problem+json').title, 't');
});

test('new RetryPolicy: options, budget fields and list entries', () => {
  const m = new Matrix();
  const policies = [];
  const check = (p) => {
    if (!(p instanceof api.RetryPolicy)) return `not a RetryPolicy: ${describe(p)}`;
    policies.push(p);
    const d = p.decide({ attempt: 1, method: 'GET', status: 503, now: 0 });
    return isDecision(d);
  };
  for (const [name, v] of VALUES) {
    m.call(`new RetryPolicy(${name})`, () => new api.RetryPolicy(v), { names: RETRY_NAMES, check });
    for (const key of RETRY_OPTIONS) m.call(`new RetryPolicy({ ${key}: ${name} })`, () => new api.RetryPolicy({ [key]: v }), { names: RETRY_NAMES, check });
    for (const key of ['maxTokens', 'tokenRatio']) m.call(`new RetryPolicy({ budget: { ${key}: ${name} } })`, () => new api.RetryPolicy({ budget: { [key]: v } }), { names: RETRY_NAMES, check });
    for (const key of ['methods', 'statusCodes', 'afterStatusCodes']) m.call(`new RetryPolicy({ ${key}: [${name}] })`, () => new api.RetryPolicy({ [key]: [v] }), { names: RETRY_NAMES, check });
  }
  m.done();
  for (const p of policies) p.free();
  assert.throws(() => new api.RetryPolicy({ limit: -1 }), { name: 'RangeError', message: 'limit must be an integer from 0 to 100, got -1' });
  assert.throws(() => new api.RetryPolicy({ limitt: 1 }), { name: 'TypeError', message: /^limitt is not a retry option/ });
  assert.throws(() => new api.RetryPolicy({ baseDelayMs: Infinity }), { name: 'RangeError', message: /^baseDelayMs must be a finite number/ });
});

test('policy.decide: the context and each of its fields, headers and header values', () => {
  const m = new Matrix();
  const policy = new api.RetryPolicy({ seed: 7, budget: false });
  const names = /^context\b/;
  for (const [name, v] of VALUES) {
    m.call(`decide(${name})`, () => policy.decide(v), { names, check: isDecision });
    for (const key of ['attempt', 'method', 'status', 'headers', 'requestHeaders', 'error', 'elapsedMs', 'deadlineMs', 'now']) {
      m.call(`decide({ ${key}: ${name} })`, () => policy.decide({ attempt: 1, method: 'GET', status: 503, [key]: v }), { names, check: isDecision });
    }
    for (const header of ['retry-after', 'date', 'ratelimit', 'x-ratelimit-reset', 'idempotency-key']) {
      m.call(`decide(headers['${header}'] = ${name})`, () => policy.decide({ attempt: 1, method: 'POST', status: 429, headers: { [header]: v } }), { names, check: isDecision });
    }
    m.call(`decide(headers = [[${name}, ${name}]])`, () => policy.decide({ attempt: 1, status: 503, headers: [[v, v]], requestHeaders: [[v, v]] }), { names, check: isDecision });
    m.call(`decide(headers = Map(${name}))`, () => policy.decide({ attempt: 1, status: 503, headers: new Map([['retry-after', v]]) }), { names, check: isDecision });
    m.call(`recordSuccess(${name})`, () => policy.recordSuccess(v), { neverThrows: true });
  }
  // Iterators that throw at every step: entries(), next, done, value.
  const iterating = (iter) => ({ entries: () => iter });
  const hostileIters = [
    ['entries() throws', { entries() { throw new HostileError(); } }],
    ['next getter throws', iterating({ get next() { throw new HostileError(); } })],
    ['next() throws', iterating({ next() { throw new HostileError(); } })],
    ['done getter throws', iterating({ next: () => ({ get done() { throw new HostileError(); } }) })],
    ['value getter throws', iterating({ next: () => ({ done: false, get value() { throw new HostileError(); } }) })],
    ['endless iterator', iterating({ next: () => ({ done: false, value: ['retry-after', '1'] }) })],
    ['pair Proxy throws', iterating({ n: 0, next() { this.n += 1; return { done: this.n > 3, value: throwingProxy([]) }; } })],
  ];
  for (const [name, headers] of hostileIters) {
    m.call(`decide(headers: ${name})`, () => policy.decide({ attempt: 1, status: 503, headers, requestHeaders: headers }), { names, check: isDecision });
  }
  m.done();
  // The policy is still whole: not left borrowed by an exception, freeable, and exact.
  const exact = new api.RetryPolicy({ seed: 1, jitter: 'none' });
  assert.deepEqual(exact.decide({ attempt: 1, method: 'GET', status: 429, headers: { 'Retry-After': '2' } }),
    { retry: true, delayMs: 2000, reason: 'retry_after', retryAfterMs: 2000 });
  assert.equal(exact.decide({ attempt: 1, method: 'POST', status: 503, requestHeaders: [['Idempotency-Key', 'k1']] }).retry, true,
    'an Idempotency-Key given as [name, value] pairs (a HeadersInit) counts');
  policy.free();
  exact.free();
  // Use after free is an Error, not a trap, and the module keeps working.
  assert.throws(() => policy.decide({ attempt: 1 }), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  assert.equal(api.classify(503).reason, 'Service Unavailable');
});

test('createFetch: options of every type', () => {
  const m = new Matrix();
  const names = new RegExp(`^options\\b|${RETRY_NAMES.source}`);
  const check = (f) => (typeof f === 'function' ? undefined : `not a function: ${describe(f)}`);
  for (const [name, v] of VALUES) {
    m.call(`createFetch(${name})`, () => api.createFetch(v), { names, check });
    for (const key of ['retry', 'timeoutMs', 'deadlineMs', 'throwHttpErrors', 'fetch', 'onRetry', 'locale']) {
      m.call(`createFetch({ ${key}: ${name} })`, () => api.createFetch({ [key]: v }), { names, check });
    }
  }
  m.done();
  assert.throws(() => api.createFetch({ timeoutMs: -1 }), { name: 'RangeError', message: /^options\.timeoutMs/ });
  assert.throws(() => api.createFetch({ locale: 5 }), { name: 'TypeError', message: /^options\.locale/ });
  assert.throws(() => api.createFetch(throwingGetters()), { name: 'TypeError', message: /^options\.retry could not be read/ });
});

test('HttpError and NetworkError: construction and userMessage never trap', () => {
  const m = new Matrix();
  const checkError = (cls) => (e) => {
    if (!(e instanceof cls) || typeof e.message !== 'string') return `not a ${cls.name}: ${describe(e)}`;
    let um;
    try {
      um = e.userMessage;
    } catch (err) {
      // Only an HttpError with neither a status nor a kind has no message to give.
      if (cls === api.HttpError && err instanceof TypeError && /^input\b/.test(err.message)) return undefined;
      return `userMessage threw ${err?.name}: ${err?.message}`;
    }
    return isMessage(um);
  };
  const http = { status: 503, reason: 'Service Unavailable', kind: 'service_unavailable' };
  for (const [name, v] of VALUES) {
    m.call(`new HttpError(${name})`, () => new api.HttpError(v), { check: checkError(api.HttpError), neverThrows: true });
    for (const key of ['status', 'kind', 'reason', 'details', 'retryAfterMs', 'attempts', 'method', 'url', 'locale', 'response']) {
      m.call(`new HttpError({ ${key}: ${name} })`, () => new api.HttpError({ ...http, [key]: v }), { check: checkError(api.HttpError), neverThrows: true });
    }
    m.call(`new NetworkError(${name})`, () => new api.NetworkError(v), { check: checkError(api.NetworkError), neverThrows: true });
    for (const key of ['kind', 'cause', 'attempts', 'method', 'url', 'locale']) {
      m.call(`new NetworkError({ ${key}: ${name} })`, () => new api.NetworkError({ [key]: v }), { check: checkError(api.NetworkError), neverThrows: true });
    }
    m.call(`userMessage(HttpError with details ${name})`, () => api.userMessage(new api.HttpError({ ...http, status: 422, kind: 'validation_failed', details: v }), { includeServerDetail: true }), { check: isMessage, neverThrows: true });
    const isBool = (b) => (typeof b === 'boolean' ? undefined : `not a boolean: ${describe(b)}`);
    m.call(`isHttpError(${name})`, () => api.isHttpError(v), { check: isBool, neverThrows: true });
    m.call(`isNetworkError(${name})`, () => api.isNetworkError(v), { check: isBool, neverThrows: true });
  }
  m.done();
  const e = new api.NetworkError({ kind: 'timeout', locale: 12, method: Symbol('m'), url: throwingProxy() });
  assert.equal(e.userMessage.kind, 'timeout', 'a bad locale falls back to the default one');
  assert.match(e.message, /^Request timed out: Symbol\(m\) /);
  assert.equal(new api.NetworkError({ kind: 'teapot' }).userMessage.kind, 'network_error');
});

test('listStatuses, listLocales and wasmMemoryBytes ignore any argument', () => {
  const m = new Matrix();
  for (const [name, v] of VALUES) {
    m.call(`listStatuses(${name})`, () => api.listStatuses(v), { check: (l) => (Array.isArray(l) && l.length > 60 ? undefined : 'bad list') });
    m.call(`listLocales(${name})`, () => api.listLocales(v), { check: (l) => (Array.isArray(l) && l.includes('en') ? undefined : 'bad list') });
    m.call(`wasmMemoryBytes(${name})`, () => api.wasmMemoryBytes(v), { check: (n) => (Number.isInteger(n) && n > 0 ? undefined : 'bad size') });
  }
  m.done();
});

test('repeated hostile calls leak nothing: no lost stack, borrows or table slots', () => {
  const proxy = throwingProxy();
  const proxyArray = throwingProxy([]);
  const getters = throwingGetters();
  const policy = new api.RetryPolicy({ budget: false, seed: 3 });
  const badIter = { entries: () => ({ next() { throw new HostileError(); } }) };
  const round = () => {
    api.userMessage(404, { locale: proxyArray });
    api.classifyError(getters);
    api.parseErrorBody(proxy);
    api.parseErrorBody(getters);
    policy.decide({ attempt: 1, status: 503, headers: badIter, requestHeaders: proxy });
    try { api.addMessages(getters); } catch { /* TypeError: locale */ }
    try { api.addDescriptions(getters); } catch { /* TypeError: statuses */ }
    try { api.addDescriptions({ statuses: proxy }); } catch { /* TypeError: statuses */ }
    try { new api.RetryPolicy(getters).free(); } catch { /* TypeError */ }
    try { api.userMessage(getters); } catch { /* TypeError: input */ }
  };
  for (let i = 0; i < 200; i += 1) round();
  const warm = api.wasmMemoryBytes();
  for (let i = 0; i < 1_500; i += 1) round();
  assert.equal(api.wasmMemoryBytes(), warm, 'linear memory grew while only throwing values were read');
  policy.free();
});

test('after the whole matrix the module still answers correctly', () => {
  assert.equal(api.classify(404).reason, 'Not Found');
  assert.equal(api.classifyError(new DOMException('x', 'AbortError')).kind, 'aborted');
  const policy = new api.RetryPolicy({ seed: 1, jitter: 'none' });
  assert.deepEqual(policy.decide({ attempt: 1, method: 'GET', status: 503 }), { retry: true, delayMs: 300, reason: 'status' });
  assert.equal(policy.decide({ attempt: 3, method: 'GET', status: 503 }).reason, 'limit');
  policy.free();
  assert.equal(api.userMessage(404, { locale: 'en' }).title, 'Not found');
  assert.equal(api.addMessages({ locale: 'qac', kinds: { not_found: { title: 'Introuvable (qac)' } } }), 'qac');
  assert.equal(api.userMessage(404, { locale: 'qac' }).title, 'Introuvable (qac)');
  assert.equal(api.parseErrorBody('{"title":"Broken","detail":"Database is down"}', 'application/problem+json').detail, 'Database is down');
  assert.ok(api.wasmMemoryBytes() < 64 * 1024 * 1024, `linear memory is ${api.wasmMemoryBytes()} bytes`);
});
