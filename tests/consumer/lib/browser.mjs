// Browser checks: one Debian Chromium for the whole matrix (launched on first use), a fresh context
// per check (no service worker, cache or storage carries over), and a bounded wait for the page's
// result element. A page that throws is given a short grace to report anyway, then fails with
// every error it logged, so a broken import fails in seconds, not at the timeout.
import { launchChromium } from '../../support/browser.mjs';
import { bestError } from './probe.mjs';

/** How long a page has to report after its first uncaught error, ms. */
const GRACE_AFTER_ERROR_MS = 3_000;

let browser = null;

function sharedBrowser() {
  browser ??= launchChromium();
  return browser;
}

/** Closes the shared browser if it was launched. */
export async function closeBrowser() {
  if (browser === null) return;
  const b = await browser.catch(() => null);
  browser = null;
  await b?.close();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `url` and waits until `selector` has `data-state="done"`; resolves to the JSON in its text.
 * Resolves to `{ result, errors }` (errors: what the page logged). Console errors about
 * `ignoreUrls` (the 404 the probe asks for) are left out. With `serviceWorker`, the errors Chromium
 * reports for service workers (through CDP: the page only sees "ServiceWorker cannot be started")
 * are collected too.
 */
export async function pageResult(url, { selector = '#result', timeoutMs = 30_000, ignoreUrls = [], serviceWorker = false } = {}) {
  const context = await (await sharedBrowser()).newContext();
  const errors = [];
  let firstErrorAt = null;
  const note = (text) => {
    errors.push(text);
    firstErrorAt ??= Date.now();
  };
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const at = m.location()?.url ?? '';
      if (ignoreUrls.some((u) => at.startsWith(u))) return;
      note(`console.error: ${m.text()}${at ? ` (${at})` : ''}`);
    });
    page.on('pageerror', (e) => note(`uncaught: ${e.message}`));
    page.on('crash', () => note('the page crashed'));
    if (serviceWorker) {
      const cdp = await context.newCDPSession(page);
      cdp.on('ServiceWorker.workerErrorReported', ({ errorMessage: m }) => note(`service worker: ${m.errorMessage} ${m.sourceURL ?? ''}`.trim()));
      await cdp.send('ServiceWorker.enable');
    }
    const deadline = Date.now() + timeoutMs;
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const done = page.locator(`${selector}[data-state="done"]`);
    for (;;) {
      // Polled, so it survives reloads (Vite's dev server reloads after optimizing a dependency).
      const text = await done.textContent({ timeout: 250 }).catch(() => null);
      if (text !== null) return { result: JSON.parse(text), errors };
      const now = Date.now();
      if (firstErrorAt !== null && now - firstErrorAt > GRACE_AFTER_ERROR_MS) {
        throw Object.assign(new Error(`${url}: the page failed before reporting:\n${errors.join('\n')}`), {
          summary: `the page failed before reporting: ${bestError(errors)}`,
        });
      }
      if (now > deadline) {
        const shown = await page.locator(selector).textContent({ timeout: 1_000 }).catch(() => '(no element)');
        throw Object.assign(new Error(`${url}: no result within ${timeoutMs} ms; ${selector} shows ${JSON.stringify(shown?.slice(0, 300))}`
          + (errors.length ? `; errors:\n${errors.join('\n')}` : '; no error was logged')), {
          summary: `no result within ${timeoutMs} ms${errors.length ? `: ${bestError(errors)}` : ', no error logged'}`,
        });
      }
      await sleep(100);
    }
  } finally {
    await context.close().catch(() => {});
  }
}
