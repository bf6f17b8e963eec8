// Hostile servers on 127.0.0.1 (started and closed by each test): huge and endless error bodies,
// invalid UTF-8, absurd Retry-After values, a thousand headers, a lying Content-Type, sockets
// reset mid-body. createFetch and parseErrorBody must stay bounded in time and memory and report
// a clear error (an HttpError with null or sane details, or a NetworkError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadPkg } from '../support/pkg.mjs';

const api = await loadPkg();
const MB = 1024 * 1024;

/** An HTTP server on 127.0.0.1 answering with `handler`; close() ends every connection. */
async function httpServer(handler) {
  const timers = new Set();
  const server = createServer((req, res) => handler(req, res, timers));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A raw TCP server on 127.0.0.1: `onSocket(socket)` writes whatever bytes it likes. */
async function tcpServer(onSocket) {
  const sockets = new Set();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', () => onSocket(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** `promise`'s outcome ({ value } or { error }) and how long it took; fails past `limitMs`. */
async function settles(promise, limitMs) {
  const start = performance.now();
  let timer;
  const outcome = await Promise.race([
    promise.then((value) => ({ value }), (error) => ({ error })),
    new Promise((resolve) => { timer = setTimeout(() => resolve({ hung: true }), limitMs); }),
  ]);
  clearTimeout(timer);
  const ms = performance.now() - start;
  assert.ok(!outcome.hung, `did not settle within ${limitMs} ms`);
  return { ...outcome, ms };
}

/** HttpError.details is null, or ErrorDetails whose strings are plain and bounded. */
function assertSaneDetails(details) {
  if (details === null) return;
  assert.equal(typeof details.format, 'string');
  for (const key of ['title', 'detail', 'code', 'type', 'instance']) {
    if (details[key] === undefined) continue;
    assert.equal(typeof details[key], 'string');
    assert.ok(details[key].length <= 1000, `${key} is ${details[key].length} characters`);
    assert.doesNotMatch(details[key], /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }
}

test('a 10 MB error body: HttpError at once, details from a 64 KiB prefix, memory bounded', async () => {
  const big = JSON.stringify({ error: { message: `start ${'x'.repeat(10 * MB)}` } });
  const server = await httpServer((req, res) => {
    res.writeHead(500, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) });
    res.end(big);
  });
  try {
    const before = api.wasmMemoryBytes();
    const f = api.createFetch({ retry: false });
    const { error, ms } = await settles(f(server.url), 5_000);
    assert.ok(api.isHttpError(error), `got ${error}`);
    assert.equal(error.status, 500);
    assert.equal(error.details, null, 'a JSON body cut at 64 KiB does not parse: no details rather than wrong ones');
    assert.ok(error.userMessage.title.length > 0);
    assert.ok(api.wasmMemoryBytes() - before < 2 * MB, 'the wasm side saw only a bounded prefix');
    console.log(`hostile-server: 10 MB body -> HttpError in ${ms.toFixed(0)} ms`);
    // parseErrorBody on the whole 10 MB string is bounded too.
    const start = performance.now();
    assert.equal(api.parseErrorBody(big, 'application/json'), null);
    assert.equal(api.parseErrorBody(`{"message":"m"}${' '.repeat(10 * MB)}`, 'application/json').detail, 'm', 'trailing space past 64 KiB');
    assert.equal(api.parseErrorBody('x'.repeat(10 * MB), 'text/plain'), null);
    assert.ok(performance.now() - start < 2_000, 'parseErrorBody reads a prefix only');
    assert.ok(api.wasmMemoryBytes() - before < 2 * MB);
  } finally {
    await server.close();
  }
});

test('an error body that never ends: the details read gives up, the call settles', async () => {
  const server = await httpServer((req, res, timers) => {
    res.writeHead(req.url.includes('ok') ? 200 : 503, { 'content-type': 'application/json' });
    res.write('{"error":{"message":"');
    timers.add(setInterval(() => res.write('a'), 50));
  });
  try {
    const f = api.createFetch({ retry: false });
    const { error, ms } = await settles(f(`${server.url}fail`), 6_000);
    assert.ok(api.isHttpError(error), `got ${error}`);
    assert.equal(error.status, 503);
    assert.equal(error.details, null);
    assert.ok(ms < 4_000, `took ${ms} ms`);
    console.log(`hostile-server: endless error body -> HttpError in ${ms.toFixed(0)} ms`);
    // A 2xx with an endless body is returned at once: reading it is the caller's business.
    const ok = await settles(f(`${server.url}ok`), 2_000);
    assert.equal(ok.value.status, 200);
    await ok.value.body.cancel();
  } finally {
    await server.close();
  }
});

test('a server that never answers: timeoutMs and deadlineMs end the call', async () => {
  const server = await httpServer(() => { /* never answers */ });
  try {
    const timed = await settles(api.createFetch({ timeoutMs: 200, retry: { baseDelayMs: 10 } })(server.url), 3_000);
    assert.ok(api.isNetworkError(timed.error), `got ${timed.error}`);
    assert.equal(timed.error.kind, 'timeout');
    assert.equal(timed.error.attempts, 3, 'a timed-out GET is retried twice');
    const deadline = await settles(api.createFetch({ deadlineMs: 300 })(server.url), 3_000);
    assert.ok(api.isNetworkError(deadline.error));
    assert.equal(deadline.error.kind, 'timeout');
    assert.ok(deadline.ms < 1_500, `deadline took ${deadline.ms} ms`);
    // Timers longer than setTimeout's 2^31 - 1 ms do not fire at once.
    const huge = api.createFetch({ timeoutMs: 2 ** 53, deadlineMs: 2 ** 40, retry: false });
    const controller = new AbortController();
    const call = huge(server.url, { signal: controller.signal });
    const early = await Promise.race([call.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 300))]);
    assert.equal(early, 'pending', 'a 2^53 ms timeout fired early');
    controller.abort(new Error('done'));
    await assert.rejects(call, { message: 'done' });
  } finally {
    await server.close();
  }
});

test('invalid UTF-8 in a JSON error body gives sane details', async () => {
  const body = Buffer.concat([
    Buffer.from('{"error":{"code":"bad_bytes","message":"before '),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xc0, 0xaf]),
    Buffer.from(' after \\u202e\\u0007"}}'),
  ]);
  const server = await httpServer((req, res) => {
    // /nul: a raw NUL inside the JSON string makes it invalid JSON (details null).
    const bytes = req.url === '/nul' ? Buffer.concat([body.subarray(0, 50), Buffer.from([0]), body.subarray(50)]) : body;
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  });
  try {
    const { error } = await settles(api.createFetch({ retry: false })(server.url), 3_000);
    assert.ok(api.isHttpError(error));
    assert.equal(error.status, 400);
    assertSaneDetails(error.details);
    assert.match(error.details.detail, /^before .*\uFFFD.* after$/u, 'invalid bytes become U+FFFD, controls are removed');
    assert.equal(error.details.code, 'bad_bytes');
    const nul = await settles(api.createFetch({ retry: false })(`${server.url}nul`), 3_000);
    assert.ok(api.isHttpError(nul.error));
    assert.equal(nul.error.details, null);
    const shown = api.userMessage(error, { locale: 'en', includeServerDetail: true }).message;
    assert.doesNotMatch(shown, /[\u0000-\u001f\u202e]/);
    // The same bytes handed to parseErrorBody as a latin1 string or with lone surrogates.
    assertSaneDetails(api.parseErrorBody(body.toString('latin1'), 'application/json'));
    assertSaneDetails(api.parseErrorBody('{"message":"\uD800 lone \uDFFF"}', 'application/json'));
  } finally {
    await server.close();
  }
});

test('Retry-After of 10^12 seconds is reported, not waited for; a negative one falls back to backoff', async () => {
  const server = await httpServer((req, res) => {
    const value = { '/huge': '1000000000000', '/negative': '-5', '/exponent': '1e3', '/year9999': 'Fri, 31 Dec 9999 23:59:59 GMT', '/overflow': '9'.repeat(400) }[req.url];
    res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': value });
    res.end('busy');
  });
  try {
    for (const path of ['huge', 'year9999', 'overflow']) {
      const f = api.createFetch({ retry: { baseDelayMs: 5 } });
      const { error, ms } = await settles(f(`${server.url}${path}`), 2_000);
      assert.ok(api.isHttpError(error), `${path}: got ${error}`);
      assert.equal(error.attempts, 1, `${path}: a wait over maxRetryAfterMs is not retried`);
      assert.ok(Number.isFinite(error.retryAfterMs) && error.retryAfterMs > 60_000, `${path}: retryAfterMs ${error.retryAfterMs}`);
      const { action } = api.userMessage(error, { locale: 'en' });
      assert.doesNotMatch(action, /\d{4,}|Infinity|NaN/, `${path}: ${action}`);
      // The origin pause is bounded by maxRetryAfterMs, and a deadline still ends a later call.
      const later = await settles(f(`${server.url}${path}`, { signal: AbortSignal.timeout(300) }), 2_000);
      assert.ok(later.error, `${path}: the second call settled with ${later.value}`);
      assert.ok(ms < 1_000);
    }
    for (const path of ['negative', 'exponent']) {
      const f = api.createFetch({ retry: { baseDelayMs: 5, maxDelayMs: 20 } });
      const { error, ms } = await settles(f(`${server.url}${path}`), 2_000);
      assert.ok(api.isHttpError(error));
      assert.equal(error.attempts, 3, `${path}: a malformed Retry-After falls back to the computed backoff`);
      assert.equal(error.retryAfterMs, null);
      assert.ok(ms < 1_000, `${path}: ${ms} ms`);
    }
  } finally {
    await server.close();
  }
});

test('a thousand response headers, and one huge header', async () => {
  const server = await httpServer((req, res) => {
    const headers = { 'content-type': 'application/problem+json' };
    if (req.url === '/many') {
      for (let i = 0; i < 1000; i += 1) headers[`x-h${String(i).padStart(4, '0')}`] = `v${i}`;
      headers['retry-after'] = '0';
      headers['x-ratelimit-reset'] = '99999999999999999999';
    } else {
      headers['x-huge'] = 'h'.repeat(100_000);
    }
    res.writeHead(503, headers);
    res.end(JSON.stringify({ title: 'Busy', detail: 'Try later' }));
  });
  try {
    const f = api.createFetch({ retry: { baseDelayMs: 5 } });
    const many = await settles(f(`${server.url}many`), 3_000);
    assert.ok(api.isHttpError(many.error), `got ${many.error}`);
    assert.equal(many.error.attempts, 3);
    assert.equal(many.error.details.detail, 'Try later');
    // decide() on the same thousand headers directly: bounded, and Retry-After still read.
    const headers = new Headers();
    for (let i = 0; i < 1000; i += 1) headers.set(`a-${i}`, 'x');
    headers.set('retry-after', '2');
    const policy = new api.RetryPolicy({ jitter: 'none', seed: 1 });
    const d = policy.decide({ attempt: 1, status: 503, headers });
    assert.ok(d.retry && d.delayMs >= 0 && d.delayMs <= 10_000, JSON.stringify(d));
    policy.free();
    const huge = await settles(f(`${server.url}huge`), 5_000);
    assert.ok(huge.error, 'a header over the client limit fails the call');
    assert.ok(api.isNetworkError(huge.error) || api.isHttpError(huge.error), `got ${huge.error}`);
  } finally {
    await server.close();
  }
});

test('a Content-Type lying about JSON gives null details and a clear HttpError', async () => {
  const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
  const server = await httpServer((req, res) => {
    res.writeHead(req.url === '/problem' ? 404 : 502, { 'content-type': req.url === '/problem' ? 'application/problem+json' : 'application/json' });
    res.end(html);
  });
  try {
    const f = api.createFetch({ retry: false });
    for (const path of ['json', 'problem']) {
      const { error } = await settles(f(`${server.url}${path}`), 3_000);
      assert.ok(api.isHttpError(error));
      assert.equal(error.details, null);
      assert.match(error.message, /^Request failed with status (502 Bad Gateway|404 Not Found): GET /);
      assert.equal(await error.response.text(), html, 'the response body is still readable');
    }
  } finally {
    await server.close();
  }
});

test('a socket reset mid-body or before the headers', async () => {
  const server = await tcpServer((socket) => {
    socket.write('HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"error":{"message":"cut');
    setTimeout(() => socket.resetAndDestroy(), 20);
  });
  const early = await tcpServer((socket) => socket.resetAndDestroy());
  try {
    const f = api.createFetch({ retry: { baseDelayMs: 5 } });
    const mid = await settles(f(server.url), 5_000);
    assert.ok(api.isHttpError(mid.error), `got ${mid.error}`);
    assert.equal(mid.error.status, 500);
    assertSaneDetails(mid.error.details);
    const before = await settles(f(early.url), 5_000);
    assert.ok(api.isNetworkError(before.error), `got ${before.error}`);
    assert.equal(before.error.kind, 'network_error');
    assert.equal(before.error.attempts, 3);
    assert.ok(before.error.cause instanceof TypeError);
    assert.equal(before.error.userMessage.kind, 'network_error');
  } finally {
    await server.close();
    await early.close();
  }
});

test('a custom fetch resolving to garbage is a TypeError naming options.fetch', async () => {
  for (const garbage of [undefined, null, 42, {}, { status: '503' }]) {
    const f = api.createFetch({ fetch: async () => garbage, retry: false });
    await assert.rejects(f('http://127.0.0.1:9/'), { name: 'TypeError', message: /^options\.fetch must resolve to a Response/ });
  }
  assert.equal(api.classify(404).reason, 'Not Found');
});
