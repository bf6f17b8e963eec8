// The retry scenarios every adapter must decide exactly as createFetch does, against the scenario
// server on 127.0.0.1. A test file gives a driver for its library; each scenario runs once through
// createFetch and once through the adapter, each with a fresh seeded RetryPolicy whose decide()
// calls are logged, and compares: requests the server saw, the decisions (retry, reason, delayMs),
// the gaps between requests (each at least the decided wait) and the outcome's kind.
//
//   runAdapterScenarios({ name: 'ky', makeClient: (policy) => ({ request(url, init) {...} }) });
//
// A driver's `request(url, { method, headers, body, signal })` resolves when the library resolves
// (any value) and rejects with whatever the library throws. Its optional `abortOutcome(error)`
// checks what the library rejects with when the signal aborts during a wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadPkg } from './pkg.mjs';
import { startScenarioServer } from './scenario-server.mjs';

/** Seed of every policy here: the jitter draws the same delays through both clients. */
export const SEED = 20_240_611;
/** How much later than its decided wait a retry may reach the server (timers, loopback). */
const SLACK_MS = 400;
/** How much earlier (timer rounding; performance.now() on both sides of one process). */
const EARLY_MS = 5;

/** A RetryPolicy whose decide() calls are logged as { retry, reason, delayMs }. */
export function loggedPolicy(RetryPolicy, options = {}) {
  const policy = new RetryPolicy({ seed: SEED, ...options });
  const log = [];
  const decide = policy.decide.bind(policy);
  policy.decide = (context) => {
    const d = decide(context);
    log.push({ retry: d.retry, reason: d.reason, delayMs: d.delayMs });
    return d;
  };
  return { policy, log };
}

/**
 * Registers the scenario tests for one adapter. `makeClient(policy)` builds the library client
 * with the adapter over `policy`.
 */
export function runAdapterScenarios({ name, makeClient, abortOutcome }) {
  let server;
  let api;
  let keys = 0;
  before(async () => {
    [server, api] = await Promise.all([startScenarioServer(), loadPkg()]);
  });
  after(() => server?.close());

  const endpoint = (scenario) => {
    keys += 1;
    const key = `${name}-${keys}`;
    return { url: server.scenarioUrl(scenario, key), name: `${scenario}/${key}` };
  };

  /** createFetch as the reference client, with the same call shape as the drivers. */
  const reference = (policy) => {
    const f = api.createFetch({ retry: policy });
    return { request: (url, init) => f(url, init) };
  };

  /** Runs one call through a client and describes what happened. */
  async function observe(client, log, scenario, init = {}) {
    const { url, name: key } = endpoint(scenario);
    let outcome;
    try {
      await client.request(url, init);
      outcome = 'ok';
    } catch (error) {
      outcome = api.classifyError(error)?.kind ?? `unclassified ${error?.name}`;
    }
    const hits = server.hits(key);
    const gaps = hits.slice(1).map((h, i) => h.at - hits[i].at);
    return { requests: hits.length, decisions: [...log], gaps, outcome, hits };
  }

  /** The same call through createFetch and the adapter; returns both observations. */
  async function compare(scenario, init) {
    const ref = loggedPolicy(api.RetryPolicy);
    const ours = loggedPolicy(api.RetryPolicy);
    const expected = await observe(reference(ref.policy), ref.log, scenario, init);
    const actual = await observe(makeClient(ours.policy), ours.log, scenario, init);
    assert.equal(actual.requests, expected.requests, `${name}: requests`);
    assert.deepEqual(actual.decisions, expected.decisions, `${name}: decisions`);
    assert.equal(actual.outcome, expected.outcome, `${name}: outcome`);
    const waits = actual.decisions.filter((d) => d.retry).map((d) => d.delayMs);
    assert.equal(actual.gaps.length, waits.length);
    actual.gaps.forEach((gap, i) => {
      assert.ok(gap >= waits[i] - EARLY_MS && gap <= waits[i] + SLACK_MS, `${name}: gap ${gap} ms for a wait of ${waits[i]} ms`);
    });
    return { expected, actual };
  }

  test(`${name}: 503 then 200: one retry after the backoff, as createFetch`, async () => {
    const { actual } = await compare('unavailable-once');
    assert.equal(actual.outcome, 'ok');
    assert.deepEqual(actual.decisions.map((d) => d.reason), ['status']);
  });

  test(`${name}: 429 with Retry-After: 1: waits exactly 1000 ms, as createFetch`, async () => {
    const { actual } = await compare('rate-limited-seconds');
    assert.deepEqual(actual.decisions, [{ retry: true, reason: 'retry_after', delayMs: 1000 }]);
    assert.equal(actual.outcome, 'ok');
  });

  test(`${name}: 429 with Retry-After as an HTTP-date 1 s ahead: waits 1000 ms, as createFetch`, async () => {
    const { actual } = await compare('rate-limited-date');
    assert.deepEqual(actual.decisions, [{ retry: true, reason: 'retry_after', delayMs: 1000 }]);
  });

  test(`${name}: POST without an Idempotency-Key is not retried; with one it is, as createFetch`, async () => {
    const plain = await compare('unavailable-once', { method: 'POST', body: 'order=1' });
    assert.equal(plain.actual.requests, 1);
    assert.deepEqual(plain.actual.decisions.map((d) => d.reason), ['method']);
    assert.equal(plain.actual.outcome, 'service_unavailable');
    const keyed = await compare('unavailable-once', { method: 'POST', body: 'order=1', headers: { 'Idempotency-Key': 'c0ffee' } });
    assert.equal(keyed.actual.requests, 2);
    assert.equal(keyed.actual.outcome, 'ok');
    for (const hit of keyed.actual.hits) {
      assert.equal(hit.method, 'POST');
      assert.equal(hit.headers['idempotency-key'], 'c0ffee');
    }
  });

  test(`${name}: 404 is not retried, as createFetch`, async () => {
    const { actual } = await compare('not-found');
    assert.equal(actual.requests, 1);
    assert.deepEqual(actual.decisions.map((d) => d.reason), ['not_retryable']);
    assert.equal(actual.outcome, 'not_found');
  });

  test(`${name}: 50 concurrent calls to an always-503 server: the shared budget gives createFetch's amplification`, async () => {
    const calls = 50;
    const run = async (client) => {
      const { url, name: key } = endpoint('always-503');
      const outcomes = await Promise.allSettled(Array.from({ length: calls }, () => client.request(url)));
      assert.ok(outcomes.every((o) => o.status === 'rejected'));
      return server.count(key);
    };
    const expected = await run(reference(new api.RetryPolicy({ seed: SEED, baseDelayMs: 10 })));
    const actual = await run(makeClient(new api.RetryPolicy({ seed: SEED, baseDelayMs: 10 })));
    console.log(`${name}: ${calls} calls to an always-503 server: ${actual} requests (createFetch ${expected}), amplification ${(actual / calls).toFixed(2)}x`);
    assert.equal(actual, expected);
    assert.ok(actual < calls * 3, 'the budget stopped retries that the limit alone allows');
  });

  test(`${name}: the success after a retry refills the budget the retry spent, as createFetch`, async () => {
    const budget = { maxTokens: 10, tokenRatio: 0.5 };
    const tokens = async (client, policy) => {
      await client.request(endpoint('unavailable-once').url);
      return policy.budgetTokens;
    };
    const ref = new api.RetryPolicy({ seed: SEED, baseDelayMs: 5, budget });
    const ours = new api.RetryPolicy({ seed: SEED, baseDelayMs: 5, budget });
    // 10, -1 for the retry, +1 back when the retry succeeds (the AWS-style quota of issue 13).
    assert.equal(await tokens(reference(ref), ref), 10);
    assert.equal(await tokens(makeClient(ours), ours), 10);
  });

  test(`${name}: an abort during the wait ends the call at once, with no further request`, async () => {
    const { url, name: key } = endpoint('retry-after-seconds'); // 503 Retry-After: 1
    const { policy, log } = loggedPolicy(api.RetryPolicy);
    const client = makeClient(policy);
    const controller = new AbortController();
    const started = performance.now();
    const call = client.request(url, { signal: controller.signal }).then(() => assert.fail('resolved'), (e) => e);
    while (log.length === 0 && performance.now() - started < 3_000) await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(log, [{ retry: true, reason: 'retry_after', delayMs: 1000 }]);
    const abortedAt = performance.now();
    controller.abort();
    const error = await call;
    const took = performance.now() - abortedAt;
    assert.ok(took < 250, `the call ended ${Math.round(took)} ms after the abort`);
    await new Promise((r) => setTimeout(r, 1_200)); // past the wait: nothing else is sent
    assert.equal(server.count(key), 1);
    if (abortOutcome) abortOutcome(error, api);
    else assert.equal(api.classifyError(error)?.kind, 'aborted', `${name}: ${error?.name} ${error?.message}`);
  });
}
