// Retry storms: many concurrent calls through one createFetch against a loopback server. The
// default retry budget (10 tokens; a retry costs 1, 2 after a timeout; a successful retry gives
// its cost back; a first-attempt success adds 0.5) must hold both loads: amplification (requests
// per call) at or under 1.1x under a total outage, and >= 99% of calls succeeding under 20%
// independent transient 503s. Traffic must come back as soon as the server recovers.
// Figures are printed on lines starting with `storm:`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadPkg } from '../support/pkg.mjs';

const api = await loadPkg();

/**
 * A loopback server counting requests; `answer(now)` gives `{ status, headers }`. Large backlog
 * and keep-alive so 2,000 concurrent connections are accepted at once.
 */
async function countingServer(answer) {
  let requests = 0;
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    requests += 1;
    req.resume();
    const { status, headers = {} } = answer(performance.now());
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(status === 200 ? '{"ok":true}' : '{"error":"unavailable"}');
  });
  server.maxConnections = 10_000;
  await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests: () => requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (const calls of [200, 2_000]) {
  test(`${calls} concurrent calls to an always-503 server: amplification <= 1.1x with the default budget`, async () => {
    const server = await countingServer(() => ({ status: 503 }));
    try {
      // Default budget; only the backoff is shortened so the test is quick.
      const f = api.createFetch({ retry: { baseDelayMs: 10 } });
      const start = performance.now();
      const outcomes = await Promise.allSettled(Array.from({ length: calls }, (_, i) => f(`${server.url}item/${i}`)));
      const ms = performance.now() - start;
      const errors = outcomes.map((o) => o.reason);
      assert.ok(errors.every((e) => api.isHttpError(e) && e.status === 503), 'every call ends in HttpError 503');
      const requests = server.requests();
      const attempts = errors.reduce((sum, e) => sum + e.attempts, 0);
      assert.equal(attempts, requests, 'attempts reported = requests the server saw');
      const amplification = requests / calls;
      console.log(`storm: ${calls} calls, always 503: ${requests} requests, amplification ${amplification.toFixed(4)}x, `
        + `${requests - calls} retries, settled in ${ms.toFixed(0)} ms`);
      assert.ok(amplification <= 1.1, `amplification ${amplification}`);
      assert.equal(requests - calls, 10, 'the default budget allows exactly 10 retries into an outage');
      const refused = errors.filter((e) => e.decision.reason === 'budget').length;
      assert.ok(refused >= calls - 10, `${refused} calls refused by the budget`);
    } finally {
      await server.close();
    }
  });
}

test('2,000 concurrent calls to a dead port (connection refused): amplification <= 1.1x', async () => {
  // A port that was just free: listen, note it, close.
  const probe = createNetServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  const f = api.createFetch({ retry: { baseDelayMs: 10 } });
  const calls = 2_000;
  const start = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: calls }, (_, i) => f(`http://127.0.0.1:${port}/x/${i}`)));
  const errors = outcomes.map((o) => o.reason);
  assert.ok(errors.every((e) => api.isNetworkError(e) && e.kind === 'network_error'));
  const attempts = errors.reduce((sum, e) => sum + e.attempts, 0);
  console.log(`storm: ${calls} calls, connection refused: ${attempts} attempts, amplification ${(attempts / calls).toFixed(4)}x, `
    + `settled in ${(performance.now() - start).toFixed(0)} ms`);
  assert.ok(attempts / calls <= 1.1);
});

/**
 * A server where each attempt of each call fails with 503 with probability 0.2, independently,
 * decided by a seeded hash of (call, attempt): the pattern does not depend on the order in which
 * concurrent requests arrive, so a run is reproducible.
 */
async function transientServer(seed) {
  const seen = new Map();
  const fails = (call, n) => {
    // A 32-bit integer hash (xorshift-multiply) of seed, call and attempt, in [0, 1).
    let h = (seed * 0x9E3779B1) ^ (call * 0x85EBCA77) ^ (n * 0xC2B2AE3D);
    h = Math.imul(h ^ (h >>> 16), 0x7FEB352D);
    h = Math.imul(h ^ (h >>> 15), 0x846CA68B);
    h ^= h >>> 16;
    return (h >>> 0) / 2 ** 32 < 0.2;
  };
  const server = await countingServer(() => ({ status: 200 }));
  const inner = server;
  const http = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    const call = Number(/\/c\/(\d+)/.exec(req.url)?.[1] ?? 0);
    const n = (seen.get(call) ?? 0) + 1;
    seen.set(call, n);
    req.resume();
    const status = fails(call, n) ? 503 : 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status === 200 ? '{"ok":true}' : '{"error":"unavailable"}');
  });
  await inner.close();
  http.maxConnections = 10_000;
  await new Promise((resolve) => http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return {
    url: `http://127.0.0.1:${http.address().port}/`,
    /** Calls whose first three attempts all fail: lost without a budget too. */
    lostAnyway: (calls) => Array.from({ length: calls }, (_, c) => c).filter((c) => fails(c, 1) && fails(c, 2) && fails(c, 3)).length,
    requests: () => [...seen.values()].reduce((a, b) => a + b, 0),
    close: () => new Promise((resolve) => { http.closeAllConnections(); http.close(() => resolve()); }),
  };
}

for (const { calls, inFlight } of [{ calls: 200, inFlight: 200 }, { calls: 1_000, inFlight: 20 }]) {
  test(`20% independent transient 503s, ${calls} calls (${inFlight} in flight), default createFetch(): >= 99% succeed`, async () => {
    const server = await transientServer(7);
    try {
      const f = api.createFetch({ retry: { baseDelayMs: 20 } });
      const outcomes = new Array(calls);
      let next = 0;
      const start = performance.now();
      await Promise.all(Array.from({ length: inFlight }, async () => {
        while (next < calls) {
          const call = next++;
          try {
            const res = await f(`${server.url}c/${call}`);
            await res.arrayBuffer();
            outcomes[call] = 'ok';
          } catch (error) {
            assert.ok(api.isHttpError(error), String(error));
            outcomes[call] = error.decision?.reason ?? 'unknown';
          }
        }
      }));
      const ok = outcomes.filter((o) => o === 'ok').length;
      const budget = outcomes.filter((o) => o === 'budget').length;
      const lostAnyway = server.lostAnyway(calls);
      console.log(`storm: 20% transient 503s, ${calls} calls, ${inFlight} in flight: ${ok} succeeded (${(100 * ok / calls).toFixed(1)}%), `
        + `${budget} refused by the budget, ${lostAnyway} would fail without any budget (3 failed attempts); `
        + `${server.requests()} requests (${(server.requests() / calls).toFixed(3)}x), ${(performance.now() - start).toFixed(0)} ms`);
      assert.ok(lostAnyway <= calls / 100, `the seeded pattern itself loses ${lostAnyway} calls`);
      assert.ok(ok >= 0.99 * calls, `${ok} of ${calls} succeeded`);
      assert.equal(budget, 0, 'the budget refused no retry');
      assert.equal(calls - ok, lostAnyway, 'the only failures are calls whose three attempts all failed');
    } finally {
      await server.close();
    }
  });
}

/**
 * 200 clients each call once every `everyMs` until they get a 2xx; the server answers 503 (with
 * `outageHeaders`) for the first 2 s. Returns when every client succeeded.
 */
async function recovery({ label, outageHeaders = {}, everyMs = 50, clients = 200 }) {
  let recoveredAt = Infinity;
  const outageMs = 2_000;
  const t0 = performance.now();
  const server = await countingServer((now) => {
    if (now - t0 < outageMs) return { status: 503, headers: outageHeaders };
    if (recoveredAt === Infinity) recoveredAt = t0 + outageMs;
    return { status: 200 };
  });
  const f = api.createFetch({ retry: { baseDelayMs: 10 } });
  const successes = [];
  let callsMade = 0;
  const deadline = t0 + 15_000;
  try {
    await Promise.all(Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < deadline) {
        callsMade += 1;
        try {
          const res = await f(`${server.url}client/${i}`);
          await res.arrayBuffer();
          successes.push(performance.now());
          return;
        } catch (error) {
          assert.ok(api.isHttpError(error), `client ${i}: ${error}`);
          await sleep(everyMs);
        }
      }
    }));
    assert.equal(successes.length, clients, 'every client got through after the recovery');
    const recovery = t0 + outageMs;
    const first = Math.min(...successes) - recovery;
    const all = Math.max(...successes) - recovery;
    const requests = server.requests();
    console.log(`storm: recovery (${label}): ${clients} clients calling every ${everyMs} ms, outage 2 s; `
      + `first success ${first.toFixed(0)} ms after recovery, all ${clients} settled ${all.toFixed(0)} ms after; `
      + `${callsMade} calls, ${requests} requests (amplification ${(requests / callsMade).toFixed(3)}x)`);
    return { first, all, requests, callsMade };
  } finally {
    await server.close();
  }
}

test('recovery: traffic returns as soon as the server does (503 without Retry-After)', async () => {
  const { first, all, requests, callsMade } = await recovery({ label: 'plain 503' });
  assert.ok(first < 500, `first success ${first} ms after recovery`);
  assert.ok(all < 2_000, `all settled ${all} ms after recovery`);
  assert.ok(requests / callsMade <= 1.1, 'the budget held while clients kept calling');
});

test('recovery with Retry-After: 1 — the origin pause ends within the asked second', async () => {
  const { first, all, callsMade } = await recovery({ label: 'Retry-After: 1', outageHeaders: { 'retry-after': '1' } });
  assert.ok(first < 1_500, `first success ${first} ms after recovery`);
  assert.ok(all < 3_000, `all settled ${all} ms after recovery`);
  // The pause is shared by every call of the instance: far fewer calls than 200 clients x 40 ticks.
  assert.ok(callsMade < 200 * 10, `${callsMade} calls during a 2 s outage`);
});
