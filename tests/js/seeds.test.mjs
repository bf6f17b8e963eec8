// The five real API status pages this product grew from (shared/seeds): every code they list is
// classified with its registry phrase, has a specific end-user message, and each page's own
// meanings load as overrides (addMessages) without touching any other code or locale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPkg, pkgDir } from '../support/pkg.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const api = await loadPkg();
const descriptions = (await import(pathToFileURL(join(pkgDir, 'descriptions.js')).href)).default;

// Each seed: the codes its page lists, and an override catalog an app of that API would load
// (our own end-user wording of what the page says each code means there).
const SEEDS = {
  'email API (000)': {
    codes: [200, 201, 400, 401, 403, 404, 500, 503],
    overrides: { 500: { message: 'Something went wrong while sending.', action: 'Try again, or contact support if it keeps happening.' } },
    expect: [[500, 'action', /contact support/]],
  },
  'payments API (001)': {
    codes: [200, 400, 401, 404, 500],
    overrides: { 401: { title: 'Access key not accepted', message: 'The access key this app uses is not valid.', action: 'Check the access key in the settings.' } },
    expect: [[401, 'title', /Access key not accepted/]],
  },
  'versioned API (002)': {
    codes: [200, 201, 202, 204, 400, 401, 403, 404, 405, 406, 426, 429, 500, 503],
    overrides: {
      426: { title: 'Update needed', message: 'This version of the app uses a service version that was retired.', action: 'Update the app to keep going.' },
      429: { message: 'The usage limit for now has been reached.' },
      503: { message: 'A service we depend on could not be reached.' },
    },
    expect: [[426, 'message', /retired/], [429, 'message', /usage limit/], [503, 'message', /depend on/]],
  },
  'general API (003)': {
    codes: [400, 401, 403, 404, 405, 406, 409, 415, 429, 500, 502, 503, 504],
    overrides: { 409: { message: 'This item was changed by someone else at the same time.' }, 415: { message: 'Only images and PDF files can be uploaded here.' } },
    expect: [[409, 'message', /someone else/], [415, 'message', /PDF/]],
  },
  'service API (004)': {
    codes: [200, 400, 401, 403, 404, 405, 429, 500, 502, 503, 504],
    overrides: { 403: { message: 'Your account cannot do this, and asking again will not change that.', action: 'Ask an administrator for access.' } },
    expect: [[403, 'action', /administrator/]],
  },
};

for (const [name, seed] of Object.entries(SEEDS)) {
  test(`${name}: every listed code is classified and has a specific end-user message`, () => {
    for (const code of seed.codes) {
      const info = api.classify(code);
      assert.equal(info.registered, true, `${code}`);
      assert.ok(info.description.length >= 40 && info.description.length <= 110, `${code} has a one-line developer description`);
      assert.ok(descriptions.statuses[code].length >= 250, `${code} has a full developer description in the pack`);
      const m = api.userMessage(code, { locale: 'en' });
      assert.equal(m.kind, info.kind);
      if (code >= 400 && code !== 500) assert.notEqual(m.kind, info.class, `${code} has its own kind, not just its class`);
      for (const field of ['title', 'message', 'action']) assert.ok(m[field].length > 0);
      assert.doesNotMatch(`${m.title} ${m.message} ${m.action}`, /\b\d{3}\b/, 'no status numbers in user text');
    }
  });

  test(`${name}: its meanings load as overrides and leave everything else alone`, () => {
    const untouched = [418, 410, 451].map((c) => api.userMessage(c, { locale: 'en' }));
    api.addMessages({ locale: 'en', statuses: seed.overrides });
    for (const [code, field, pattern] of seed.expect) {
      assert.match(api.userMessage(code, { locale: 'en' })[field], pattern, `${code}.${field}`);
    }
    assert.deepEqual([418, 410, 451].map((c) => api.userMessage(c, { locale: 'en' })), untouched);
  });
}

test('the 426 and 405 and 429 developer texts say what the API pages say, in one line and in the pack', () => {
  const check = () => {
    assert.match(api.classify(426).description, /version/i);
    assert.match(api.classify(405).description, /Allow/);
    assert.match(api.classify(429).description, /Retry-After/);
    assert.match(api.classify(503).description, /maintenance/i);
  };
  check();
  assert.ok(api.classify(429).description.length <= 110);
  api.addDescriptions(descriptions);
  check();
  assert.match(api.classify(426).description, /retired/);
  for (const code of [405, 426, 429, 503]) assert.equal(api.classify(code).description, descriptions.statuses[code]);
});
