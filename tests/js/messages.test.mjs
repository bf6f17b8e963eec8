// End-user messages from the built package: locale packs as ES modules, negotiation, Intl
// waiting phrases, app overrides per seed-style API table, and malformed catalogs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPkg, pkgDir, root } from '../support/pkg.mjs';
import { KINDS } from '../support/kinds.mjs';

const api = await loadPkg();
const TAGS = ['ar', 'de', 'es', 'fr', 'hi', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'zh', 'zh-Hant'];
const packs = {};
for (const tag of [...TAGS, 'en']) {
  packs[tag] = (await import(pathToFileURL(join(pkgDir, 'locales', `${tag}.js`)).href)).default;
}

test('every pack ships as an ES module covering every kind, none with English left in', () => {
  const shipped = readdirSync(join(pkgDir, 'locales')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  assert.deepEqual(shipped, [...TAGS, 'en'].sort());
  for (const tag of TAGS) {
    const pack = packs[tag];
    assert.equal(pack.locale, tag);
    assert.equal(pack.dir, tag === 'ar' ? 'rtl' : 'ltr', tag);
    for (const kind of KINDS) {
      for (const field of ['title', 'message', 'action']) {
        const text = pack.kinds[kind]?.[field];
        assert.ok(typeof text === 'string' && text.length > 0, `${tag} ${kind}.${field}`);
        assert.notEqual(text, packs.en.kinds[kind][field], `${tag} ${kind}.${field} is English`);
      }
    }
  }
});

test('English covers every kind, in plain words', () => {
  for (const kind of KINDS) {
    const m = api.userMessage({ kind }, { locale: 'en' });
    assert.equal(m.kind, kind);
    for (const field of ['title', 'message', 'action']) {
      assert.ok(m[field].length > 0);
      assert.doesNotMatch(m[field], /\b(HTTP|API|status|endpoint|request|payload|header|\d{3})\b/i, `${kind}.${field}: ${m[field]}`);
    }
  }
});

test('addMessages registers packs and negotiation falls back fr-CA -> fr -> en, zh-TW -> zh-Hant', () => {
  for (const tag of TAGS) assert.equal(api.addMessages(packs[tag]), tag);
  assert.deepEqual([...api.listLocales()].sort(), [...TAGS, 'en'].sort());
  assert.equal(api.userMessage(404, { locale: 'fr-CA' }).locale, 'fr');
  assert.equal(api.userMessage(404, { locale: 'FR_ca' }).locale, 'fr');
  assert.equal(api.userMessage(404, { locale: 'zh-TW' }).locale, 'zh-Hant');
  assert.equal(api.userMessage(404, { locale: 'zh-HK' }).locale, 'zh-Hant');
  assert.equal(api.userMessage(404, { locale: 'zh-CN' }).locale, 'zh');
  assert.equal(api.userMessage(404, { locale: 'pt-BR' }).locale, 'pt');
  assert.equal(api.userMessage(404, { locale: ['xx-YY', 'de-AT'] }).locale, 'de');
  assert.equal(api.userMessage(404, { locale: 'sv' }).locale, 'en');
  const ar = api.userMessage(503, { locale: 'ar-EG' });
  assert.deepEqual([ar.locale, ar.dir], ['ar', 'rtl']);
  assert.equal(api.userMessage(404, { locale: 'ja' }).title, packs.ja.kinds.not_found.title);
});

test('waiting phrases come from the platform Intl in the chosen language', () => {
  const fr = api.userMessage(429, { locale: 'fr', retryAfterMs: 30_000 });
  const expected = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' }).format(30, 'second');
  assert.ok(fr.action.includes(expected), fr.action);
  assert.match(fr.action, /dans 30 secondes/);
  assert.match(api.userMessage(503, { locale: 'en', retryAfterMs: 120_000 }).action, /in 2 minutes/);
  assert.match(api.userMessage(429, { locale: 'de', retryAfterMs: 5_000 }).action, /in 5 Sekunden/);
  const ja = api.userMessage(429, { locale: 'ja', retryAfterMs: 30_000 });
  assert.ok(ja.action.includes(new Intl.RelativeTimeFormat('ja', { numeric: 'auto' }).format(30, 'second')), ja.action);
  // An error carrying retryAfterMs is enough.
  const err = Object.assign(new Error('x'), { name: 'HttpError', status: 429, retryAfterMs: 90_000 });
  assert.match(api.userMessage(err, { locale: 'en' }).action, /in 2 minutes/);
  assert.throws(() => api.userMessage(429, { retryAfterMs: -1 }), RangeError);
  assert.throws(() => api.userMessage(429, { retryAfterMs: '30' }), TypeError);
});

test('overrides per seed-style API: 401 = invalid API key, 426 = retired version; others untouched', () => {
  const before404 = api.userMessage(404, { locale: 'en' });
  const before403 = api.userMessage(403, { locale: 'en' });
  for (const f of readdirSync(join(root, 'src/messages/fixtures'))) {
    api.addMessages(JSON.parse(readFileSync(join(root, 'src/messages/fixtures', f), 'utf8')));
  }
  assert.match(api.userMessage(401, { locale: 'en' }).message, /key/i);
  assert.match(api.userMessage(426, { locale: 'en' }).message, /version/i);
  assert.deepEqual(api.userMessage(404, { locale: 'en' }), before404);
  assert.deepEqual(api.userMessage(403, { locale: 'en' }), before403);
});

test('malformed catalogs throw a TypeError naming the path and register nothing', () => {
  const before = api.userMessage(404, { locale: 'en' });
  const cases = [
    [{ locale: 'en', kinds: { not_found: { title: 5 } } }, 'kinds.not_found.title must be a string'],
    [{ locale: 'en', kinds: { teapot: { title: 'x' } } }, 'kinds.teapot is not a known kind'],
    [{ locale: 'en', statuses: { abc: { title: 'x' } } }, 'statuses.abc must be a status code from 100 to 599'],
    [{ kinds: {} }, /^locale/],
    [null, 'catalog must be an object'],
    ['fr', 'catalog must be an object'],
    [[], 'catalog must be an object'],
  ];
  for (const [catalog, message] of cases) {
    assert.throws(() => api.addMessages(catalog), (e) => e instanceof TypeError && (typeof message === 'string' ? e.message === message : message.test(e.message)), JSON.stringify(catalog));
  }
  // A partly valid catalog registers nothing.
  assert.throws(() => api.addMessages({ locale: 'en', kinds: { not_found: { title: 'Changed' }, gone: { title: 1 } } }), TypeError);
  assert.deepEqual(api.userMessage(404, { locale: 'en' }), before);
});

test('server text stays out unless asked for, and then only for 4xx', () => {
  const details = { format: 'problem+json', detail: 'Email is already taken.', fieldErrors: [] };
  const e422 = Object.assign(new Error('x'), { name: 'HttpError', status: 422, details });
  assert.doesNotMatch(api.userMessage(e422, { locale: 'en' }).message, /Email/);
  assert.equal(api.userMessage(e422, { locale: 'en', includeServerDetail: true }).message, 'Email is already taken.');
  const e500 = Object.assign(new Error('x'), { name: 'HttpError', status: 500, details: { ...details, detail: 'NullPointerException at line 3' } });
  assert.doesNotMatch(api.userMessage(e500, { locale: 'en', includeServerDetail: true }).message, /NullPointer/);
});

test('bad inputs throw clear errors and the module keeps working', () => {
  assert.throws(() => api.userMessage(700), RangeError);
  assert.throws(() => api.userMessage('404'), TypeError);
  assert.throws(() => api.userMessage(undefined), TypeError);
  assert.throws(() => api.userMessage(new Error('boom')), TypeError);
  assert.throws(() => api.userMessage(404, { locale: 42 }), TypeError);
  assert.throws(() => api.userMessage(404, 'fr'), TypeError);
  let deep = {};
  for (let i = 0, cur = deep; i < 100_000; i++) cur = cur.a = {};
  assert.throws(() => api.addMessages(deep), TypeError);
  const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
  assert.throws(() => api.addMessages(trap), TypeError);
  assert.equal(api.userMessage(404, { locale: 'en' }).kind, 'not_found');
});
