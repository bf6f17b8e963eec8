// In real Chromium the default locale of userMessage follows navigator.languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../www/server.mjs';
import { launchChromium } from '../support/browser.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchChromium(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [locale, expected] of [['fr-FR', 'fr'], ['zh-TW', 'zh-Hant'], ['ar-EG', 'ar'], ['sv-SE', 'en']]) {
  test(`a page whose navigator.languages starts with ${locale} gets ${expected}`, async () => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${server.url}favicon.svg`);
    const result = await page.evaluate(async (tag) => {
      const api = await import('/pkg/index.js');
      const packs = ['fr', 'zh-Hant', 'ar'];
      for (const p of packs) api.addMessages((await import(`/pkg/locales/${p}.js`)).default);
      const m = api.userMessage(503, { retryAfterMs: 30_000 });
      return { languages: navigator.languages, locale: m.locale, dir: m.dir, action: m.action,
        expectedWhen: new Intl.RelativeTimeFormat(m.locale, { numeric: 'auto' }).format(30, 'second') };
    }, locale);
    assert.equal(result.languages[0], locale);
    assert.equal(result.locale, expected);
    assert.equal(result.dir, expected === 'ar' ? 'rtl' : 'ltr');
    assert.ok(result.action.includes(result.expectedWhen), `${result.action} / ${result.expectedWhen}`);
    await context.close();
  });
}
