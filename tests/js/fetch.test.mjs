// createFetch from the built package against the loopback scenario server: each scenario checks
// the outcome and the exact number of requests the server saw. Run with --test-concurrency=1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';

const { createFetch, RetryPolicy, HttpError, NetworkError, isHttpError, isNetworkError } = await loadPkg();

setFlagsFromString('--expose-gc');
/** A full garbage collection (the flag above makes `gc` available to a new context). */
const gc = runInNewContext('gc');

let server;
let keys = 0;
/** A fresh scenario/key pair: its URL and its name for server.count(). */
function endpoint(scenario) {
  keys += 1;
  const key = `k${keys}`;
  return { url: server.scenarioUrl(scenario, key), name: `${scenario}/${key}` };
}
const elapsedSince = (t0) => performance.now() - t0;

before(async () => { server = await startScenarioServer(); });
after(async () => { await server?.close(); });

test('503 with Retry-After: 1 (seconds) is retried after 1 s, then resolves', async () => {
  const { url, name } = endpoint('retry-after-seconds');
  const retries = [];
  const f = createFetch({ onRetry: (info) => retries.push(info) });
  const t0 = performance.now();
  const res = await f(url);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).attempt, 2);
  assert.equal(server.count(name), 2);
  assert.equal(retries.length, 1);
  assert.deepEqual(retries[0], { attempt: 1, delayMs: 1000, reason: 'retry_after', status: 503, retryAfterMs: 1000 });
  const [first, second] = server.hits(name);
  assert.ok(second.at - first.at >= 990, `second request ${second.at - first.at} ms after the first`);
  assert.ok(elapsedSince(t0) < 2_000);
});

test('503 with an HTTP-date Retry-After is retried when that date comes', async () => {
  const { url, name } = endpoint('retry-after-date');
  const retries = [];
  const f = createFetch({ onRetry: (info) => retries.push(info) });
  const res = await f(url);
  assert.equal(res.status, 200);
  assert.equal(server.count(name), 2);
  assert.equal(retries.length, 1);
  const [{ reason, delayMs, retryAfterMs, status }] = retries;
  assert.equal(reason, 'retry_after');
  assert.equal(status, 503);
  assert.equal(retryAfterMs, delayMs);
  // IMF-fixdate has whole seconds, measured against the response's Date header: 2 s, give or take 1.
  assert.ok(delayMs >= 1_000 && delayMs <= 3_000, `delayMs ${delayMs}`);
  const [first, second] = server.hits(name);
  assert.ok(second.at - first.at >= delayMs - 20, `waited ${second.at - first.at} ms for ${delayMs}`);
});

test('429 with the RateLimit field (r=0;t=1) is retried after 1 s, then resolves', async () => {
  const { url, name } = endpoint('ratelimit');
  const retries = [];
  const f = createFetch({ onRetry: (info) => retries.push(info) });
  const res = await f(url);
  assert.equal(res.status, 200);
  assert.equal(server.count(name), 2);
  assert.deepEqual(retries, [{ attempt: 1, delayMs: 1000, reason: 'retry_after', status: 429, retryAfterMs: 1000 }]);
});

test('500 until the limit: HttpError after 3 requests, with every field', async () => {
  const { url, name } = endpoint('always-500');
  const retries = [];
  const f = createFetch({ retry: { baseDelayMs: 10 }, onRetry: (info) => retries.push(info) });
  const error = await f(url).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count(name), 3);
  assert.ok(error instanceof HttpError);
  assert.ok(error instanceof Error);
  assert.equal(isHttpError(error), true);
  assert.equal(isNetworkError(error), false);
  assert.equal(error.name, 'HttpError');
  assert.equal(error.status, 500);
  assert.equal(error.kind, 'server_error');
  assert.equal(error.code, 'server_error');
  assert.equal(error.reason, 'Internal Server Error');
  assert.equal(error.attempts, 3);
  assert.equal(error.method, 'GET');
  assert.equal(error.url, url);
  assert.equal(error.retryAfterMs, null);
  assert.equal(error.message, `Request failed with status 500 Internal Server Error: GET ${url}`);
  assert.deepEqual(error.details, {
    format: 'problem+json',
    title: 'Internal Server Error',
    detail: 'The order service failed.',
    type: 'https://api.example.test/problems/internal',
    instance: '/orders/42/attempt/3',
    status: 500,
    fieldErrors: [],
    extensions: { traceId: 'trace-0042' },
  });
  // details came from a clone: the response body is still there for the caller.
  assert.equal(error.response.status, 500);
  assert.equal(error.response.bodyUsed, false);
  assert.equal((await error.response.json()).detail, 'The order service failed.');
  const um = error.userMessage;
  for (const field of ['title', 'message', 'action']) assert.equal(typeof um[field], 'string', field);
  assert.equal(um.kind, 'server_error');
  assert.doesNotMatch(`${um.title} ${um.message} ${um.action}`, /order service|500/);
  assert.deepEqual(retries.map((r) => [r.attempt, r.reason, r.status]), [[1, 'status', 500], [2, 'status', 500]]);
});

test('404 with problem+json and 422 with a Google body: not retried, details parsed', async () => {
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const nf = endpoint('not-found');
  const e404 = await f(nf.url).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count(nf.name), 1);
  assert.equal(e404.status, 404);
  assert.equal(e404.kind, 'not_found');
  assert.equal(e404.attempts, 1);
  assert.equal(e404.details.format, 'problem+json');
  assert.equal(e404.details.title, 'Order not found');
  assert.equal(e404.details.detail, 'No order has the id 42.');
  assert.equal(e404.details.instance, '/orders/42');

  const v = endpoint('validation');
  const e422 = await f(v.url, { method: 'POST', body: '{"email":"x"}', headers: { 'content-type': 'application/json' } })
    .then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count(v.name), 1);
  assert.equal(e422.status, 422);
  assert.equal(e422.kind, 'validation_failed');
  assert.equal(e422.method, 'POST');
  assert.equal(e422.details.format, 'google');
  assert.equal(e422.details.code, 'EMAIL_INVALID');
  assert.deepEqual(e422.details.fieldErrors, [{ field: 'email', message: 'must contain an @' }]);
  assert.deepEqual(e422.details.userFacing, { message: 'Please check the email address.', locale: 'en-US' });
});

test('POST is retried only with an Idempotency-Key', async () => {
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const plain = endpoint('unavailable-once');
  const error = await f(plain.url, { method: 'POST', body: 'order=1' }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count(plain.name), 1);
  assert.equal(error.status, 503);
  assert.equal(error.method, 'POST');
  assert.equal(error.attempts, 1);

  const keyed = endpoint('unavailable-once');
  const res = await f(keyed.url, { method: 'POST', body: 'order=1', headers: { 'Idempotency-Key': 'c0ffee' } });
  assert.equal(res.status, 200);
  assert.equal(server.count(keyed.name), 2);
  for (const hit of server.hits(keyed.name)) {
    assert.equal(hit.method, 'POST');
    assert.equal(hit.headers['idempotency-key'], 'c0ffee');
    assert.equal(hit.body, 'order=1');
  }
});

test('a hanging response times out per attempt: NetworkError timeout after 2 requests', async () => {
  const { url, name } = endpoint('hang');
  const retries = [];
  const f = createFetch({ timeoutMs: 200, retry: { limit: 1, baseDelayMs: 10 }, onRetry: (info) => retries.push(info) });
  const t0 = performance.now();
  const error = await f(url).then(() => assert.fail('resolved'), (e) => e);
  const took = elapsedSince(t0);
  assert.ok(error instanceof NetworkError);
  assert.equal(isNetworkError(error), true);
  assert.equal(error.name, 'NetworkError');
  assert.equal(error.kind, 'timeout');
  assert.equal(error.code, 'timeout');
  assert.equal(error.attempts, 2);
  assert.equal(error.url, url);
  assert.equal(server.count(name), 2);
  assert.deepEqual(retries.map((r) => r.reason), ['timeout']);
  assert.ok(took >= 390 && took < 1_500, `took ${took} ms`);
});

test('a deadline that runs out during a hanging request: NetworkError timeout, 1 request', async () => {
  const { url, name } = endpoint('hang');
  const f = createFetch({ deadlineMs: 250, retry: { baseDelayMs: 10 } });
  const t0 = performance.now();
  const error = await f(url).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.name, 'NetworkError');
  assert.equal(error.kind, 'timeout');
  assert.equal(error.attempts, 1);
  assert.equal(server.count(name), 1);
  assert.ok(elapsedSince(t0) < 1_000);
});

test('a closed port: NetworkError network_error after 3 attempts', async () => {
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const url = `http://127.0.0.1:${port}/nothing-here`;
  const retries = [];
  const f = createFetch({ retry: { baseDelayMs: 10 }, onRetry: (info) => retries.push(info) });
  const error = await f(url).then(() => assert.fail('resolved'), (e) => e);
  assert.ok(error instanceof NetworkError);
  assert.equal(isNetworkError(error), true);
  assert.equal(isHttpError(error), false);
  assert.equal(error.kind, 'network_error');
  assert.equal(error.code, 'network_error');
  assert.equal(error.attempts, 3);
  assert.equal(error.method, 'GET');
  assert.equal(error.message, `Request failed: network error: GET ${url}`);
  assert.ok(error.cause instanceof TypeError, 'cause is the fetch TypeError');
  assert.deepEqual(retries.map((r) => r.reason), ['network', 'network']);
  assert.equal(error.userMessage.kind, 'network_error');
});

test('init.signal aborted during a backoff wait rejects at once with its reason', async () => {
  const { url, name } = endpoint('always-500');
  const controller = new AbortController();
  const reason = new Error('user left the page');
  let abortedAt;
  const f = createFetch({
    retry: { baseDelayMs: 600, jitter: 'none' },
    onRetry: () => setTimeout(() => { abortedAt = performance.now(); controller.abort(reason); }, 50),
  });
  const error = await f(url, { signal: controller.signal }).then(() => assert.fail('resolved'), (e) => e);
  const lag = performance.now() - abortedAt;
  assert.equal(error, reason);
  assert.ok(lag < 100, `rejected ${lag} ms after the abort (the wait was 600 ms)`);
  await delay(650); // past the time the retry would have started
  assert.equal(server.count(name), 1);
});

test('init.signal aborted while the request is in flight rejects with its reason', async () => {
  const { url, name } = endpoint('hang');
  const controller = new AbortController();
  const reason = new DOMException('Cancelled by the test', 'AbortError');
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  setTimeout(() => controller.abort(reason), 100);
  const t0 = performance.now();
  const error = await f(url, { signal: controller.signal }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error, reason);
  assert.ok(elapsedSince(t0) < 500);
  await delay(50);
  assert.equal(server.count(name), 1);
});

test('a signal aborted before the call starts no request', async () => {
  const { url, name } = endpoint('ok');
  const reason = new Error('already cancelled');
  const f = createFetch();
  await assert.rejects(f(url, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(f(url, { signal: controller.signal }), (e) => e.name === 'AbortError');
  await delay(50);
  assert.equal(server.count(name), 0);
});

test('a 429 Retry-After: 2 pauses the other calls of the instance to that origin', async () => {
  const limited = endpoint('cooldown');
  const other = endpoint('ok');
  let second;
  const f = createFetch({
    retry: { baseDelayMs: 10 },
    // The second call starts right after the first one got its 429.
    onRetry: (info) => { if (info.status === 429 && !second) second = f(other.url); },
  });
  const first = await f(limited.url);
  assert.equal(first.status, 200);
  assert.ok(second, 'the second call was started');
  assert.equal((await second).status, 200);
  assert.equal(server.count(limited.name), 2);
  assert.equal(server.count(other.name), 1);
  const [tooMany] = server.hits(limited.name);
  const [otherHit] = server.hits(other.name);
  const gap = otherHit.at - tooMany.at;
  assert.ok(gap >= 1_800, `the second call's request came ${gap} ms after the 429`);
  assert.ok(gap < 3_000, `the second call's request came ${gap} ms after the 429`);
});

test('a deadline shorter than the Retry-After stops at once with the HttpError', async () => {
  const { url, name } = endpoint('retry-after-seconds');
  const f = createFetch({ deadlineMs: 500 });
  const t0 = performance.now();
  const error = await f(url).then(() => assert.fail('resolved'), (e) => e);
  assert.ok(elapsedSince(t0) < 400, 'did not wait for a retry it would not make');
  assert.equal(error.name, 'HttpError');
  assert.equal(error.status, 503);
  assert.equal(error.kind, 'service_unavailable');
  assert.equal(error.retryAfterMs, 1000);
  assert.equal(error.attempts, 1);
  assert.equal(server.count(name), 1);
});

test('throwHttpErrors: false returns the final 500 Response after the retries', async () => {
  const { url, name } = endpoint('always-500');
  const f = createFetch({ throwHttpErrors: false, retry: { baseDelayMs: 10 } });
  const res = await f(url);
  assert.ok(res instanceof Response);
  assert.equal(res.status, 500);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal((await res.json()).title, 'Internal Server Error');
  assert.equal(server.count(name), 3);
});

test('retry: false makes one request', async () => {
  const { url, name } = endpoint('always-503');
  const f = createFetch({ retry: false });
  const error = await f(url).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.status, 503);
  assert.equal(error.attempts, 1);
  assert.equal(server.count(name), 1);
});

test('a ReadableStream body is sent once and not retried; a string or Request body is', async () => {
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const streamed = endpoint('unavailable-once');
  const body = new ReadableStream({
    start(c) { c.enqueue(new TextEncoder().encode('streamed body')); c.close(); },
  });
  const error = await f(streamed.url, { method: 'PUT', body, duplex: 'half' }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.status, 503);
  assert.equal(error.attempts, 1);
  assert.equal(server.count(streamed.name), 1);
  assert.equal(server.hits(streamed.name)[0].body, 'streamed body');

  const text = endpoint('unavailable-once');
  assert.equal((await f(text.url, { method: 'PUT', body: 'text body' })).status, 200);
  assert.deepEqual(server.hits(text.name).map((h) => h.body), ['text body', 'text body']);

  const req = endpoint('unavailable-once');
  const request = new Request(req.url, { method: 'PUT', body: 'request body' });
  assert.equal((await f(request)).status, 200);
  assert.deepEqual(server.hits(req.name).map((h) => [h.method, h.body]), [['PUT', 'request body'], ['PUT', 'request body']]);
});

test('200 concurrent calls to an always-503 server: the retry budget bounds amplification', async () => {
  const calls = 200;
  const { url, name } = endpoint('always-503');
  const f = createFetch(); // the default policy, budget included
  const t0 = performance.now();
  const results = await Promise.allSettled(Array.from({ length: calls }, () => f(url)));
  const took = elapsedSince(t0);
  assert.ok(results.every((r) => r.status === 'rejected' && r.reason.status === 503));
  const requests = server.count(name);
  const amplification = requests / calls;
  console.log(`retry budget: ${calls} calls to an always-503 server made ${requests} requests, amplification ${amplification.toFixed(3)} (${Math.round(took)} ms)`);
  assert.ok(requests >= calls);
  assert.ok(amplification <= 1.1, `amplification ${amplification}`);
});

test('a seeded policy gives reproducible delays', async () => {
  const options = { seed: 42, baseDelayMs: 20 };
  const run = async () => {
    const { url, name } = endpoint('always-500');
    const delays = [];
    const f = createFetch({ retry: new RetryPolicy(options), onRetry: (info) => delays.push(info.delayMs) });
    await assert.rejects(f(url), (e) => e.status === 500 && e.attempts === 3);
    assert.equal(server.count(name), 3);
    return delays;
  };
  const a = await run();
  const b = await run();
  assert.equal(a.length, 2);
  assert.deepEqual(a, b);
  const policy = new RetryPolicy(options);
  const expected = [1, 2].map((attempt) => policy.decide({ attempt, method: 'GET', status: 500 }).delayMs);
  assert.deepEqual(a, expected);
  assert.ok(a[0] >= 0 && a[0] <= 20 && a[1] >= 0 && a[1] <= 40, `delays ${a}`);
  const other = new RetryPolicy({ ...options, seed: 43 });
  assert.notDeepEqual([1, 2].map((attempt) => other.decide({ attempt, method: 'GET', status: 500 }).delayMs), a);
});

test('retry: false reports the server wait and pauses nobody (429 and 503)', async () => {
  const f = createFetch({ retry: false });
  for (const [scenario, status, wait] of [['cooldown', 429, 2000], ['retry-after-seconds', 503, 1000]]) {
    const { url, name } = endpoint(scenario);
    const err = await f(url).catch((e) => e);
    assert.ok(isHttpError(err));
    assert.equal(err.status, status);
    assert.equal(err.retryAfterMs, wait);
    assert.equal(server.count(name), 1);
    // The next call to the same origin is not held.
    const other = endpoint('ok');
    const t0 = performance.now();
    assert.equal((await f(other.url)).status, 200);
    assert.ok(elapsedSince(t0) < 500, `${scenario}: the next call waited ${elapsedSince(t0)} ms`);
  }
});

test('a wait the policy refuses as too long pauses nobody', async () => {
  const { url, name } = endpoint('retry-after-long');
  const f = createFetch({ retry: { maxRetryAfterMs: 2000 } });
  const t0 = performance.now();
  const err = await f(url).catch((e) => e);
  assert.equal(err.status, 429);
  assert.equal(err.decision.reason, 'retry_after_too_long');
  assert.equal(err.retryAfterMs, 3_600_000);
  assert.equal(server.count(name), 1);
  // The next, unrelated call to the same origin is sent at once (it used to be held 2 s).
  const other = endpoint('ok');
  assert.equal((await f(other.url)).status, 200);
  assert.ok(elapsedSince(t0) < 500, `took ${elapsedSince(t0)} ms`);
  // The default cap (60 s) likewise: nothing is held for a 3,600 s wait.
  const g = createFetch();
  await g(endpoint('retry-after-long').url).catch(() => {});
  const t1 = performance.now();
  assert.equal((await g(endpoint('ok').url)).status, 200);
  assert.ok(elapsedSince(t1) < 500, `took ${elapsedSince(t1)} ms`);
});

test('a call held by a pause past its deadline fails at once as the server said: 429, wait, no request', async () => {
  // limit 0: the first call does not retry, but its honoured Retry-After: 2 pauses the origin.
  const f = createFetch({ retry: { limit: 0 }, deadlineMs: 500 });
  const first = await f(endpoint('cooldown').url).catch((e) => e);
  assert.equal(first.decision.reason, 'limit');
  const other = endpoint('ok');
  const t0 = performance.now();
  const err = await f(other.url).catch((e) => e);
  assert.ok(elapsedSince(t0) < 200, `failed after ${elapsedSince(t0)} ms`);
  assert.ok(isHttpError(err), String(err));
  assert.equal(err.status, 429);
  assert.equal(err.kind, 'rate_limited');
  assert.equal(err.attempts, 0);
  assert.equal(err.response, null);
  assert.ok(err.retryAfterMs > 1_500 && err.retryAfterMs <= 2_000, `retryAfterMs ${err.retryAfterMs}`);
  assert.match(err.message, /^Request held for the server's wait \(429 Too Many Requests\): GET /);
  assert.equal(err.userMessage.kind, 'rate_limited');
  assert.equal(server.count(other.name), 0);
  // timeoutMs bounds a held wait as it bounds a request.
  const g = createFetch({ retry: { limit: 0 }, timeoutMs: 500 });
  await g(endpoint('cooldown').url).catch(() => {});
  const t1 = performance.now();
  const held = await g(endpoint('ok').url).catch((e) => e);
  assert.ok(elapsedSince(t1) < 200);
  assert.equal(held.status, 429);
  assert.equal(held.attempts, 0);
  // A 503's pause gives service_unavailable.
  const h = createFetch({ retry: { limit: 0 }, deadlineMs: 300 });
  await h(endpoint('retry-after-seconds').url).catch(() => {});
  const unavailable = await h(endpoint('ok').url).catch((e) => e);
  assert.equal(unavailable.kind, 'service_unavailable');
  assert.ok(unavailable.retryAfterMs > 0);
});

test('errors carry the last decision: why retrying stopped', async () => {
  const limit = endpoint('always-500');
  const f = createFetch({ retry: { baseDelayMs: 5, budget: false } });
  const e500 = await f(limit.url).catch((e) => e);
  assert.equal(e500.decision.reason, 'limit');
  assert.equal(e500.decision.retry, false);
  const post = endpoint('unavailable-once');
  const ePost = await f(post.url, { method: 'POST', body: 'x' }).catch((e) => e);
  assert.equal(ePost.decision.reason, 'method');
  assert.equal(server.count(post.name), 1);
});

test('a cooldown wait is reported to onRetry with reason cooldown', async () => {
  const events = [];
  const f = createFetch({ retry: { limit: 0 }, onRetry: (i) => events.push(i) });
  await f(endpoint('cooldown').url).catch(() => {});
  const res = await f(endpoint('ok').url);
  assert.equal(res.status, 200);
  const cooldown = events.find((e) => e.reason === 'cooldown');
  assert.ok(cooldown, JSON.stringify(events));
  assert.ok(cooldown.delayMs > 1_000 && cooldown.delayMs <= 2_000, `${cooldown.delayMs}`);
});

// ---- Issue 13: one-shot bodies ----

test('a Node Readable body that meets a 503 is sent once: the HttpError says why', async () => {
  const { Readable } = await import('node:stream');
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const { url, name } = endpoint('unavailable-once');
  const err = await f(url, { method: 'PUT', body: Readable.from(['a;', 'b']), duplex: 'half' }).catch((e) => e);
  assert.ok(isHttpError(err), `got ${err}`);
  assert.equal(err.status, 503);
  assert.equal(err.attempts, 1);
  assert.equal(err.decision.reason, 'body_not_replayable');
  assert.equal(err.decision.retry, false);
  assert.deepEqual(server.hits(name).map((h) => h.body), ['a;b']);
});

test('an async-generator body with an Idempotency-Key is never re-sent empty', async () => {
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const { url, name } = endpoint('unavailable-once');
  async function* order() { yield new TextEncoder().encode('{"order":'); yield new TextEncoder().encode('42}'); }
  const err = await f(url, {
    method: 'POST', body: order(), duplex: 'half', headers: { 'Idempotency-Key': 'k-1', 'content-type': 'application/json' },
  }).catch((e) => e);
  assert.equal(err.status, 503);
  assert.equal(err.attempts, 1);
  assert.equal(err.decision.reason, 'body_not_replayable');
  assert.deepEqual(server.hits(name).map((h) => h.body), ['{"order":42}']);
});

test('a one-shot body that meets a network failure: NetworkError, attempts 1, body_not_replayable', async () => {
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const body = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1])); c.close(); } });
  const err = await f(`http://127.0.0.1:${port}/x`, { method: 'PUT', body, duplex: 'half' }).catch((e) => e);
  assert.ok(isNetworkError(err), `got ${err}`);
  assert.equal(err.attempts, 1);
  assert.equal(err.decision.reason, 'body_not_replayable');
});

test('replayable bodies still retry with the same bytes: string, Blob, ArrayBuffer, typed array, FormData, URLSearchParams', async () => {
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const form = new FormData();
  form.append('a', '1');
  for (const [label, body, expect] of [
    ['string', 'text body', 'text body'],
    ['Blob', new Blob(['blob body']), 'blob body'],
    ['ArrayBuffer', new TextEncoder().encode('buffer body').buffer, 'buffer body'],
    ['Uint8Array', new TextEncoder().encode('typed body'), 'typed body'],
    ['URLSearchParams', new URLSearchParams({ q: 'x y' }), 'q=x+y'],
    ['FormData', form, null],
  ]) {
    const { url, name } = endpoint('unavailable-once');
    const res = await f(url, { method: 'PUT', body });
    assert.equal(res.status, 200, label);
    const bodies = server.hits(name).map((h) => h.body);
    assert.equal(bodies.length, 2, label);
    // FormData is serialised again with a new boundary: the same fields, not the same bytes.
    if (label !== 'FormData') assert.equal(bodies[0], bodies[1], label);
    if (expect !== null) assert.equal(bodies[0], expect, label);
    else for (const b of bodies) assert.match(b, /name="a"\r\n\r\n1\r\n/, label);
  }
});

test('a Request with a stream body over 1 MiB is sent once; with a small body it is replayed', async () => {
  const f = createFetch({ retry: { baseDelayMs: 10 } });
  const big = endpoint('unavailable-once');
  const chunk = new Uint8Array(256 * 1024).fill(120);
  let pulls = 0;
  const stream = new ReadableStream({ pull(c) { pulls += 1; if (pulls > 8) c.close(); else c.enqueue(chunk); } });
  const err = await f(new Request(big.url, { method: 'PUT', body: stream, duplex: 'half' })).catch((e) => e);
  assert.equal(err.status, 503);
  assert.equal(err.attempts, 1);
  assert.equal(err.decision.reason, 'body_not_replayable');
  assert.equal(server.count(big.name), 1);
  const small = endpoint('unavailable-once');
  const tiny = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('tiny')); c.close(); } });
  const res = await f(new Request(small.url, { method: 'PUT', body: tiny, duplex: 'half' }));
  assert.equal(res.status, 200);
  assert.deepEqual(server.hits(small.name).map((h) => h.body), ['tiny', 'tiny']);
});

test('a 64 MB streamed Request that succeeds at once leaves no copy held', async () => {
  const { url, name } = endpoint('ok');
  const f = createFetch();
  const chunk = new Uint8Array(1024 * 1024).fill(97);
  let sent = 0;
  const stream = new ReadableStream({ pull(c) { if (sent >= 64) { c.close(); return; } sent += 1; c.enqueue(chunk.slice()); } });
  const request = new Request(url, { method: 'PUT', body: stream, duplex: 'half' });
  gc();
  const before = process.memoryUsage().arrayBuffers;
  const res = await f(request);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).bodyBytes, 64 * 1024 * 1024);
  await delay(50);
  gc();
  gc();
  const held = process.memoryUsage().arrayBuffers - before;
  console.log(`one-shot: 64 MB streamed Request through createFetch, ${(held / 1048576).toFixed(1)} MB of buffers still held (request still referenced)`);
  assert.ok(held < 8 * 1024 * 1024, `${(held / 1048576).toFixed(1)} MB held`);
  assert.equal(server.count(name), 1);
  assert.ok(request); // the caller still holds the Request
});

// ---- Issue 13: the deadline, timeoutMs and the caller's signal bound the error-body read ----

test('a 500 whose body never finishes: deadlineMs and timeoutMs end the call on time', async () => {
  for (const options of [{ retry: false, deadlineMs: 300 }, { retry: false, timeoutMs: 300 }]) {
    const { url } = endpoint('error-body-hangs');
    const t0 = performance.now();
    const err = await createFetch(options)(url).catch((e) => e);
    const took = elapsedSince(t0);
    assert.ok(isHttpError(err), `${JSON.stringify(options)}: ${err}`);
    assert.equal(err.status, 500);
    assert.equal(err.details, null);
    assert.ok(took >= 280 && took < 800, `${JSON.stringify(options)}: rejected after ${took} ms`);
  }
});

test('an abort while the error body is read rejects with the signal reason', async () => {
  const { url } = endpoint('error-body-hangs');
  const controller = new AbortController();
  const reason = new Error('left the page');
  setTimeout(() => controller.abort(reason), 150);
  const t0 = performance.now();
  const err = await createFetch({ retry: false })(url, { signal: controller.signal }).catch((e) => e);
  assert.equal(err, reason);
  assert.ok(elapsedSince(t0) < 600, `${elapsedSince(t0)} ms`);
});

// ---- Issue 13: server timing in the body; XML bodies ----

test('Google RetryInfo in a 429 body sets the wait; a Retry-After header wins over it', async () => {
  const retries = [];
  const f = createFetch({ onRetry: (i) => retries.push(i) });
  const info = endpoint('retry-info');
  assert.equal((await f(info.url)).status, 200);
  assert.deepEqual(retries, [{ attempt: 1, delayMs: 1000, reason: 'retry_after', status: 429, retryAfterMs: 1000 }]);
  const [a, b] = server.hits(info.name);
  assert.ok(b.at - a.at >= 980, `${b.at - a.at} ms`);
  retries.length = 0;
  const both = endpoint('retry-info-header');
  assert.equal((await f(both.url)).status, 200);
  assert.deepEqual(retries.map((r) => r.delayMs), [1000]);
});

test('an S3 XML error body gives details of format xml', async () => {
  const { url } = endpoint('xml-error');
  const err = await createFetch()(url).catch((e) => e);
  assert.equal(err.status, 404);
  assert.deepEqual(err.details, {
    format: 'xml',
    code: 'NoSuchKey',
    detail: 'The specified key does not exist.',
    fieldErrors: [],
    extensions: { Key: 'orders/42.json', RequestId: '4442587FB7D0A2F9' },
  });
});
