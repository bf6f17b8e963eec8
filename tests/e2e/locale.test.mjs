// In real Chromium the default locale of userMessage follows navigator.languages, and the wait
// phrase comes from the browser's Intl, or from the pack's own phrases where Intl's read wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../www/server.mjs';
import { launchChromium } from '../support/browser.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchChromium(); });
after(async () => { await browser?.close(); await server?.close(); });

// [navigator language, expected catalog, dir, the wait phrase for 30 s: 'intl' = Intl.RelativeTimeFormat's]
const CASES = [
  ['fr-FR', 'fr', 'ltr', 'intl'],
  ['zh-TW', 'zh-Hant', 'ltr', '30秒後'],
  ['ar-EG', 'ar', 'rtl', 'بعد 30 ثانية'],
  ['he-IL', 'he', 'rtl', 'בעוד 30 שניות'],
  ['fa-IR', 'fa', 'rtl', 'intl'],
  ['sv-SE', 'sv', 'ltr', 'intl'],
  ['eo', 'en', 'ltr', 'intl'],
];

for (const [locale, expected, dir, when] of CASES) {
  test(`a page whose navigator.languages starts with ${locale} gets ${expected}`, async () => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${server.url}favicon.svg`);
    const result = await page.evaluate(async () => {
      const api = await import('/pkg/index.js');
      for (const p of ['fr', 'zh-Hant', 'ar', 'he', 'fa', 'sv']) api.addMessages((await import(`/pkg/locales/${p}.js`)).default);
      const m = api.userMessage(503, { retryAfterMs: 30_000 });
      return { languages: navigator.languages, locale: m.locale, dir: m.dir, action: m.action,
        intl: new Intl.RelativeTimeFormat(m.locale, { numeric: 'always' }).format(30, 'second'),
        unknown: api.userMessage(new Error('boom')).kind };
    });
    assert.equal(result.languages[0], locale);
    assert.equal(result.locale, expected);
    assert.equal(result.dir, dir);
    const phrase = when === 'intl' ? result.intl : when;
    assert.ok(result.action.includes(phrase), `${result.action} / ${phrase}`);
    assert.equal(result.unknown, 'unknown');
    await context.close();
  });
}
