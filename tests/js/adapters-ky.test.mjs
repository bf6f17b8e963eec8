// http-triage/ky against the real ky 2 (pinned devDependency) and the scenario server: ky keeps
// its loop, timers and abort; its shouldRetry and delay come from the policy, exactly as
// createFetch decides; the final error carries userMessage and details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ky, { isHTTPError } from 'ky';
import { createOptions } from '../../pkg/adapters/ky.js';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';
import { runAdapterScenarios } from '../support/adapter-scenarios.mjs';

runAdapterScenarios({
  name: 'ky',
  makeClient(policy) {
    const client = ky.create(createOptions({ policy }));
    return { request: (url, { method = 'GET', headers, body, signal } = {}) => client(url, { method, headers, body, signal }) };
  },
});

let server;
let api;
before(async () => { [server, api] = await Promise.all([startScenarioServer(), loadPkg()]); });
after(() => server?.close());

test('ky: the final HTTPError carries userMessage and details (from ky\'s pre-parsed data)', async () => {
  const client = ky.create(createOptions({ policy: { baseDelayMs: 5 }, locale: 'de' }));
  const error = await client(server.scenarioUrl('not-found', 'ky-final')).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(isHTTPError(error), true);
  assert.equal(server.count('not-found/ky-final'), 1);
  assert.deepEqual(error.userMessage, api.userMessage(404, { locale: 'de' }));
  assert.equal(error.details.format, 'problem+json');
  assert.equal(error.details.title, 'Order not found');
});

test('ky: a timed-out attempt is retried (ky alone does not retry timeouts)', async () => {
  const client = ky.create({ ...createOptions({ policy: { limit: 1, baseDelayMs: 5 } }), timeout: 150 });
  const error = await client(server.scenarioUrl('hang', 'ky-timeout')).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.name, 'TimeoutError');
  assert.equal(server.count('hang/ky-timeout'), 2);
  assert.equal(api.classifyError(error).kind, 'timeout');
  assert.equal(error.userMessage.kind, 'timeout');
});

test('ky: extend() keeps the adapter (hooks are merged) and the instance stays usable for successes', async () => {
  const base = ky.create(createOptions({ policy: { baseDelayMs: 5 } }));
  const seen = [];
  const client = base.extend({ hooks: { beforeRetry: [({ retryCount }) => { seen.push(retryCount); }] } });
  const res = await client(server.scenarioUrl('unavailable-once', 'ky-extend')).json();
  assert.equal(res.ok, true);
  assert.deepEqual(seen, [1]);
  assert.equal(server.count('unavailable-once/ky-extend'), 2);
});

test('ky: a call that asks for no retries (retry: 0) gets none', async () => {
  const client = ky.create(createOptions());
  const error = await client(server.scenarioUrl('unavailable-once', 'ky-none'), { retry: 0 }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.response.status, 503);
  assert.equal(server.count('unavailable-once/ky-none'), 1);
});
