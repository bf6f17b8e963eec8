// Developer descriptions: one line built in, the long texts in the opt-in pack
// (http-triage/descriptions.js). addDescriptions() replaces the built-in `description` of
// classify() and listStatuses(), the per-code caches start over, and a rejected pack changes
// nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPkg, pkgDir } from '../support/pkg.mjs';

const api = await loadPkg();
const descriptions = (await import(pathToFileURL(join(pkgDir, 'descriptions.js')).href)).default;

test('built in, every description is one short sentence', () => {
  for (const code of [...api.listStatuses().map((s) => s.status), 150, 250, 350, 432, 555]) {
    const d = api.classify(code).description;
    assert.ok(d.length >= 40 && d.length <= 110, `${code}: ${d.length} characters: ${d}`);
    assert.ok(d.endsWith('.') && !d.includes('\n') && !d.includes('. '), `${code} is one sentence: ${d}`);
  }
  assert.equal(api.classify(429).description, 'Rate limited: wait for Retry-After (or the RateLimit reset) before retrying.');
  assert.match(api.classify(499).description, /nginx.*ArcGIS/);
  assert.match(api.classify(503).description, /maintenance.*overloaded.*Retry-After/);
  assert.match(api.classify(405).description, /Allow header/);
  assert.match(api.classify(426).description, /upgrade.*version/i);
});

test('the shipped pack describes every catalog code at length, and registering it shows those texts', () => {
  const rows = api.listStatuses();
  assert.equal(descriptions.locale, 'en');
  assert.deepEqual(Object.keys(descriptions.statuses).map(Number), rows.map((s) => s.status));
  for (const { status, description } of rows) {
    assert.ok(descriptions.statuses[status].length > 2 * description.length, `${status}: the pack says more`);
  }
  const cached = api.classify(429);
  api.addDescriptions(descriptions);
  assert.notEqual(api.classify(429), cached);
  for (const info of api.listStatuses()) {
    assert.equal(info.description, descriptions.statuses[info.status], `${info.status}`);
    assert.equal(api.classify(info.status).description, descriptions.statuses[info.status]);
  }
  assert.match(api.classify(499).description, /nginx/);
  // Codes without a catalog row keep their built-in line.
  assert.ok(api.classify(432).description.length <= 110);
  // The error classes read classify(): an HttpError's reason and kind are unchanged.
  assert.deepEqual([api.classify(503).reason, api.classify(503).kind, api.classify(503).retryable], ['Service Unavailable', 'service_unavailable', true]);
  // Registering it again changes nothing.
  api.addDescriptions(descriptions);
  assert.equal(api.classify(404).description, descriptions.statuses[404]);
});

test('a pack replaces the description of the codes it covers, and only those', () => {
  const before404 = api.classify(404);
  const before503 = api.classify(503);
  const list = api.listStatuses();
  const text = 'Our API answers 404 when the order id is unknown or belongs to another shop; check the id.';
  assert.equal(api.addDescriptions({ locale: 'en', statuses: { 404: text } }), undefined);
  const after = api.classify(404);
  assert.equal(after.description, text);
  assert.notEqual(after, before404, 'the cached answer was dropped');
  assert.ok(Object.isFrozen(after));
  assert.equal(api.classify(404), after, 'and the new answer is cached and shared again');
  assert.deepEqual({ ...after, description: before404.description }, { ...before404 }, 'only the description changed');
  assert.equal(api.classify(503).description, before503.description, 'other codes keep their text');
  // Answers handed out before keep their (frozen) text.
  assert.notEqual(before404.description, text);
  // listStatuses() is rebuilt too.
  const relisted = api.listStatuses();
  assert.notEqual(relisted, list);
  assert.equal(relisted.find((s) => s.status === 404).description, text);
  assert.equal(relisted, api.listStatuses());
  assert.ok(Object.isFrozen(relisted) && relisted.every(Object.isFrozen));
});

test('codes without a catalog row can be described; later packs override code by code', () => {
  const fallback = api.classify(433).description;
  api.addDescriptions({ statuses: { 432: 'first 432', 433: 'first 433' } });
  api.addDescriptions({ statuses: { '433': 'second 433' } });
  assert.equal(api.classify(432).description, 'first 432');
  assert.equal(api.classify(433).description, 'second 433');
  assert.equal(api.classify(434).description, fallback, 'codes no pack covers keep the built-in line');
  assert.equal(api.classify(432).reason, 'Client Error');
  assert.equal(api.classify(432).registered, false);
  assert.ok(!api.listStatuses().some((s) => s.status === 432), 'listStatuses still lists catalog rows only');
});

test('a rejected pack throws, names the path and registers nothing', () => {
  api.addDescriptions({ statuses: { 418: 'kept 418' } });
  const cached = api.classify(418);
  const cases = [
    [undefined, TypeError, 'pack must be an object'],
    [null, TypeError, 'pack must be an object'],
    ['{"statuses":{}}', TypeError, 'pack must be an object'],
    [[], TypeError, 'pack must be an object'],
    [() => ({}), TypeError, 'pack must be an object'],
    [{}, TypeError, 'statuses must be an object'],
    [{ statuses: [] }, TypeError, 'statuses must be an object'],
    [{ statuses: {}, kinds: {} }, TypeError, 'kinds is not a known field'],
    [{ locale: 7, statuses: {} }, TypeError, 'locale must be a BCP 47 language tag'],
    [{ statuses: { 418: 'replaced?', 404: 5 } }, TypeError, 'statuses["404"] must be a string'],
    [{ statuses: { 404: { text: 'x' } } }, TypeError, 'statuses["404"] must be a string'],
    [{ statuses: { 404: '' } }, TypeError, 'statuses["404"] must be a non-empty string'],
    [{ statuses: { NaN: 'x' } }, TypeError, 'statuses["NaN"] is not a status code from 100 to 599'],
    [{ statuses: { [NaN]: 'x' } }, TypeError, 'statuses["NaN"] is not a status code from 100 to 599'],
    [{ statuses: { 404.5: 'x' } }, TypeError, 'statuses["404.5"] is not a status code from 100 to 599'],
    [{ statuses: { '0404': 'x' } }, TypeError, 'statuses["0404"] is not a status code from 100 to 599'],
    [{ statuses: { 600: 'x' } }, RangeError, 'statuses["600"] is not a status code from 100 to 599'],
    [{ statuses: { 99: 'x' } }, RangeError, 'statuses["99"] is not a status code from 100 to 599'],
    [{ statuses: { [-1]: 'x' } }, RangeError, 'statuses["-1"] is not a status code from 100 to 599'],
    [{ statuses: { 404: 'x'.repeat(4097) } }, RangeError, 'statuses["404"] must be at most 4096 characters'],
    [{ statuses: { 404: 'x'.repeat(1 << 20) } }, RangeError, 'statuses["404"] must be at most 4096 characters'],
  ];
  for (const [pack, type, message] of cases) {
    assert.throws(() => api.addDescriptions(pack), (e) => e instanceof type && e.message === message, message);
  }
  assert.equal(api.classify(418), cached, 'a rejected pack leaves the cache alone');
  // null and undefined entries count as absent.
  api.addDescriptions({ statuses: { 418: null, 404: undefined, abc: null } });
  assert.equal(api.classify(418).description, 'kept 418');
  assert.equal(api.classify(418).description, 'kept 418');
  // 4,096 characters are kept whole whatever their UTF-8 size.
  for (const ch of ['x', 'é', '中', '😀']) {
    api.addDescriptions({ statuses: { 418: ch.repeat(4096) } });
    assert.equal(api.classify(418).description, ch.repeat(4096));
    assert.throws(() => api.addDescriptions({ statuses: { 418: ch.repeat(4097) } }), RangeError);
  }
  assert.equal(api.classify(404).reason, 'Not Found', 'the module still answers');
});
