// Hostile values for the hostile-input matrix (tests/js/hostile.test.mjs): every JavaScript type,
// edge numbers, huge strings, Proxies whose traps throw, getters that throw, huge and deep objects.
//
//   for (const [name, value] of hostileValues()) …
//
// Errors thrown by the values themselves (traps, getters, toString) are HostileError, so a test
// can tell "the caller's own exception came back" from an exception of the package.

/** What every trap and getter of a hostile value throws. */
export class HostileError extends Error {
  constructor(message = 'hostile trap') {
    super(message);
    this.name = 'HostileError';
  }
}

const boom = () => { throw new HostileError(); };

/** Property names the package reads somewhere (inputs, options, contexts, catalogs, errors). */
export const READ_KEYS = [
  'status', 'kind', 'name', 'message', 'code', 'cause', 'response', 'details', 'retryAfterMs',
  'locale', 'includeServerDetail', 'attempt', 'method', 'headers', 'requestHeaders', 'error',
  'elapsedMs', 'deadlineMs', 'now', 'entries', 'length', 'limit', 'methods', 'statusCodes',
  'afterStatusCodes', 'budget', 'seed', 'jitter', 'retry', 'fetch', 'onRetry', 'timeoutMs',
  'throwHttpErrors', 'kinds', 'statuses', 'dir', 'waitAction', 'title', 'reason', 'url',
  'attempts', 'then', 'toString', 'valueOf', 'toJSON',
];

/** A Proxy every trap of which throws. */
export function throwingProxy(target = {}) {
  const traps = {};
  for (const t of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'set',
    'apply', 'construct', 'deleteProperty', 'isExtensible', 'preventExtensions', 'setPrototypeOf']) traps[t] = boom;
  return new Proxy(target, traps);
}

/** An object whose every READ_KEYS property is a throwing getter. */
export function throwingGetters() {
  const o = {};
  for (const k of READ_KEYS) Object.defineProperty(o, k, { get: boom, enumerable: true });
  return o;
}

/** `[name, value]` pairs; built fresh on each call (some values are stateful). */
export function hostileValues() {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const manyKeys = {};
  for (let i = 0; i < 1e5; i += 1) manyKeys[`k${i}`] = i;
  let deep = {};
  for (let i = 0; i < 10_000; i += 1) deep = { a: deep, error: deep, errors: [deep] };
  const cyclic = { status: 503 };
  Object.assign(cyclic, { self: cyclic, error: cyclic, cause: cyclic, response: cyclic, kinds: cyclic });
  const sparse = [];
  sparse.length = 2 ** 32 - 1;
  return [
    ['undefined', undefined], ['null', null], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
    ['-1', -1], ['0', 0], ['-0', -0], ['0.5', 0.5], ['404.5', 404.5], ['2^32', 2 ** 32], ['2^53', 2 ** 53],
    ['2^53+2', 2 ** 53 + 2], ['1e308', 1e308], ['Number.MAX_VALUE', Number.MAX_VALUE], ['Number.MIN_VALUE', Number.MIN_VALUE],
    ['"404"', '404'], ['"1e3"', '1e3'], ['"-1"', '-1'], ['""', ''], ['" "', ' '], ['"GET"', 'GET'],
    ['1 MB string', 'x'.repeat(1 << 20)], ['1 MB JSON', JSON.stringify({ title: 'y'.repeat(1 << 20) })],
    ['lone surrogates', '\uD800x\uDFFF'], ['NUL and bidi', '\u0000\u202e\u2066'],
    ['{}', {}], ['[]', []], ['[404]', [404]], ['["en", 1]', ['en', 1]],
    ['function', function f() { return 404; }], ['arrow', () => 404], ['class', class C {}],
    ['Symbol', Symbol('s')], ['Symbol.iterator', Symbol.iterator], ['BigInt', 404n], ['huge BigInt', 2n ** 200n],
    ['true', true], ['false', false],
    ['Date', new Date(0)], ['invalid Date', new Date(NaN)], ['RegExp', /x/g], ['Map', new Map([['retry-after', '1']])],
    ['Set', new Set([1])], ['WeakMap', new WeakMap()], ['Promise', Promise.resolve(404)],
    ['Uint8Array', new Uint8Array(16)], ['ArrayBuffer', new ArrayBuffer(8)],
    ['Error', new Error('x')], ['fetch TypeError', new TypeError('Failed to fetch')], ['AbortError', new DOMException('x', 'AbortError')],
    ['Headers', new Headers({ 'retry-after': '1' })], ['Response', new Response('x', { status: 503 })],
    ['URL', new URL('http://127.0.0.1/')], ['aborted signal', AbortSignal.abort()],
    ['wrong-typed fields', {
      status: '404', kind: 42, name: 7, message: {}, code: [], cause: 'x', response: 5, details: 'x', retryAfterMs: '5',
      locale: 5, attempt: '1', method: 5, headers: 'x', error: 5, limit: '2', methods: 'GET', statusCodes: 503,
      budget: 'yes', jitter: 1, retry: 'x', fetch: 'x', onRetry: 5, timeoutMs: '5', kinds: [], statuses: 'x', title: 5,
    }],
    ['Proxy whose traps throw', throwingProxy()], ['array Proxy whose traps throw', throwingProxy([])],
    ['revoked Proxy', revocable.proxy], ['throwing getters', throwingGetters()],
    ['toPrimitive throws', { [Symbol.toPrimitive]: boom, toString: boom, valueOf: boom }],
    ['frozen', Object.freeze({ status: 404, kind: 'not_found', locale: 'en' })], ['sealed array', Object.seal(['en'])],
    ['null prototype', Object.assign(Object.create(null), { status: 503 })],
    ['10^5 keys', manyKeys], ['10^5-element array', new Array(1e5).fill('en')], ['sparse 2^32-1 array', sparse],
    ['10,000 levels deep', deep], ['cyclic', cyclic], ['globalThis', globalThis],
  ];
}
