// The built package in Node: import by path, classify, the thrown errors, survival after bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPkg, manifest } from '../support/pkg.mjs';

const api = await loadPkg();

test('the manifest is the published shape', () => {
  assert.equal(manifest.name, 'http-triage');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.sideEffects, false);
  // Types first, then CommonJS for require, then the ES module for everything else.
  for (const entry of ['.', './descriptions.js', './locales/*.js']) {
    assert.deepEqual(Object.keys(manifest.exports[entry]), ['types', 'require', 'default'], entry);
    assert.deepEqual(Object.keys(manifest.exports[entry].types), ['require', 'default'], entry);
  }
  assert.deepEqual(manifest.exports['.'], {
    types: { require: './index.d.cts', default: './index.d.ts' }, require: './index.cjs', default: './index.js',
  });
  for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'descriptions.js', 'descriptions.cjs']) {
    assert.ok(manifest.files.includes(f), f);
  }
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
});

test('classify gives the registry phrase and the contract shape', () => {
  const info = api.classify(404);
  assert.deepEqual(Object.keys(info).sort(), [
    'class', 'description', 'kind', 'ok', 'reason', 'registered', 'retryable', 'spec', 'status',
  ]);
  assert.equal(info.reason, 'Not Found');
  assert.equal(info.class, 'client_error');
  assert.equal(info.kind, 'not_found');
  assert.equal(info.registered, true);
  assert.equal(info.ok, false);
  assert.equal(info.retryable, false);
  assert.equal(info.spec, 'RFC 9110 §15.5.5');
  assert.ok(info.description.length >= 40 && info.description.length <= 110, 'a one-line description is built in');
  assert.equal(api.classify(413).reason, 'Content Too Large');
  assert.equal(api.classify(422).reason, 'Unprocessable Content');
  assert.equal(api.classify(422).kind, 'validation_failed');
  assert.equal(api.classify(429).kind, 'rate_limited');
  assert.equal(api.classify(503).retryable, true);
  assert.equal(api.classify(204).ok, true);
});

test('unofficial and unassigned codes', () => {
  const nginx = api.classify(499);
  assert.equal(nginx.registered, false);
  assert.equal(nginx.reason, 'Client Closed Request');
  assert.match(nginx.description, /nginx/);
  assert.match(nginx.description, /ArcGIS/);
  const teapot = api.classify(418);
  assert.equal(teapot.reason, "I'm a teapot");
  assert.equal(teapot.registered, false);
  const cf = api.classify(522);
  assert.equal(cf.kind, 'gateway_timeout');
  assert.equal(cf.registered, false);
  const unknown = api.classify(432);
  assert.deepEqual([unknown.kind, unknown.class, unknown.registered], ['client_error', 'client_error', false]);
  assert.equal(api.classify(555).kind, 'server_error');
});

test('answers are frozen and shared', () => {
  const a = api.classify(503);
  assert.equal(api.classify(503), a);
  assert.ok(Object.isFrozen(a));
  assert.throws(() => { 'use strict'; a.reason = 'x'; }, TypeError);
});

test('bad input: TypeError for non-integers, RangeError outside 100..=599, named argument', () => {
  const typeErrors = [404.5, NaN, Infinity, -Infinity, '404', null, undefined, true, {}, [], 404n, Symbol('s'), () => 404];
  for (const v of typeErrors) {
    assert.throws(() => api.classify(v), (e) => e instanceof TypeError && /^status must be an integer from 100 to 599/.test(e.message), String(typeof v));
  }
  for (const v of [-1, 0, 99, 600, 65535, 2 ** 53, Number.MAX_SAFE_INTEGER]) {
    assert.throws(() => api.classify(v), (e) => e instanceof RangeError && e.message === `status must be an integer from 100 to 599, got ${v}`);
  }
  assert.throws(() => api.classify(-0.5), TypeError);
  // The module still works after every bad call.
  assert.equal(api.classify(200).reason, 'OK');
});

test('listStatuses lists every catalog row once, in order', () => {
  const rows = api.listStatuses();
  const codes = rows.map((r) => r.status);
  assert.deepEqual(codes, [...codes].sort((a, b) => a - b));
  assert.equal(new Set(codes).size, codes.length);
  for (const c of [100, 104, 226, 306, 418, 444, 451, 494, 499, 509, 511, 520, 530, 598, 599]) assert.ok(codes.includes(c), c);
  assert.equal(rows, api.listStatuses());
  assert.ok(rows.length >= 80);
});

test('classifyError recognises each runtime wording and does not guess', () => {
  const net = (m) => api.classifyError(new TypeError(m));
  for (const m of ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed', 'fetch failed']) {
    assert.deepEqual(net(m), { kind: 'network_error', retryable: true }, m);
  }
  const undici = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'UND_ERR_CONNECT_TIMEOUT' }) });
  assert.equal(api.classifyError(undici).kind, 'timeout');
  assert.deepEqual(api.classifyError(new DOMException('x', 'AbortError')), { kind: 'aborted', retryable: false });
  assert.deepEqual(api.classifyError(new DOMException('x', 'TimeoutError')), { kind: 'timeout', retryable: true });
  assert.deepEqual(api.classifyError(Object.assign(new Error('x'), { name: 'HTTPError', response: { status: 429 } })), { kind: 'rate_limited', retryable: true, status: 429 });
  for (const v of [null, undefined, 0, 'Failed to fetch', new Error('Failed to fetch'), new TypeError('x is undefined'), {}, [], Symbol('x'), 1n]) {
    assert.equal(api.classifyError(v), null);
  }
});

test('a real fetch failure against a closed loopback port is a network error', async () => {
  const { createServer } = await import('node:net');
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  const err = await fetch(`http://127.0.0.1:${port}/`).catch((e) => e);
  assert.deepEqual(api.classifyError(err), { kind: 'network_error', retryable: true });
});

test('hostile thrown values never break the module', () => {
  const hostile = new Proxy({}, { get() { throw new Error('trap'); } });
  assert.equal(api.classifyError(hostile), null);
  const getterThrows = Object.defineProperty(new TypeError('Failed to fetch'), 'name', { get() { throw new Error('no'); } });
  assert.equal(api.classifyError(getterThrows), null);
  assert.equal(api.classify(404).reason, 'Not Found');
});
