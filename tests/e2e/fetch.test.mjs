// createFetch in real Chromium: a page served by www/server.mjs imports /pkg/index.js and calls the
// scenario server on another loopback port (cross-origin, so through CORS). The page returns plain
// data; the assertions, and the request counts the server saw, are checked in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { startServer } from '../../www/server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';

let site;
let api;
let browser;
let keys = 0;

before(async () => {
  [site, api, browser] = await Promise.all([startServer(), startScenarioServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

/** A fresh scenario/key pair: its URL and its name for api.count(). */
function endpoint(scenario) {
  keys += 1;
  const key = `b${keys}`;
  return { url: api.scenarioUrl(scenario, key), name: `${scenario}/${key}` };
}

/**
 * Opens a page of the site's origin, loads the package into it as `window.triage.api` with
 * `window.triage.pick(error)` (an error as plain data), runs `fn(arg)` there and returns its
 * result. Fails on any uncaught page error.
 */
async function inPage(fn, arg) {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  try {
    await page.goto(`${site.url}favicon.svg`);
    await page.evaluate(async () => {
      const triage = await import('/pkg/index.js');
      window.triage = {
        api: triage,
        pick: (e) => ({
          name: e?.name,
          kind: e?.kind,
          code: e?.code,
          status: e?.status,
          reason: e?.reason,
          attempts: e?.attempts,
          method: e?.method,
          url: e?.url,
          message: e?.message,
          retryAfterMs: e?.retryAfterMs,
          details: e?.details ?? null,
          isHttpError: triage.isHttpError(e),
          isNetworkError: triage.isNetworkError(e),
          causeName: e?.cause?.name,
          causeMessage: e?.cause?.message,
        }),
      };
    });
    const result = await page.evaluate(fn, arg);
    assert.deepEqual(pageErrors, []);
    return result;
  } finally {
    await page.close();
  }
}

test('Chromium: 503 Retry-After: 1 then 200 (Retry-After read across origins)', async () => {
  const { url, name } = endpoint('retry-after-seconds');
  const r = await inPage(async (target) => {
    const { api } = window.triage;
    const retries = [];
    const f = api.createFetch({ onRetry: (info) => retries.push(info) });
    const t0 = performance.now();
    const res = await f(target);
    return { status: res.status, body: await res.json(), retries, took: performance.now() - t0 };
  }, url);
  assert.equal(r.status, 200);
  assert.equal(r.body.attempt, 2);
  assert.deepEqual(r.retries, [{ attempt: 1, delayMs: 1000, reason: 'retry_after', status: 503, retryAfterMs: 1000 }]);
  assert.ok(r.took >= 990 && r.took < 2_500, `took ${r.took} ms`);
  assert.equal(api.count(name), 2);
});

test('Chromium: 500 until the limit -> HttpError with its fields and a readable response', async () => {
  const { url, name } = endpoint('always-500');
  const r = await inPage(async (target) => {
    const { api, pick } = window.triage;
    const f = api.createFetch({ retry: { baseDelayMs: 10 } });
    try {
      await f(target);
      return { resolved: true };
    } catch (e) {
      return {
        error: pick(e),
        instanceOf: e instanceof api.HttpError && e instanceof Error,
        body: await e.response.json(),
        userMessage: e.userMessage,
      };
    }
  }, url);
  assert.equal(r.resolved, undefined);
  assert.equal(api.count(name), 3);
  const e = r.error;
  assert.equal(r.instanceOf, true);
  assert.equal(e.name, 'HttpError');
  assert.equal(e.isHttpError, true);
  assert.equal(e.isNetworkError, false);
  assert.equal(e.status, 500);
  assert.equal(e.kind, 'server_error');
  assert.equal(e.code, 'server_error');
  assert.equal(e.reason, 'Internal Server Error');
  assert.equal(e.attempts, 3);
  assert.equal(e.method, 'GET');
  assert.equal(e.url, url);
  assert.equal(e.retryAfterMs, null);
  assert.equal(e.message, `Request failed with status 500 Internal Server Error: GET ${url}`);
  assert.equal(e.details.format, 'problem+json');
  assert.equal(e.details.detail, 'The order service failed.');
  assert.equal(e.details.instance, '/orders/42/attempt/3');
  assert.equal(r.body.title, 'Internal Server Error');
  for (const field of ['title', 'message', 'action']) assert.equal(typeof r.userMessage[field], 'string', field);
  assert.equal(r.userMessage.kind, 'server_error');
});

test("Chromium: a closed port -> NetworkError 'network_error' from \"Failed to fetch\"", async () => {
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const url = `http://127.0.0.1:${port}/nothing-here`;
  const r = await inPage(async (target) => {
    const { api, pick } = window.triage;
    const reasons = [];
    const f = api.createFetch({ retry: { baseDelayMs: 10 }, onRetry: (info) => reasons.push(info.reason) });
    try {
      await f(target);
      return { resolved: true };
    } catch (e) {
      return { error: pick(e), reasons, userKind: e.userMessage.kind, instanceOf: e instanceof api.NetworkError };
    }
  }, url);
  assert.equal(r.resolved, undefined);
  assert.equal(r.instanceOf, true);
  assert.equal(r.error.name, 'NetworkError');
  assert.equal(r.error.kind, 'network_error');
  assert.equal(r.error.code, 'network_error');
  assert.equal(r.error.attempts, 3);
  assert.equal(r.error.isNetworkError, true);
  assert.equal(r.error.causeName, 'TypeError');
  assert.equal(r.error.causeMessage, 'Failed to fetch');
  assert.deepEqual(r.reasons, ['network', 'network']);
  assert.equal(r.userKind, 'network_error');
});

test('Chromium: init.signal aborted during a backoff wait rejects at once, no further request', async () => {
  const { url, name } = endpoint('always-500');
  const r = await inPage(async (target) => {
    const { api } = window.triage;
    const controller = new AbortController();
    const reason = new Error('user left the page');
    let abortedAt;
    const f = api.createFetch({
      retry: { baseDelayMs: 600, jitter: 'none' },
      onRetry: () => setTimeout(() => { abortedAt = performance.now(); controller.abort(reason); }, 50),
    });
    try {
      await f(target, { signal: controller.signal });
      return { resolved: true };
    } catch (e) {
      return { sameReason: e === reason, lag: performance.now() - abortedAt };
    }
  }, url);
  assert.equal(r.resolved, undefined);
  assert.equal(r.sameReason, true);
  assert.ok(r.lag < 100, `rejected ${r.lag} ms after the abort (the wait was 600 ms)`);
  await delay(650); // past the time the retry would have started
  assert.equal(api.count(name), 1);
});

test('Chromium: a 429 Retry-After: 2 pauses the next call to that origin', async () => {
  const limited = endpoint('cooldown');
  const other = endpoint('ok');
  const r = await inPage(async ({ first, second }) => {
    const { api } = window.triage;
    let later;
    const f = api.createFetch({
      retry: { baseDelayMs: 10 },
      onRetry: (info) => { if (info.status === 429 && !later) later = f(second); },
    });
    const a = await f(first);
    const b = later ? await later : null;
    return { a: a.status, b: b?.status };
  }, { first: limited.url, second: other.url });
  assert.deepEqual(r, { a: 200, b: 200 });
  assert.equal(api.count(limited.name), 2);
  assert.equal(api.count(other.name), 1);
  const gap = api.hits(other.name)[0].at - api.hits(limited.name)[0].at;
  assert.ok(gap >= 1_800 && gap < 3_000, `the second call's request came ${gap} ms after the 429`);
});

test('Chromium: a hanging response times out per attempt -> NetworkError timeout after 2 requests', async () => {
  const { url, name } = endpoint('hang');
  const r = await inPage(async (target) => {
    const { api, pick } = window.triage;
    const reasons = [];
    const f = api.createFetch({ timeoutMs: 200, retry: { limit: 1, baseDelayMs: 10 }, onRetry: (i) => reasons.push(i.reason) });
    const t0 = performance.now();
    try {
      await f(target);
      return { resolved: true };
    } catch (e) {
      return { error: pick(e), reasons, took: performance.now() - t0 };
    }
  }, url);
  assert.equal(r.resolved, undefined);
  assert.equal(r.error.name, 'NetworkError');
  assert.equal(r.error.kind, 'timeout');
  assert.equal(r.error.attempts, 2);
  assert.deepEqual(r.reasons, ['timeout']);
  assert.ok(r.took >= 390 && r.took < 1_500, `took ${r.took} ms`);
  assert.equal(api.count(name), 2);
});

test('Chromium: POST retried only with an Idempotency-Key (preflighted); 404 problem+json read', async () => {
  const plain = endpoint('unavailable-once');
  const keyed = endpoint('unavailable-once');
  const missing = endpoint('not-found');
  const r = await inPage(async ({ plainUrl, keyedUrl, missingUrl }) => {
    const { api, pick } = window.triage;
    const f = api.createFetch({ retry: { baseDelayMs: 10 } });
    const settle = (p) => p.then((res) => ({ status: res.status }), (e) => ({ error: pick(e) }));
    return {
      plain: await settle(f(plainUrl, { method: 'POST', body: 'order=1' })),
      keyed: await settle(f(keyedUrl, { method: 'POST', body: 'order=1', headers: { 'Idempotency-Key': 'c0ffee' } })),
      missing: await settle(f(missingUrl)),
    };
  }, { plainUrl: plain.url, keyedUrl: keyed.url, missingUrl: missing.url });
  assert.equal(r.plain.error.status, 503);
  assert.equal(r.plain.error.attempts, 1);
  assert.equal(api.count(plain.name), 1);
  assert.deepEqual(r.keyed, { status: 200 });
  assert.equal(api.count(keyed.name), 2);
  assert.ok(api.preflights(keyed.name) >= 1, 'the Idempotency-Key header was preflighted');
  assert.deepEqual(api.hits(keyed.name).map((h) => [h.headers['idempotency-key'], h.body]), [['c0ffee', 'order=1'], ['c0ffee', 'order=1']]);
  assert.equal(r.missing.error.kind, 'not_found');
  assert.equal(r.missing.error.details.title, 'Order not found');
  assert.equal(api.count(missing.name), 1);
});

test('offline: a retry waits for the online event instead of spending attempts', async () => {
  const { url, name } = endpoint('ok');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${site.url}favicon.svg`);
    await page.evaluate(async () => {
      const triage = await import('/pkg/index.js');
      window.events = [];
      window.api = triage.createFetch({ retry: { limit: 1, baseDelayMs: 10 }, onRetry: (i) => window.events.push(i.reason) });
    });
    await context.setOffline(true);
    const started = page.evaluate(async (u) => {
      window.offlineAtStart = navigator.onLine === false;
      try {
        const res = await window.api(u);
        return { status: res.status, events: window.events };
      } catch (e) {
        return { error: e.name, kind: e.kind, attempts: e.attempts, events: window.events };
      }
    }, url);
    await delay(700);
    assert.equal(api.count(name), 0, 'nothing reaches the server while offline');
    await context.setOffline(false);
    const result = await started;
    assert.equal(await page.evaluate(() => window.offlineAtStart), true);
    assert.equal(result.status, 200, JSON.stringify(result));
    assert.ok(result.events.includes('offline'), JSON.stringify(result.events));
    assert.equal(api.count(name), 1);
  } finally {
    await context.close();
  }
});
