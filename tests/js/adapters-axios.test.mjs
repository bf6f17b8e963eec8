// http-triage/axios against the real axios (pinned devDependency) and the scenario server: the
// interceptor pair decides every retry exactly as createFetch does, and the final AxiosError
// carries userMessage, details and the last decision.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import axios from 'axios';
import { interceptors } from '../../pkg/adapters/axios.js';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';
import { runAdapterScenarios } from '../support/adapter-scenarios.mjs';

runAdapterScenarios({
  name: 'axios',
  makeClient(policy) {
    const instance = axios.create();
    interceptors(instance, { policy });
    return { request: (url, { method = 'GET', headers, body, signal } = {}) => instance.request({ url, method, headers, data: body, signal }) };
  },
});

let server;
let api;
before(async () => { [server, api] = await Promise.all([startScenarioServer(), loadPkg()]); });
after(() => server?.close());

test('axios: the final AxiosError carries userMessage, details (problem+json) and the decision', async () => {
  const instance = axios.create();
  const ids = interceptors(instance, { policy: { baseDelayMs: 5 }, locale: 'fr' });
  assert.deepEqual(Object.keys(ids), ['request', 'response']);
  const error = await instance.get(server.scenarioUrl('always-500', 'axios-final')).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(axios.isAxiosError(error), true);
  assert.equal(server.count('always-500/axios-final'), 3);
  assert.deepEqual(error.userMessage, api.userMessage(500, { locale: 'fr' }));
  assert.equal(error.details.format, 'problem+json');
  assert.equal(error.details.detail, 'The order service failed.');
  assert.equal(error.details.instance, '/orders/42/attempt/3');
  assert.equal(error.decision.reason, 'limit');
  assert.equal(error.decision.retry, false);
});

test('axios: a 429 whose Retry-After is too long is not waited for, and the message says when to come back', async () => {
  const instance = axios.create();
  interceptors(instance, { policy: { maxRetryAfterMs: 500 }, locale: 'en' });
  const error = await instance.get(server.scenarioUrl('rate-limited-seconds', 'axios-long')).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count('rate-limited-seconds/axios-long'), 1);
  assert.equal(error.decision.reason, 'retry_after_too_long');
  assert.equal(error.decision.retryAfterMs, 1000);
  assert.deepEqual(error.userMessage, api.userMessage(429, { locale: 'en', retryAfterMs: 1000 }));
});

test('axios: ejecting the interceptors by their ids leaves axios as it was', async () => {
  const instance = axios.create();
  const ids = interceptors(instance);
  instance.interceptors.request.eject(ids.request);
  instance.interceptors.response.eject(ids.response);
  const error = await instance.get(server.scenarioUrl('unavailable-once', 'axios-eject')).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(server.count('unavailable-once/axios-eject'), 1);
  assert.equal(error.userMessage, undefined);
});
