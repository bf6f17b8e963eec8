// http-triage/tanstack-query against the real @tanstack/query-core v5 (pinned devDependency) and
// the scenario server: a QueryClient whose retry and retryDelay come from the policy retries
// exactly as createFetch does. Queries are GETs; a POST is a mutation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { QueryClient, QueryCache, MutationObserver, CancelledError } from '@tanstack/query-core';
import { createRetry, retry, retryDelay, onSuccess, errorMessage } from '../../pkg/adapters/tanstack-query.js';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';
import { runAdapterScenarios } from '../support/adapter-scenarios.mjs';

let api;
before(async () => { api = await loadPkg(); });

let queries = 0;
runAdapterScenarios({
  name: 'tanstack-query',
  makeClient(policy) {
    const defaults = createRetry({ policy });
    const client = new QueryClient({ queryCache: new QueryCache({ onSuccess: defaults.onSuccess }), defaultOptions: { queries: defaults } });
    // Each attempt is one fetch that throws on a non-ok status; TanStack does the retrying.
    const fetchOnce = api.createFetch({ retry: false });
    return {
      request(url, { method = 'GET', headers, body, signal } = {}) {
        if (method === 'GET') {
          const queryKey = ['scenario', (queries += 1)];
          signal?.addEventListener('abort', () => client.cancelQueries({ queryKey }));
          return client.fetchQuery({ queryKey, queryFn: ({ signal: s }) => fetchOnce(url, { signal: s }) });
        }
        // (MutationCache's onSuccess would refill the budget; these mutations never succeed after a retry.)
        const mutation = new MutationObserver(client, {
          mutationFn: () => fetchOnce(url, { method, headers, body }),
          ...createRetry({ policy, method, requestHeaders: headers }),
        });
        return mutation.mutate();
      },
    };
  },
  abortOutcome(error) {
    assert.ok(error instanceof CancelledError, `${error?.name}`);
    assert.equal(errorMessage(error), null, 'a cancelled query has no message for the user');
  },
});

let server;
before(async () => { server = await startScenarioServer(); });
after(() => server?.close());

test('tanstack-query: the module exports fit QueryClient defaults', async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry, retryDelay } } });
  const fetchOnce = api.createFetch({ retry: false });
  const url = server.scenarioUrl('unavailable-once', 'tq-defaults');
  const data = await client.fetchQuery({ queryKey: ['defaults'], queryFn: () => fetchOnce(url).then((r) => r.json()) });
  assert.equal(data.ok, true);
  assert.equal(server.count('unavailable-once/tq-defaults'), 2);
  assert.equal(typeof onSuccess, 'function');
});

test('tanstack-query: onSuccess in the QueryCache refills the budget the retry spent', async () => {
  const policy = new api.RetryPolicy({ budget: { maxTokens: 10, tokenRatio: 0.5 }, baseDelayMs: 5 });
  const r = createRetry({ policy });
  const client = new QueryClient({ queryCache: new QueryCache({ onSuccess: r.onSuccess }), defaultOptions: { queries: r } });
  const fetchOnce = api.createFetch({ retry: false });
  const url = server.scenarioUrl('unavailable-once', 'tq-budget');
  await client.fetchQuery({ queryKey: ['budget'], queryFn: () => fetchOnce(url).then((res) => res.json()) });
  assert.equal(server.count('unavailable-once/tq-budget'), 2);
  assert.equal(policy.budgetTokens, 10); // 10, -1 for the retry, +1 back when the retry succeeds
});

test('tanstack-query: retryDelay then retry for one failure charge the budget once', () => {
  const policy = new api.RetryPolicy({ budget: { maxTokens: 4, tokenRatio: 0.5 } });
  const { retry: r, retryDelay: d } = createRetry({ policy });
  const error = { name: 'HttpError', status: 503, response: { headers: {} } };
  assert.equal(typeof d(0, error), 'number');
  assert.equal(r(0, error), true);
  assert.equal(policy.budgetTokens, 3);
  // An error nobody can classify (a bug in the query function) is not retried: TanStack alone
  // would retry it 3 times.
  assert.equal(r(0, new SyntaxError('Unexpected token < in JSON')), false);
  assert.equal(d(0, new SyntaxError('x')), 0);
});

test('tanstack-query: errorMessage gives the userMessage of a query error for a toast', async () => {
  const client = new QueryClient({ defaultOptions: { queries: createRetry() } });
  const fetchOnce = api.createFetch({ retry: false });
  const url = server.scenarioUrl('not-found', 'tq-message');
  const error = await client.fetchQuery({ queryKey: ['message'], queryFn: () => fetchOnce(url) }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count('not-found/tq-message'), 1);
  assert.deepEqual(errorMessage(error, { locale: 'es' }), api.userMessage(404, { locale: 'es' }));
});
