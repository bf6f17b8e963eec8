// http-triage/ofetch against the real ofetch 1 (pinned devDependency) and the scenario server:
// ofetch keeps its loop; its hooks decide with the policy (and wait, ending at once on abort),
// exactly as createFetch decides. A FetchError is understood by userMessage and classifyError.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ofetch, FetchError } from 'ofetch';
import { createOptions } from '../../pkg/adapters/ofetch.js';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';
import { runAdapterScenarios } from '../support/adapter-scenarios.mjs';

runAdapterScenarios({
  name: 'ofetch',
  makeClient(policy) {
    const client = ofetch.create(createOptions({ policy }));
    return { request: (url, { method = 'GET', headers, body, signal } = {}) => client.raw(url, { method, headers, body, signal }) };
  },
  abortOutcome(error, api) {
    assert.ok(error instanceof FetchError, `${error?.name}`);
    assert.equal(error.cause?.name, 'AbortError');
    assert.equal(api.classifyError(error)?.kind, 'aborted');
  },
});

let server;
let api;
before(async () => { [server, api] = await Promise.all([startScenarioServer(), loadPkg()]); });
after(() => server?.close());

test('ofetch: the final FetchError speaks through userMessage, with the wait its 429 asked for', async () => {
  const client = ofetch.create(createOptions({ policy: { maxRetryAfterMs: 500 } }));
  const error = await client(server.scenarioUrl('rate-limited-seconds', 'ofetch-final')).then(() => assert.fail('resolved'), (e) => e);
  assert.ok(error instanceof FetchError);
  assert.equal(server.count('rate-limited-seconds/ofetch-final'), 1);
  assert.deepEqual(api.classifyError(error), { kind: 'rate_limited', retryable: true, status: 429 });
  assert.deepEqual(api.userMessage(error, { locale: 'en' }), api.userMessage(429, { locale: 'en', retryAfterMs: 1000 }));
  assert.equal(api.parseErrorBody(error.data).format, 'generic');
});

test('ofetch: a timed-out attempt is retried with a fresh timeout (ofetch alone would reuse its aborted signal)', async () => {
  const client = ofetch.create({ ...createOptions({ policy: { limit: 1, baseDelayMs: 5 } }), timeout: 150 });
  const error = await client(server.scenarioUrl('hang', 'ofetch-timeout')).then(() => assert.fail('resolved'), (e) => e);
  assert.ok(error instanceof FetchError);
  assert.equal(api.classifyError(error).kind, 'timeout');
  assert.equal(server.count('hang/ofetch-timeout'), 2);
});

test('ofetch: a call that asks for no retries (retry: false) gets none', async () => {
  const client = ofetch.create(createOptions());
  const error = await client(server.scenarioUrl('unavailable-once', 'ofetch-none'), { retry: false }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.status, 503);
  assert.equal(server.count('unavailable-once/ofetch-none'), 1);
});

test('ofetch: a call that replaces onRequest leaves ofetch to its own retry, without an error from the adapter', async () => {
  const client = ofetch.create(createOptions());
  const seen = [];
  const res = await client.raw(server.scenarioUrl('unavailable-once', 'ofetch-own-hook'), { onRequest: () => { seen.push('own'); }, retryDelay: 1 });
  assert.equal(res.status, 200);
  assert.deepEqual(seen, ['own', 'own']);
  assert.equal(server.count('unavailable-once/ofetch-own-hook'), 2);
});
