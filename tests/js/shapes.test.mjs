// The result objects' property order (deepEqual does not check it): the order the contract
// lists, optional members absent rather than undefined, and parseErrorBody's members in the
// body's order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPkg } from '../support/pkg.mjs';

const api = await loadPkg();
const keys = (o) => Object.keys(o);

test('classify and listStatuses', () => {
  const order = ['status', 'reason', 'class', 'kind', 'registered', 'ok', 'retryable', 'description', 'spec'];
  assert.deepEqual(keys(api.classify(404)), order);
  for (const info of api.listStatuses()) assert.deepEqual(keys(info), order);
});

test('classifyError, with and without a status', () => {
  const http = Object.assign(new Error('x'), { name: 'HTTPError', response: { status: 429 } });
  assert.deepEqual(keys(api.classifyError(http)), ['kind', 'retryable', 'status']);
  assert.deepEqual(keys(api.classifyError(new DOMException('x', 'AbortError'))), ['kind', 'retryable']);
});

test('userMessage', () => {
  const m = api.userMessage(429, { locale: 'en', retryAfterMs: 30_000 });
  assert.deepEqual(keys(m), ['title', 'message', 'action', 'kind', 'locale', 'dir']);
});

test('RetryPolicy.decide, with and without retryAfterMs', () => {
  const p = new api.RetryPolicy({ seed: 1, jitter: 'none' });
  const wait = p.decide({ attempt: 1, method: 'GET', status: 503, headers: { 'retry-after': '3' } });
  assert.deepEqual(wait, { retry: true, delayMs: 3000, reason: 'retry_after', retryAfterMs: 3000 });
  assert.deepEqual(keys(wait), ['retry', 'delayMs', 'reason', 'retryAfterMs']);
  assert.deepEqual(keys(p.decide({ attempt: 1, method: 'GET', status: 404 })), ['retry', 'delayMs', 'reason']);
});

test('parseErrorBody: every member, in order; extensions and field maps in body order', () => {
  const body = {
    type: 'https://example.com/probs/x', title: 'T', status: 403, detail: 'D', instance: '/i',
    zeta: 1, alpha: 's', beta: true, nothing: null, list: [1],
    errors: { name: ['required'], age: 'too young' },
  };
  for (const input of [JSON.stringify(body), body]) {
    const d = api.parseErrorBody(input, 'application/problem+json');
    assert.deepEqual(keys(d), ['format', 'title', 'detail', 'type', 'instance', 'status', 'fieldErrors', 'extensions']);
    assert.deepEqual(d.fieldErrors, [{ field: 'name', message: 'required' }, { field: 'age', message: 'too young' }]);
    // Array-valued extension members are kept (issue 13); null is still dropped.
    assert.deepEqual(keys(d.extensions), ['zeta', 'alpha', 'beta', 'list']);
    assert.deepEqual(d.extensions.list, [1]);
  }
  const google = api.parseErrorBody({
    error: {
      code: 429, status: 'RESOURCE_EXHAUSTED', message: 'M',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'UF' },
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'R' },
      ],
    },
  });
  assert.deepEqual(keys(google), ['format', 'title', 'detail', 'code', 'status', 'userFacing', 'fieldErrors']);
  assert.deepEqual(keys(google.userFacing), ['message', 'locale']);
  assert.deepEqual(keys(api.parseErrorBody('{"message": "m"}')), ['format', 'detail', 'fieldErrors']);
});

test('parseErrorBody reads a body the same as text and as a parsed object', () => {
  for (const text of [
    '{"message": "m", "code": 404.0, "errors": [{"loc": ["body", "items", 0, "name"], "msg": "bad"}]}',
    '{"message": "m", "code": 12345678901234567890}',
    '{"title": "t", "detail": "d", "huge": 1e400, "small": 0.1, "__proto__": "p"}',
    '{"message": "first", "message": "last"}',
  ]) {
    assert.deepEqual(api.parseErrorBody(text, 'application/problem+json'), api.parseErrorBody(JSON.parse(text), 'application/problem+json'), text);
  }
});
