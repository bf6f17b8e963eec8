// End-user messages from the built package: the 32 locale packs as ES modules, negotiation, wait
// phrases (Intl, or a pack's own `when` phrases), situations (variants), server text only in its
// own language, overrides per seed-style API table, malformed catalogs, and answers for any input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPkg, pkgDir, root } from '../support/pkg.mjs';
import { KINDS } from '../support/kinds.mjs';

const api = await loadPkg();
const TAGS = ['ar', 'bn', 'cs', 'da', 'de', 'el', 'es', 'fa', 'fi', 'fr', 'he', 'hi', 'hu', 'id', 'it', 'ja', 'ko',
  'ms', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sv', 'th', 'tr', 'uk', 'vi', 'zh', 'zh-Hant'];
const RTL = ['ar', 'fa', 'he'];
const packs = {};
for (const tag of [...TAGS, 'en']) {
  packs[tag] = (await import(pathToFileURL(join(pkgDir, 'locales', `${tag}.js`)).href)).default;
}
for (const tag of TAGS) api.addMessages(packs[tag]);

/** Every [path, text] of a catalog entry and its variants. */
function texts(entry, path) {
  const out = [];
  for (const field of ['title', 'message', 'action', 'waitAction']) if (entry[field] !== undefined) out.push([`${path}.${field}`, entry[field]]);
  for (const [key, variant] of Object.entries(entry.variants ?? {})) out.push(...texts(variant, `${path}.variants.${key}`));
  return out;
}

test('32 packs ship as ES modules, each complete against English, translated, and RTL exactly for ar, fa, he', () => {
  const shipped = readdirSync(join(pkgDir, 'locales')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  assert.deepEqual(shipped, [...TAGS, 'en'].sort());
  assert.equal(shipped.length, 32);
  const en = packs.en;
  const englishPaths = [...Object.entries(en.kinds).flatMap(([k, e]) => texts(e, `kinds.${k}`)),
    ...Object.entries(en.statuses).flatMap(([c, e]) => texts(e, `statuses.${c}`))].map(([p]) => p).sort();
  const englishText = new Map([...Object.entries(en.kinds).flatMap(([k, e]) => texts(e, `kinds.${k}`)),
    ...Object.entries(en.statuses).flatMap(([c, e]) => texts(e, `statuses.${c}`))]);
  assert.deepEqual(Object.keys(en.kinds).sort(), [...KINDS].sort(), 'English covers every kind, unknown included');
  for (const tag of TAGS) {
    const pack = packs[tag];
    assert.equal(pack.locale, tag);
    assert.equal(pack.dir, RTL.includes(tag) ? 'rtl' : 'ltr', `${tag} dir`);
    assert.match(pack.waitAction, /\{when\}/, `${tag} waitAction`);
    assert.notEqual(pack.waitAction, en.waitAction, `${tag} waitAction is English`);
    const all = [...Object.entries(pack.kinds).flatMap(([k, e]) => texts(e, `kinds.${k}`)),
      ...Object.entries(pack.statuses).flatMap(([c, e]) => texts(e, `statuses.${c}`))];
    assert.deepEqual(all.map(([p]) => p).sort(), englishPaths, `${tag} has exactly English's entries and variants`);
    for (const [path, text] of all) {
      assert.ok(typeof text === 'string' && text.trim().length > 0, `${tag} ${path}`);
      assert.notEqual(text, englishText.get(path), `${tag} ${path} is English`);
    }
  }
});

test('English covers every kind in plain words, without "please", digits or "HTTP"', () => {
  for (const kind of KINDS) {
    const m = api.userMessage({ kind }, { locale: 'en' });
    assert.equal(m.kind, kind);
    for (const field of ['title', 'message', 'action']) {
      assert.ok(m[field].length > 0);
      assert.doesNotMatch(m[field], /\b(HTTP|API|status|endpoint|payload|header|please|\d+)\b/i, `${kind}.${field}: ${m[field]}`);
    }
  }
});

test('negotiation falls back fr-CA -> fr -> en, zh-TW -> zh-Hant, no/nn -> nb, iw -> he', () => {
  assert.deepEqual([...api.listLocales()].sort(), [...TAGS, 'en'].sort());
  const table = [['fr-CA', 'fr'], ['FR_ca', 'fr'], ['zh-TW', 'zh-Hant'], ['zh-HK', 'zh-Hant'], ['zh-CN', 'zh'], ['pt-BR', 'pt'],
    [['xx-YY', 'de-AT'], 'de'], ['no', 'nb'], ['nn-NO', 'nb'], ['nb-NO', 'nb'], ['iw', 'he'], ['in-ID', 'id'], ['fa-IR', 'fa'],
    ['bn-IN', 'bn'], ['sv-FI', 'sv'], ['eo', 'en']];
  for (const [locale, expected] of table) assert.equal(api.userMessage(404, { locale }).locale, expected, String(locale));
  for (const tag of RTL) assert.equal(api.userMessage(503, { locale: tag }).dir, 'rtl', tag);
  assert.equal(api.userMessage(404, { locale: 'ja' }).title, packs.ja.kinds.not_found.title);
});

test('wait phrases: Intl where it reads right, the pack\'s own phrases where it does not', () => {
  const action = (locale, ms, status = 429) => api.userMessage(status, { locale, retryAfterMs: ms }).action;
  assert.equal(action('en', 30_000), 'Try again in 30 seconds.');
  assert.equal(action('en', 0), 'Try again now.');
  assert.equal(action('en', 120_000, 503), 'Try again in 2 minutes.');
  assert.equal(action('fr', 30_000), `Réessayez ${new Intl.RelativeTimeFormat('fr').format(30, 'second')}.`);
  assert.equal(action('de', 5_000), 'Versuchen Sie es in 5 Sekunden erneut.');
  // A wait over a day says "in 2 days", never a calendar word ("übermorgen", "the day after tomorrow").
  assert.equal(action('de', 40 * 3_600_000), 'Versuchen Sie es in 2 Tagen erneut.');
  // Japanese and Traditional Chinese without Intl's space before the counter; "now" in the sentence.
  assert.equal(action('ja', 30_000), '30秒後にもう一度お試しください。');
  assert.equal(action('ja', 0), '今すぐもう一度お試しください。');
  assert.equal(action('zh-TW', 90 * 60_000), '請2小時後再試一次。');
  // Arabic "after", with CLDR plural forms picked by Intl.PluralRules.
  assert.equal(action('ar', 2_000), 'يُرجى المحاولة مرة أخرى بعد ثانيتين.');
  assert.equal(action('ar', 5_000), 'يُرجى المحاولة مرة أخرى بعد 5 ثوانٍ.');
  assert.equal(action('ar', 30_000), 'يُرجى المحاولة مرة أخرى بعد 30 ثانية.');
  // Hebrew without Intl's "(1)"; Bengali "after" with Bengali digits from Intl.NumberFormat.
  assert.equal(action('he', 1_000), 'אפשר לנסות שוב בעוד שנייה.');
  assert.equal(action('he', 3_600_000 * 2), 'אפשר לנסות שוב בעוד שעתיים.');
  assert.equal(action('bn', 30_000), '৩০ সেকেন্ড পরে আবার চেষ্টা করুন।');
  assert.equal(action('fa', 30_000), `${new Intl.NumberFormat('fa').format(30)} ثانیه بعد دوباره امتحان کنید.`);
  // An error carrying retryAfterMs is enough.
  const err = Object.assign(new Error('x'), { name: 'HttpError', status: 429, retryAfterMs: 90_000 });
  assert.equal(api.userMessage(err, { locale: 'en' }).action, 'Try again in 2 minutes.');
  assert.throws(() => api.userMessage(429, { retryAfterMs: -1 }), RangeError);
  assert.throws(() => api.userMessage(429, { retryAfterMs: '30' }), TypeError);
});

test('situations: 422 points at highlighted fields only when there are some, 401 without sign-in, 403 with a support link', () => {
  const en = packs.en.kinds;
  const fields = { format: 'problem+json', fieldErrors: [{ field: 'email', message: 'is taken' }] };
  const e422 = Object.assign(new Error('x'), { name: 'HttpError', status: 422, details: fields });
  const bare422 = Object.assign(new Error('x'), { name: 'HttpError', status: 422, details: { format: 'generic', fieldErrors: [] } });
  assert.equal(api.userMessage(e422, { locale: 'en' }).action, en.validation_failed.variants.highlightedFields.action);
  assert.equal(api.userMessage(bare422, { locale: 'en' }).action, en.validation_failed.action);
  assert.equal(api.userMessage(422, { locale: 'en' }).action, en.validation_failed.action);
  assert.equal(api.userMessage(422, { locale: 'en', highlightedFields: true }).action, en.validation_failed.variants.highlightedFields.action);
  assert.equal(api.userMessage(e422, { locale: 'en', highlightedFields: false }).action, en.validation_failed.action);
  const noSignIn = api.userMessage(401, { locale: 'en', signIn: false });
  assert.deepEqual([noSignIn.title, noSignIn.message, noSignIn.action], Object.values(en.unauthorized.variants.noSignIn));
  assert.doesNotMatch(`${noSignIn.title} ${noSignIn.action}`, /sign in/i);
  assert.equal(api.userMessage(407, { locale: 'en', signIn: false }).title, packs.en.statuses['407'].title, '407 is about the network');
  assert.match(api.userMessage(403, { locale: 'en', supportLink: true }).action, /contact support/);
  assert.doesNotMatch(api.userMessage(403, { locale: 'en' }).action, /support/);
  // Every locale has the variants, in its own language.
  for (const tag of TAGS) {
    assert.equal(api.userMessage(e422, { locale: tag }).action, packs[tag].kinds.validation_failed.variants.highlightedFields.action, tag);
    assert.equal(api.userMessage(401, { locale: tag, signIn: false }).title, packs[tag].kinds.unauthorized.variants.noSignIn.title, tag);
    assert.equal(api.userMessage(500, { locale: tag, supportLink: true }).action, packs[tag].kinds.server_error.variants.supportLink.action, tag);
  }
  for (const [name, value] of [['highlightedFields', 'yes'], ['signIn', 0], ['supportLink', 'true']]) {
    assert.throws(() => api.userMessage(403, { [name]: value }), { name: 'TypeError', message: `options.${name} must be a boolean` });
  }
});

test('server text joins a message only in the message\'s language', () => {
  const http = (details, extra = {}) => Object.assign(new Error('x'), { name: 'HttpError', status: 409, details, ...extra });
  const problem = { format: 'problem+json', detail: 'Email is already taken.', fieldErrors: [] };
  const opts = (locale, more) => ({ locale, includeServerDetail: true, ...more });
  const fallback = (tag) => packs[tag].kinds.conflict.message;
  // No language known: never shown, not even in English.
  assert.equal(api.userMessage(http(problem), opts('en')).message, fallback('en'));
  // Content-Language (HttpError.contentLanguage): shown when it matches, not in a Japanese message.
  assert.equal(api.userMessage(http(problem, { contentLanguage: 'en-US' }), opts('en')).message, 'Email is already taken.');
  assert.equal(api.userMessage(http(problem, { contentLanguage: 'en' }), opts('ja')).message, fallback('ja'));
  assert.equal(api.userMessage(http(problem, { contentLanguage: 'de, en' }), opts('en')).message, fallback('en'), 'a list names no one language');
  // The caller says which language the API writes in.
  assert.equal(api.userMessage(http(problem), opts('fr-CA', { serverLanguage: 'fr' })).message, 'Email is already taken.');
  assert.equal(api.userMessage(http(problem), opts('ar', { serverLanguage: 'en' })).message, fallback('ar'));
  // A problem+json member naming the body's language beats the header.
  const lang = { ...problem, extensions: { lang: 'de' } };
  assert.equal(api.userMessage(http(lang, { contentLanguage: 'en' }), opts('de')).message, 'Email is already taken.');
  assert.equal(api.userMessage(http(lang, { contentLanguage: 'en' }), opts('en')).message, fallback('en'));
  // Google's LocalizedMessage carries its own locale; it is preferred to the detail.
  const google = { format: 'google', detail: 'Quota exceeded.', userFacing: { message: 'Kontingent überschritten.', locale: 'de-DE' }, fieldErrors: [] };
  assert.equal(api.userMessage(http(google, { contentLanguage: 'en' }), opts('de')).message, 'Kontingent überschritten.');
  assert.equal(api.userMessage(http(google, { contentLanguage: 'en' }), opts('en')).message, 'Quota exceeded.');
  // Not without the opt-in, and never for 5xx.
  assert.equal(api.userMessage(http(problem, { contentLanguage: 'en' }), { locale: 'en' }).message, fallback('en'));
  const e500 = Object.assign(new Error('x'), { name: 'HttpError', status: 500, contentLanguage: 'en', details: { ...problem, detail: 'NullPointerException' } });
  assert.doesNotMatch(api.userMessage(e500, opts('en')).message, /NullPointer/);
  assert.throws(() => api.userMessage(409, { serverLanguage: 5 }), { name: 'TypeError', message: 'options.serverLanguage must be a BCP 47 language tag' });
});

let server;
before(async () => {
  server = createServer((req, res) => {
    const lang = new URL(req.url, 'http://x').searchParams.get('lang');
    res.writeHead(409, { 'content-type': 'application/problem+json', ...(lang ? { 'content-language': lang } : {}) });
    res.end(JSON.stringify({ title: 'Conflict', detail: lang === 'fr' ? 'Ce nom est déjà pris.' : 'This name is taken.' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(() => new Promise((resolve) => server.close(resolve)));

test('createFetch: HttpError carries the response\'s Content-Language, and userMessage uses it', async () => {
  const base = `http://127.0.0.1:${server.address().port}/`;
  const api2 = api.createFetch({ retry: false });
  const fail = async (url) => { try { await api2(url); } catch (e) { return e; } assert.fail('no HttpError'); };
  const fr = await fail(`${base}?lang=fr`);
  assert.equal(fr.contentLanguage, 'fr');
  assert.equal(api.userMessage(fr, { locale: 'fr', includeServerDetail: true }).message, 'Ce nom est déjà pris.');
  assert.equal(api.userMessage(fr, { locale: 'en', includeServerDetail: true }).message, packs.en.kinds.conflict.message);
  const none = await fail(base);
  assert.equal(none.contentLanguage, null);
  assert.equal(api.userMessage(none, { locale: 'en', includeServerDetail: true }).message, packs.en.kinds.conflict.message);
  assert.equal(api.userMessage(none, { locale: 'en', includeServerDetail: true, serverLanguage: 'en' }).message, 'This name is taken.');
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
    [{ locale: 'en', kinds: { forbidden: { variants: { support: { action: 'x' } } } } },
      'kinds.forbidden.variants.support is not a known situation (highlightedFields, noSignIn, supportLink, or several joined with +)'],
    [{ locale: 'en', kinds: { forbidden: { variants: { supportLink: { action: 1 } } } } }, 'kinds.forbidden.variants.supportLink.action must be a string'],
    [{ locale: 'en', when: { second: 'soon' } }, 'when.second must be a string containing {n}'],
    [{ locale: 'en', when: { weeks: '{n} weeks' } }, 'when.weeks is not a known field'],
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

test('userMessage answers every input: what it does not recognise is kind unknown; only options throw', () => {
  const unknown = packs.en.kinds.unknown;
  for (const input of [new Error('boom'), 'boom', '404', undefined, null, 700, 404.5, NaN, {}, [], Symbol('s'), 10n, () => {},
    { status: 42 }, { kind: 'teapot' }, new Proxy({}, { get() { throw new Error('trap'); } })]) {
    const m = api.userMessage(input, { locale: 'en' });
    assert.deepEqual([m.kind, m.title, m.message, m.action], ['unknown', unknown.title, unknown.message, unknown.action], String(typeof input));
  }
  assert.equal(api.userMessage(new Error('boom'), { locale: 'en', supportLink: true }).action, unknown.variants.supportLink.action);
  assert.equal(api.userMessage(new Error('boom'), { locale: 'ja' }).title, packs.ja.kinds.unknown.title);
  // Recognised inputs keep their kinds.
  assert.equal(api.userMessage(new TypeError('Failed to fetch'), { locale: 'en' }).kind, 'network_error');
  assert.equal(api.userMessage(new DOMException('x', 'TimeoutError'), { locale: 'en' }).kind, 'timeout');
  assert.equal(api.userMessage({ kind: 'offline' }, { locale: 'en' }).kind, 'offline');
  assert.equal(api.userMessage(new api.NetworkError({ kind: 'teapot' }), { locale: 'en' }).kind, 'network_error');
  // Options of the wrong type still throw.
  assert.throws(() => api.userMessage(404, { locale: 42 }), TypeError);
  assert.throws(() => api.userMessage(404, 'fr'), TypeError);
  assert.throws(() => api.userMessage(new Error('boom'), 'fr'), TypeError);
  let deep = {};
  for (let i = 0, cur = deep; i < 100_000; i++) cur = cur.a = {};
  assert.throws(() => api.addMessages(deep), TypeError);
  assert.equal(api.userMessage(404, { locale: 'en' }).kind, 'not_found');
});
