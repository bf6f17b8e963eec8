// parseErrorBody from the built package: each vendor's documented shape, content types, and
// hostile bodies (malformed, HTML, huge, deeply nested, control characters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPkg } from '../support/pkg.mjs';

const { parseErrorBody } = await loadPkg();

test('RFC 9457 problem details, with the §3 errors array and extensions', () => {
  const body = JSON.stringify({
    type: 'https://example.net/validation-error',
    title: 'Your request is not valid.',
    errors: [
      { detail: 'must be a positive integer', pointer: '#/age' },
      { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
    ],
  });
  const d = parseErrorBody(body, 'application/problem+json; charset=utf-8');
  assert.equal(d.format, 'problem+json');
  assert.equal(d.title, 'Your request is not valid.');
  assert.deepEqual(d.fieldErrors, [
    { field: 'age', message: 'must be a positive integer' },
    { field: 'profile.color', message: "must be 'green', 'red' or 'blue'" },
  ]);
  const blank = parseErrorBody({ title: 'Not Found', status: 404, detail: 'No such order' }, 'application/problem+json');
  assert.equal(blank.type, 'about:blank');
  assert.equal(blank.status, 404);
  const aspnet = parseErrorBody({ title: 'One or more validation errors occurred.', status: 400, errors: { Name: ['The Name field is required.'] } }, 'application/problem+json');
  assert.deepEqual(aspnet.fieldErrors, [{ field: 'Name', message: 'The Name field is required.' }]);
  const wrongType = parseErrorBody({ title: 42, detail: 'still read', status: 'x' }, 'application/problem+json');
  assert.equal(wrongType.detail, 'still read');
  assert.equal(wrongType.title, undefined);
});

test('vendor shapes', () => {
  const google = parseErrorBody({ error: { code: 403, message: 'Permission denied.', status: 'PERMISSION_DENIED', details: [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_DISABLED', domain: 'googleapis.com' },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'fr-FR', message: 'Accès refusé.' },
  ] } });
  assert.deepEqual([google.format, google.code, google.detail], ['google', 'API_DISABLED', 'Permission denied.']);
  assert.deepEqual(google.userFacing, { message: 'Accès refusé.', locale: 'fr-FR' });
  const stripe = parseErrorBody({ error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.', param: 'number' } });
  assert.deepEqual([stripe.format, stripe.code, stripe.type], ['stripe', 'card_declined', 'card_error']);
  assert.equal(stripe.fieldErrors[0].field, 'number');
  const github = parseErrorBody({ message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }], documentation_url: 'https://docs.github.com/rest' });
  assert.equal(github.format, 'github');
  assert.equal(github.fieldErrors[0].field, 'title');
  const jsonapi = parseErrorBody({ errors: [{ status: '422', title: 'Invalid Attribute', detail: 'First name must contain at least two characters.', source: { pointer: '/data/attributes/firstName' } }] }, 'application/vnd.api+json');
  assert.deepEqual([jsonapi.format, jsonapi.fieldErrors[0].field], ['jsonapi', 'firstName']);
  const graphql = parseErrorBody({ errors: [{ message: 'Name for character with ID 1002 could not be fetched.', path: ['hero', 'heroFriends', 1, 'name'], extensions: { code: 'NOT_FOUND' } }], data: null });
  assert.deepEqual([graphql.format, graphql.code], ['graphql', 'NOT_FOUND']);
  const odata = parseErrorBody({ error: { code: 'BadArgument', message: 'Multiple errors in ContactInfo data', target: 'ContactInfo', details: [{ code: 'NullValue', target: 'PhoneNumber', message: 'Phone number must not be null' }] } });
  assert.deepEqual([odata.format, odata.code], ['odata', 'BadArgument']);
  assert.ok(odata.fieldErrors.some((f) => f.field === 'PhoneNumber'));
  const aws = parseErrorBody({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found' }, 'application/x-amz-json-1.0');
  assert.deepEqual([aws.format, aws.code], ['aws', 'ResourceNotFoundException']);
  assert.equal(parseErrorBody('{"message":"Something broke"}').detail, 'Something broke');
  assert.equal(parseErrorBody({ error: 'invalid_grant', error_description: 'The code has expired.' }).code, 'invalid_grant');
  assert.deepEqual(parseErrorBody({ errors: ['first', 'second'] }).format, 'generic');
});

test('bodies without error information give null', () => {
  for (const [body, type] of [['{}', 'application/json'], ['{"data":[1,2]}', undefined], ['[]', undefined], ['42', undefined],
    ['<!doctype html><h1>502 Bad Gateway</h1>', 'text/html'], ['', undefined], [null, undefined], [undefined, undefined], [42, undefined], [{}, undefined]]) {
    assert.equal(parseErrorBody(body, type), null, String(body));
  }
});

test('hostile bodies: malformed, huge, deep, control characters; never throws, stays bounded', () => {
  assert.equal(parseErrorBody('{"message": "unterminated', 'application/json'), null);
  const huge = JSON.stringify({ message: 'x'.repeat(10_000_000) });
  let t = performance.now();
  const r = parseErrorBody(huge, 'application/json');
  assert.ok(r === null || r.detail.length <= 1000);
  const deepText = '['.repeat(200_000) + ']'.repeat(200_000);
  assert.equal(parseErrorBody(deepText, 'application/json'), null);
  let deep = {};
  for (let i = 0, cur = deep; i < 100_000; i++) cur = cur.error = {};
  assert.equal(parseErrorBody(deep), null);
  assert.ok(performance.now() - t < 2_000, 'bounded in time');
  const sneaky = parseErrorBody({ message: 'Hello\u0000\u001b[31m\u202eworld\u0007 <img src=x onerror=alert(1)>' });
  assert.doesNotMatch(sneaky.detail, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  assert.ok(sneaky.detail.includes('<img'), 'text stays text; it is never rendered as HTML by the package');
  const long = parseErrorBody({ message: 'y'.repeat(5000) });
  assert.ok(long.detail.length <= 1000);
  const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
  assert.equal(parseErrorBody(trap), null);
  assert.equal(parseErrorBody('{"message":"still works"}').detail, 'still works');
});

test('numbers beyond the f64 range read as null, as JSON.parse makes them Infinity', () => {
  const d = parseErrorBody('{"title": "t", "detail": "d", "huge": 1e400, "small": 0.1}', 'application/problem+json');
  assert.deepEqual(d.extensions, { small: 0.1 });
  assert.equal(parseErrorBody('{"message": "m", "code": -1e999}').code, undefined);
  assert.equal(parseErrorBody('{"message": "m", "code": -1e999}').detail, 'm');
});
