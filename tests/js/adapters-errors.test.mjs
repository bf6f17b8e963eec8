// classifyError and userMessage on what the real axios, ky, ofetch, wretch and got throw in Node
// (pinned devDependencies) against the scenario server: every documented error shape gives its
// kind and status, and the Retry-After of the response it carries feeds the wait phrase. The same
// cases run in Chromium in tests/e2e/adapters.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import axios from 'axios';
import ky from 'ky';
import { ofetch } from 'ofetch';
import wretch from 'wretch';
import got from 'got';
import { loadPkg } from '../support/pkg.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';
import { clientErrorCases, runClientErrorCases } from '../support/client-errors.mjs';

let server;
let api;
let closedUrl;
before(async () => {
  [server, api] = await Promise.all([startScenarioServer(), loadPkg()]);
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${probe.address().port}/nothing-here`;
  await new Promise((resolve) => probe.close(resolve));
});
after(() => server?.close());

test('Node: every documented error shape of axios, ky, ofetch, wretch and got is classified, with its status and wait', async () => {
  const cases = clientErrorCases({ axios, ky, ofetch, wretch, got }, { scenarioUrl: server.scenarioUrl, closedUrl });
  const results = await runClientErrorCases(api, cases);
  assert.equal(results.length, 26);
  for (const r of results) {
    const label = `${r.library}: ${r.label} (${JSON.stringify(r.shape)})`;
    assert.deepEqual(r.actual, r.expect, label);
    assert.deepEqual(r.message, r.expectedMessage, label);
  }
  assert.deepEqual([...new Set(results.map((r) => r.library))], ['axios', 'ky', 'ofetch', 'wretch', 'got']);
});

test('Node: look-alikes of those shapes are not guessed', () => {
  const lookAlikes = [
    Object.assign(new Error('x'), { name: 'AxiosError', code: 'ERR_NETWORK' }), // isAxiosError missing
    Object.assign(new Error('x'), { isAxiosError: 'true', code: 'ERR_NETWORK' }), // not exactly true
    Object.assign(new Error('x'), { isAxiosError: true, code: 'ERR_BAD_OPTION_VALUE' }),
    Object.assign(new Error('x'), { name: 'NetworkError' }), // neither ours nor ky's
    Object.assign(new Error('x'), { status: 503 }), // wretch's name, without a response
    Object.assign(new Error('x'), { name: 'RequestError', code: 'ERR_GOT_REQUEST_ERROR' }),
    Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    { name: 'FetchError', cause: { name: 'SyntaxError', message: 'Unexpected token' } },
  ];
  for (const value of lookAlikes) assert.equal(api.classifyError(value), null, JSON.stringify({ ...value, name: value.name }));
  // A getter that throws reads as absent: classification goes on without it.
  const hostile = Object.defineProperty(new Error('x'), 'isAxiosError', { get() { throw new Error('trap'); } });
  assert.equal(api.classifyError(hostile), null);
  const proxy = new Proxy({}, { get() { throw new Error('trap'); } });
  assert.equal(api.classifyError(proxy), null);
});
