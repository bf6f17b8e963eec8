// State that must not grow, and runtime failures createFetch must read right (issue 13):
// the pause table is bounded, a long-lived caller signal gains nothing per call, Node's
// connect timeouts are timeouts, every engine's wording is recognised, and a page without
// BroadcastChannel still works. Run with --test-concurrency=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as delay } from 'node:timers/promises';
import { loadPkg } from '../support/pkg.mjs';

const api = await loadPkg();
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** A fetch that answers `status` (with `headers`) without any network. */
const answering = (status, headers = {}) => async () => new Response('{"error":"x"}', { status, headers });

test('the pause table is bounded: past 256 origins the oldest pause is dropped', async () => {
  // 300 origins paused for 60 s each: the newest are still held, the oldest were evicted.
  const g = api.createFetch({ retry: { limit: 0 }, deadlineMs: 1_000, fetch: answering(429, { 'retry-after': '60' }) });
  for (let i = 0; i < 300; i++) await g(`https://h${i}.example/`).catch(() => {});
  const newest = await g('https://h299.example/again').catch((e) => e);
  assert.equal(newest.attempts, 0, 'the newest pause is still held');
  assert.equal(newest.status, 429);
  const oldest = await g('https://h0.example/again').catch((e) => e);
  assert.equal(oldest.attempts, 1, 'the oldest pause was evicted: the call was sent');
});

test('an expired pause is dropped: the call goes out and the table empties', async () => {
  const g = api.createFetch({ retry: { limit: 0 }, fetch: async (u) => (String(u).endsWith('/first') ? new Response('', { status: 503, headers: { 'retry-after': '1' } }) : new Response('ok')) });
  await g('https://expire.example/first').catch(() => {});
  await delay(1_100);
  const t0 = performance.now();
  assert.equal((await g('https://expire.example/later')).status, 200);
  assert.ok(performance.now() - t0 < 100, 'not held after the pause expired');
});

test('a long-lived caller signal gains nothing per call (no AbortSignal.any, listeners released)', async () => {
  const original = AbortSignal.any;
  let anyCalls = 0;
  AbortSignal.any = function spy(...args) { anyCalls += 1; return original.apply(this, args); };
  try {
    const controller = new AbortController();
    const f = api.createFetch({ timeoutMs: 5_000, fetch: async (_, init) => { assert.ok(init.signal); return new Response('ok'); } });
    for (let i = 0; i < 2_000; i++) {
      const res = await f('https://signal.example/', { signal: controller.signal });
      await res.text();
    }
    assert.equal(anyCalls, 0, 'AbortSignal.any() was called');
    // Responses handed out keep their link until they are garbage; then it goes.
    for (let i = 0; i < 5; i++) { gc(); await delay(20); }
    const left = getEventListeners(controller.signal, 'abort').length;
    console.log(`state: 2,000 calls on one caller signal, ${left} abort listeners left after GC`);
    assert.ok(left <= 1, `${left} listeners left on the caller's signal`);
    // The caller's abort still reaches a response that is being read.
    const streaming = api.createFetch({ timeoutMs: 5_000, fetch: async (_, init) => new Response(new ReadableStream({
      start(c) { init.signal.addEventListener('abort', () => c.error(init.signal.reason)); },
    })) });
    const c2 = new AbortController();
    const res = await streaming('https://signal.example/', { signal: c2.signal });
    const reading = res.text();
    c2.abort(new Error('stop'));
    await assert.rejects(reading, { message: 'stop' });
  } finally {
    AbortSignal.any = original;
  }
});

test("Node 20's connect timeout over several addresses is a timeout, not a network error", async () => {
  for (const code of ['ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']) {
    const error = new TypeError('fetch failed', { cause: { code } });
    assert.deepEqual(api.classifyError(error), { kind: 'timeout', retryable: true }, code);
    let attempts = 0;
    const f = api.createFetch({ retry: { baseDelayMs: 1, budget: false }, fetch: async () => { attempts += 1; throw error; } });
    const err = await f('https://t.example/').catch((e) => e);
    assert.equal(err.kind, 'timeout', code);
    assert.equal(err.attempts, 3, code);
    assert.equal(err.userMessage.kind, 'timeout', code);
  }
  const dns = new TypeError('fetch failed', { cause: { code: 'EAI_AGAIN' } });
  assert.deepEqual(api.classifyError(dns), { kind: 'network_error', retryable: true });
});

test('every engine wording since 2020 is recognised', () => {
  for (const [message, kind] of [
    ['Failed to fetch', 'network_error'],
    ['NetworkError when attempting to fetch resource.', 'network_error'],
    ['Load failed', 'network_error'],
    ['A server with the specified hostname could not be found.', 'network_error'],
    ['Could not connect to the server.', 'network_error'],
    ['The network connection was lost.', 'network_error'],
    ['The request timed out.', 'timeout'],
    ['The Internet connection appears to be offline.', 'offline'],
    ['cancelled', 'aborted'],
    ['network error', 'network_error'],
    ['terminated', 'network_error'],
    ['error sending request for url (https://x.test/): connection refused', 'network_error'],
    ['error sending request from 1.2.3.4:5 for https://x.test/ (1.2.3.4:443): client error (Connect): tcp connect error: Connection timed out (os error 110)', 'timeout'],
  ]) {
    assert.equal(api.classifyError(new TypeError(message))?.kind, kind, message);
  }
  const bun = Object.assign(new Error('Unable to connect. Is the computer able to access the url?'), { code: 'ConnectionRefused' });
  assert.equal(api.classifyError(bun)?.kind, 'network_error');
  assert.equal(api.classifyError(new TypeError('something else')), null);
});

test('without BroadcastChannel, pauses still work within the instance', async () => {
  // The channel is opened on the first createFetch of the module; a fresh copy of the package
  // in a realm without BroadcastChannel must work the same.
  const saved = globalThis.BroadcastChannel;
  delete globalThis.BroadcastChannel;
  try {
    const fresh = await import(`../../pkg/node.js?no-channel=${Date.now()}`).catch(() => null);
    const mod = fresh ?? api;
    let n = 0;
    const f = mod.createFetch({ retry: { limit: 0 }, deadlineMs: 500, fetch: async () => { n += 1; return new Response('', { status: 429, headers: { 'retry-after': '2' } }); } });
    await f('https://nochannel.example/a').catch(() => {});
    const held = await f('https://nochannel.example/b').catch((e) => e);
    assert.equal(held.status, 429);
    assert.equal(held.attempts, 0);
    assert.equal(n, 1);
  } finally {
    globalThis.BroadcastChannel = saved;
  }
});
