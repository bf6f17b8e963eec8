// createFetch from the built package against the loopback scenario server: each scenario checks
// the outcome and the exact number of requests the server saw. Run with --test-concurrency=1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';

const { createFetch, RetryPolicy, HttpError, NetworkError, isHttpError, isNetworkError } = await loadPkg();

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

test('retry: false still reports the server wait and pauses the origin', async () => {
  const { url, name } = endpoint('cooldown');
  const f = createFetch({ retry: false });
  const err = await f(url).catch((e) => e);
  assert.ok(isHttpError(err));
  assert.equal(err.status, 429);
  assert.equal(err.retryAfterMs, 2000);
  assert.equal(server.count(name), 1);
  // Another call to the same origin whose deadline cannot cover the pause fails at once,
  // without sending a request.
  const other = endpoint('ok');
  const t0 = performance.now();
  const early = await f(other.url, {}).catch((e) => e);
  assert.equal(early instanceof Error ? 'error' : 'response', 'response', 'no deadline: the call waits out the pause and succeeds');
  assert.ok(elapsedSince(t0) >= 1_500, `waited ${elapsedSince(t0)} ms`);
});

test('a deadline shorter than an origin pause fails at once without a request', async () => {
  const { url } = endpoint('cooldown');
  const f = createFetch({ retry: false, deadlineMs: 500 });
  await f(url).catch(() => {});
  const other = endpoint('ok');
  const t0 = performance.now();
  const err = await f(other.url).catch((e) => e);
  assert.ok(isNetworkError(err));
  assert.equal(err.kind, 'timeout');
  assert.equal(err.attempts, 0);
  assert.ok(elapsedSince(t0) < 200, `failed after ${elapsedSince(t0)} ms`);
  assert.equal(server.count(other.name), 0);
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
  const f = createFetch({ retry: false, onRetry: (i) => events.push(i) });
  await f(endpoint('cooldown').url).catch(() => {});
  const res = await f(endpoint('ok').url);
  assert.equal(res.status, 200);
  const cooldown = events.find((e) => e.reason === 'cooldown');
  assert.ok(cooldown, JSON.stringify(events));
  assert.ok(cooldown.delayMs > 1_000 && cooldown.delayMs <= 2_000, `${cooldown.delayMs}`);
});
