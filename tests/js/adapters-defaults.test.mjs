// For each adapted library, one scenario where the library's own default decides differently from
// the adapter, measured against the scenario server: requests, waits between them, and what the
// caller ends with. The figures are printed for the README and the issue's closing note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { QueryClient } from '@tanstack/query-core';
import axios from 'axios';
import ky from 'ky';
import { ofetch } from 'ofetch';
import { createRetry } from '../../pkg/adapters/tanstack-query.js';
import { interceptors } from '../../pkg/adapters/axios.js';
import { createOptions as kyOptions } from '../../pkg/adapters/ky.js';
import { createOptions as ofetchOptions } from '../../pkg/adapters/ofetch.js';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';

let server;
let api;
before(async () => { [server, api] = await Promise.all([startScenarioServer(), loadPkg()]); });
after(() => server?.close());

/** Runs `call(url)` on a fresh key of `scenario`: requests, gaps between them, outcome, time. */
async function measure(scenario, key, call) {
  const url = server.scenarioUrl(scenario, key);
  const t0 = performance.now();
  let outcome;
  try {
    await call(url);
    outcome = 'ok';
  } catch (error) {
    outcome = error;
  }
  const took = Math.round(performance.now() - t0);
  const hits = server.hits(`${scenario}/${key}`);
  const gaps = hits.slice(1).map((h, i) => Math.round(h.at - hits[i].at));
  return { requests: hits.length, gaps, outcome, took };
}

const show = (label, m) => console.log(`${label}: ${m.requests} request(s), waits [${m.gaps.join(', ')}] ms, ${m.outcome === 'ok' ? 'succeeded' : `failed (${m.outcome.name})`} after ${m.took} ms`);

test('TanStack Query: a 404 is retried 3 times over 7 s by default (browser default retry: 3); the adapter fails at once', async () => {
  const once = api.createFetch({ retry: false });
  // `retry: 3` is TanStack's default outside a server (isServer makes it 0 in Node).
  const plain = new QueryClient({ defaultOptions: { queries: { retry: 3 } } });
  const before = await measure('not-found', 'tq-default', (url) => plain.fetchQuery({ queryKey: ['a'], queryFn: () => once(url) }));
  const adapted = new QueryClient({ defaultOptions: { queries: createRetry() } });
  const after = await measure('not-found', 'tq-adapter', (url) => adapted.fetchQuery({ queryKey: ['b'], queryFn: () => once(url) }));
  show('TanStack Query default, 404', before);
  show('TanStack Query + http-triage, 404', after);
  assert.equal(before.requests, 4);
  before.gaps.forEach((gap, i) => assert.ok(gap >= 1000 * 2 ** i - 5, `gap ${gap}`));
  assert.equal(after.requests, 1);
  assert.ok(after.took < 500);
  assert.equal(api.userMessage(after.outcome, { locale: 'en' }).kind, 'not_found');
});

test('axios: a 503 then 200 fails by default (axios does not retry); the interceptors retry after the backoff and succeed', async () => {
  const before = await measure('unavailable-once', 'axios-default', (url) => axios.get(url));
  const instance = axios.create();
  interceptors(instance);
  const after = await measure('unavailable-once', 'axios-adapter', (url) => instance.get(url));
  show('axios default, 503 then 200', before);
  show('axios + http-triage, 503 then 200', after);
  assert.equal(before.requests, 1);
  assert.equal(before.outcome.message, 'Request failed with status code 503');
  assert.equal(before.outcome.userMessage, undefined);
  assert.equal(after.requests, 2);
  assert.equal(after.outcome, 'ok');
});

test('ky: a POST with an Idempotency-Key that meets a 503 is not retried by default; the adapter retries it and succeeds', async () => {
  const init = { method: 'post', body: 'order=1', headers: { 'Idempotency-Key': 'c0ffee' } };
  const before = await measure('unavailable-once', 'ky-default', (url) => ky(url, init));
  const client = ky.create(kyOptions());
  const after = await measure('unavailable-once', 'ky-adapter', (url) => client(url, init));
  show('ky default, POST with Idempotency-Key, 503 then 200', before);
  show('ky + http-triage, POST with Idempotency-Key, 503 then 200', after);
  assert.equal(before.requests, 1);
  assert.equal(before.outcome.name, 'HTTPError');
  assert.equal(after.requests, 2);
  assert.equal(after.outcome, 'ok');
});

test('ofetch: a 429 with Retry-After: 1 is retried at once by default; the adapter waits the second the server asked for', async () => {
  const before = await measure('rate-limited-seconds', 'ofetch-default', (url) => ofetch(url));
  const client = ofetch.create(ofetchOptions());
  const after = await measure('rate-limited-seconds', 'ofetch-adapter', (url) => client(url));
  show('ofetch default, 429 Retry-After: 1', before);
  show('ofetch + http-triage, 429 Retry-After: 1', after);
  assert.equal(before.requests, 2);
  assert.ok(before.gaps[0] < 200, `ofetch waited ${before.gaps[0]} ms`);
  assert.equal(after.requests, 2);
  assert.ok(after.gaps[0] >= 995, `the adapter waited ${after.gaps[0]} ms`);
});

test('every library, 50 concurrent calls to an always-503 server: requests by default and with the adapter', async () => {
  const calls = 50;
  const run = async (key, call) => {
    const url = server.scenarioUrl('always-503', key);
    await Promise.allSettled(Array.from({ length: calls }, (_, i) => call(url, i)));
    return server.count(`always-503/${key}`);
  };
  const once = api.createFetch({ retry: false });
  const fast = { retryDelay: 1 }; // TanStack's own delays (1, 2, 4 s) shortened: the count is what is measured
  const rows = {
    'TanStack Query (retry: 3)': [
      await run('tq-d', (url, i) => new QueryClient({ defaultOptions: { queries: { retry: 3, ...fast } } }).fetchQuery({ queryKey: [i], queryFn: () => once(url) })),
      await run('tq-a', ((client) => (url, i) => client.fetchQuery({ queryKey: [i], queryFn: () => once(url) }))(new QueryClient({ defaultOptions: { queries: createRetry({ policy: { baseDelayMs: 1 } }) } }))),
    ],
    axios: [
      await run('axios-d', (url) => axios.get(url)),
      await run('axios-a', ((a) => (url) => a.get(url))((() => { const a = axios.create(); interceptors(a, { policy: { baseDelayMs: 1 } }); return a; })())),
    ],
    ky: [
      await run('ky-d', (url) => ky(url, { retry: { delay: () => 1 } })),
      await run('ky-a', ((k) => (url) => k(url))(ky.create(kyOptions({ policy: { baseDelayMs: 1 } })))),
    ],
    ofetch: [
      await run('ofetch-d', (url) => ofetch(url)),
      await run('ofetch-a', ((o) => (url) => o(url))(ofetch.create(ofetchOptions({ policy: { baseDelayMs: 1 } })))),
    ],
  };
  for (const [name, [plain, adapted]] of Object.entries(rows)) {
    console.log(`${name}: ${calls} calls to an always-503 server: ${plain} requests by default (${(plain / calls).toFixed(2)}x), ${adapted} with the adapter (${(adapted / calls).toFixed(2)}x)`);
    assert.ok(adapted <= plain || name === 'axios', name);
  }
  assert.equal(rows['TanStack Query (retry: 3)'][0], 200);
  assert.equal(rows.ky[0], 150);
  assert.equal(rows.ofetch[0], 100);
  assert.equal(rows.axios[0], 50);
});
