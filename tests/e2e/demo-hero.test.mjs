// The demo's first screen in real Chromium, at 1280x800 and 390x844, light and dark: a raw
// failure next to the message http-triage makes of it (from the package itself, in the page's
// language), the code that did it, copy buttons that copy, the bundle size from the build's own
// figures with BENCHMARKS.md linked, and the section links on a phone. Screenshots of the first
// screen go to tests/e2e/screenshots/.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/server.mjs';
import { launchChromium } from '../support/browser.mjs';
import {
  DESKTOP, PHONE, openDemo, shootViewport, assertInViewport, assertNoOverflow, contrastFailures, clippedCode,
} from '../support/demo-page.mjs';

const T = { timeout: 30_000 };
const SIZES = fileURLToPath(new URL('../../target/sizes.json', import.meta.url));

let server;
let browser;
before(async () => {
  server = await startServer({ retryAfterSeconds: 1 });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The message the package gives for `input` in `locale`, computed in the page. */
const packageMessage = (page, input, options) => page.evaluate(async ([i, o]) => {
  const { userMessage } = await import('/pkg/index.js');
  const { title, message, action, kind, dir } = userMessage(i, o);
  return { title, message, action, kind, dir };
}, [input, options]);

/** The message the hero shows. */
const heroMessage = (page) => page.evaluate(() => {
  const m = document.getElementById('ba-toast');
  const text = (s) => m.querySelector(s).textContent;
  return { title: text('.msg-title'), message: text('.msg-text'), action: text('.msg-action'), kind: m.dataset.kind, dir: m.getAttribute('dir') };
});

describe('the first screen', () => {
  for (const [name, viewport] of [['1280x800', DESKTOP], ['390x844', PHONE]]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${name} ${colorScheme}: a raw failure and the message for it, without scrolling`, T, async () => {
        const { page, context, errors } = await openDemo(browser, server.url, { viewport, colorScheme });
        try {
          assert.equal(await page.evaluate(() => window.scrollY), 0);
          await assertInViewport(page, '#hero-title', 'the headline');
          await assertInViewport(page, '#ba-raw', 'the raw failure');
          await assertInViewport(page, '#ba-toast', 'the message');
          assert.match(await page.textContent('#ba-raw'), /TypeError: Failed to fetch/);
          assert.deepEqual(await heroMessage(page), await packageMessage(page, { kind: 'network_error' }, { locale: 'en' }));
          if (viewport === DESKTOP) {
            // Wide, the code that did it, the install line and the figures are in the first screen too.
            await assertInViewport(page, '#ba-code', 'the code');
            await assertInViewport(page, '.hero .install', 'the install line');
            await assertInViewport(page, '.stats', 'the figures');
          }
          assert.deepEqual(await contrastFailures(page), [], colorScheme);
          assert.deepEqual(await clippedCode(page), []);
          if (viewport === PHONE) await assertNoOverflow(page);
          await shootViewport(page, `hero-${name}-${colorScheme}`);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('each case: what fetch gives, and the package\'s message for the same failure', T, async () => {
    const { page, context } = await openDemo(browser, server.url);
    try {
      await page.click('#ba-cases [data-case="unavailable"]');
      await page.waitForSelector('#ba-message[data-case="unavailable"]');
      const raw503 = await page.textContent('#ba-raw');
      assert.match(raw503, /^HTTP\/1\.1 503 Service Unavailable\nContent-Type: application\/json\n\n\{"code":503,"message":"no healthy upstream"/);
      assert.deepEqual(await heroMessage(page), await packageMessage(page, 503, { locale: 'en' }));
      assert.match(await page.textContent('#ba-fields'), /error\.kind: 'service_unavailable'.*error\.details\.detail: 'no healthy upstream'/);

      await page.click('#ba-cases [data-case="rate-limited"]');
      await page.waitForSelector('#ba-message[data-case="rate-limited"]');
      assert.match(await page.textContent('#ba-raw'), /^HTTP\/1\.1 429 Too Many Requests\n(.*\n)*Retry-After: 30\n/);
      const m = await heroMessage(page);
      assert.deepEqual(m, await packageMessage(page, 429, { locale: 'en', retryAfterMs: 30_000 }));
      assert.equal(m.action, 'Try again in 30 seconds.');
      assert.equal(await page.getAttribute('#ba-cases [data-case="rate-limited"]', 'aria-pressed'), 'true');
      await assertInViewport(page, '#ba-toast', 'the 429 message');

      // In the page's language: German, then Persian (right to left).
      await page.selectOption('#locale-select', 'de');
      await page.waitForSelector('#ba-message[data-locale="de"]');
      assert.deepEqual(await heroMessage(page), await packageMessage(page, 429, { locale: 'de', retryAfterMs: 30_000 }));
      assert.match(await page.textContent('#ba-lang'), /Deutsch/);
      await page.selectOption('#locale-select', 'fa');
      await page.waitForSelector('#ba-message[data-locale="fa"]');
      assert.equal((await heroMessage(page)).dir, 'rtl');
    } finally {
      await context.close();
    }
  });
});

describe('copy, cost, links', () => {
  test('every copy button copies its code (clipboard granted), at 1280 and 390 px', T, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, context } = await openDemo(browser, server.url, { viewport, clipboard: true });
      try {
        // Dynamic blocks exist once their sections are used: a code's details and the raw result.
        await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
        const buttons = page.locator('button[data-copy]');
        const n = await buttons.count();
        assert.ok(n >= 6, `${n} copy buttons`);
        for (let i = 0; i < n; i++) {
          const button = buttons.nth(i);
          const expected = await button.evaluate((b) => b.closest('.code-block').querySelector('code').textContent);
          assert.ok(expected.length > 0);
          assert.match(await button.getAttribute('aria-label'), /^Copy: /);
          await page.evaluate(() => navigator.clipboard.writeText(''));
          await button.scrollIntoViewIfNeeded();
          await button.click();
          assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected, await button.getAttribute('aria-label'));
          assert.equal(await button.textContent(), 'Copied');
        }
        await page.click('.hero .install button[data-copy]');
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'npm install http-triage');
        assert.equal(await page.textContent('#copy-live'), 'Copied to the clipboard.');
        const hero = await page.textContent('#ba-code');
        for (const part of ['createFetch', 'isHttpError', 'isNetworkError', 'error.userMessage']) assert.ok(hero.includes(part), part);
      } finally {
        await context.close();
      }
    }
  });

  test('the bundle size is the build\'s own figure, and BENCHMARKS.md is one click away', T, async () => {
    const sizes = JSON.parse(readFileSync(SIZES, 'utf8'));
    const kb = `${(sizes.consumerBundle.brotli / 1024).toFixed(1)} KB`;
    const { page, context } = await openDemo(browser, server.url);
    try {
      assert.equal(await page.textContent('#stat-size'), kb);
      assert.equal(await page.getAttribute('#cost', 'data-bytes'), String(sizes.consumerBundle.brotli));
      assert.match(await page.textContent('#cost'), new RegExp(`${kb.replace('.', '\\.')} brotli in a production bundle that uses createFetch, userMessage and classify`));
      await page.click('#benchmarks-link');
      await page.waitForURL(/\/BENCHMARKS\.md$/);
      assert.match(await page.textContent('body'), /^# Benchmarks/);
      assert.match(await page.textContent('body'), /ky/);
    } finally {
      await context.close();
    }
  });

  test('on a phone the section links sit in the top bar and lead to each section', T, async () => {
    const { page, context } = await openDemo(browser, server.url, { viewport: PHONE });
    try {
      const links = await page.$$eval('.nav a', (as) => as.map((a) => {
        const r = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), left: r.left, right: r.right, visible: r.width > 0 && r.height > 0 };
      }));
      assert.equal(links.length, 4);
      for (const l of links) {
        assert.ok(l.visible && l.left >= 0 && l.right <= PHONE.width, `${l.href} is on screen: ${JSON.stringify(l)}`);
      }
      for (const id of ['explorer', 'languages', 'playground', 'simulator']) {
        await page.click(`.nav a[href="#${id}"]`);
        await assertInViewport(page, `#${id} h2`, `#${id}'s heading`);
      }
      await assertNoOverflow(page);
    } finally {
      await context.close();
    }
  });
});
