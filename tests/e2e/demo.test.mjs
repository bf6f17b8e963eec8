// The demo page in real Chromium: it loads without console errors and classifies a typed status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../www/server.mjs';
import { launchChromium, openPage } from '../support/browser.mjs';
import { root } from '../support/pkg.mjs';

const shots = join(root, 'tests/e2e/screenshots');
let server;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the demo classifies a typed status (${name})`, async () => {
    const { page, errors } = await openPage(browser, server.url, viewport);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
    assert.equal(await page.textContent('#result .reason'), 'Service Unavailable');
    await page.fill('#status-input', '429');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#result[data-status="429"]');
    assert.equal(await page.textContent('#result .reason'), 'Too Many Requests');
    await page.screenshot({ path: join(shots, `lookup-${name}.png`), fullPage: true });
    await page.fill('#status-input', '700');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#result .problem');
    assert.match(await page.textContent('#result .problem'), /^RangeError: status must be an integer from 100 to 599/);
    await page.fill('#status-input', '418');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#result[data-status="418"]');
    assert.equal(await page.textContent('#result .reason'), "I'm a teapot");
    assert.deepEqual(errors, []);
    await page.close();
  });
}
