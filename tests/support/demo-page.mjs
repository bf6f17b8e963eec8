// Helpers for the demo page's e2e suites (tests/e2e/demo*.test.mjs): opening the page at a size
// and colour scheme, what a person sees (in the viewport, clipped, scrolled sideways, contrast),
// screenshots, and driving the retry simulator.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));
export const XSS = '<img src=x onerror="window.__xss=1">';

/**
 * Opens the demo in a context of its own (viewport, colour scheme, clipboard permissions) and
 * waits until every section is set up. Resolves to { page, context, errors }; close the context.
 */
export async function openDemo(browser, url, { viewport = DESKTOP, colorScheme = 'light', locale, clipboard = false } = {}) {
  const context = await browser.newContext({
    viewport, colorScheme, locale,
    permissions: clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.setDefaultTimeout(8_000); // fail with the action's own message, before the test's timeout
  await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  return { page, context, errors };
}

/**
 * Console errors other than Chromium's own report of a failed request: the simulator's scenarios
 * answer 4xx/5xx or refuse the connection on purpose, and Chromium logs each such response
 * (and a blocked cross-origin read).
 */
export const unexpected = (errors) => errors.filter((e) => !/^Failed to load resource: (the server responded with a status of [45]\d\d|net::ERR_(CONNECTION_REFUSED|FAILED|INTERNET_DISCONNECTED))|^Access to fetch at .* has been blocked by CORS policy/.test(e));

/** Saves a viewport screenshot (what a person sees now) as SHOTS/<name>.png. */
export async function shootViewport(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

/** Screenshots one section (page coordinates, so the sticky bar never covers it). */
export async function shootSection(page, id, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const box = await page.evaluate((sel) => {
    const r = document.getElementById(sel).getBoundingClientRect();
    return { y: r.top + window.scrollY, height: r.height };
  }, id);
  const width = page.viewportSize().width;
  await page.screenshot({
    path: `${SHOTS}${name}.png`,
    fullPage: true,
    clip: { x: 0, y: Math.max(0, box.y - 12), width, height: Math.ceil(box.height) + 24 },
  });
}

/**
 * Where `selector` is for a person: { top, bottom } in the viewport and whether it is wholly
 * visible below the sticky top bar.
 */
export function placement(page, selector) {
  return page.evaluate((sel) => {
    const node = document.querySelector(sel);
    if (!node) return { found: false };
    const r = node.getBoundingClientRect();
    const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;
    return { found: true, top: r.top, bottom: r.bottom, bar, height: innerHeight, visible: r.height > 0 && r.top >= bar - 1 && r.bottom <= innerHeight + 1 };
  }, selector);
}

/** Waits (smooth scrolling included) until `selector` is wholly in view; fails with where it is. */
export async function assertInViewport(page, selector, what = selector) {
  try {
    await page.waitForFunction((sel) => {
      const node = document.querySelector(sel);
      if (!node) return false;
      const r = node.getBoundingClientRect();
      const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;
      return r.height > 0 && r.top >= bar - 1 && r.bottom <= innerHeight + 1;
    }, selector, { timeout: 3_000 });
  } catch {
    assert.fail(`${what} is not in the viewport: ${JSON.stringify(await placement(page, selector))}`);
  }
}

/** Asserts that nothing makes the page scroll sideways (the phone layout fits 390 px). */
export async function assertNoOverflow(page) {
  const { scroll, client, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
      && !e.closest('.table-wrap, .code-grid, textarea, .log, .nav')).slice(0, 3).map((e) => `${e.tagName}.${e.className}`),
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
  assert.deepEqual(wide, [], 'elements reach past the right edge');
}

/**
 * Code blocks whose text is cut: every visible <pre> and block-level <code> whose content is
 * wider than its box (scrollWidth > clientWidth), as "selector-ish: scrollWidth > clientWidth".
 */
export function clippedCode(page) {
  return page.evaluate(() => [...document.querySelectorAll('pre, code, textarea')]
    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).display !== 'inline')
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className} in #${e.closest('section, footer')?.id}: ${e.scrollWidth} > ${e.clientWidth}`));
}

/** Asserts that no injected markup ran or even exists as an element. */
export async function assertNoXss(page) {
  assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'window.__xss was set');
  assert.equal(await page.locator('img[onerror]').count(), 0, 'an <img onerror> exists in the DOM');
  assert.equal(await page.locator('main img').count(), 0, 'an <img> appeared inside main');
}

/** Every visible text's contrast ratio against its (composited) background, below WCAG AA. */
export function contrastFailures(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(c);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(c);
      if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : Number(m[4])];
      return null;
    };
    const over = (top, below) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
    };
    const lum = ([r, g, b]) => {
      const f = (v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node) => {
      const layers = [];
      for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
        const bg = parse(getComputedStyle(n).backgroundColor);
        if (bg && bg[3] > 0) layers.push(bg);
        if (bg && bg[3] === 1) break;
      }
      let color = [255, 255, 255, 1];
      if (matchMedia('(prefers-color-scheme: dark)').matches) color = [0, 0, 0, 1];
      for (const layer of layers.reverse()) color = over(layer, color);
      return color;
    };
    const failures = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!t.textContent.trim() || seen.has(el) || el.closest('svg, [hidden], .visually-hidden, details:not([open]) > :not(summary), option, select')) continue;
      seen.add(el);
      if (el.closest('button:disabled, .skip-link')) continue;
      const rect = el.getBoundingClientRect();
      if (!rect.width || !rect.height) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || Number(cs.opacity) === 0) continue;
      const bg = background(el);
      const fg = over(parse(cs.color), bg);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)} ${el.tagName.toLowerCase()}.${el.className} "${t.textContent.trim().slice(0, 30)}"`);
    }
    return failures;
  });
}

// ---- the retry simulator -----------------------------------------------------------------------

/** A policy that keeps runs short: small delays, a 1 s timeout. */
export const FAST = { limit: 2, base: 20, cap: 100, jitter: 'none', 'max-retry-after': 10_000, timeout: 1000 };

/** Sets the policy form (opens it first where it starts folded, on a phone). */
export async function setPolicy(page, values) {
  await page.evaluate(() => { document.getElementById('policy-details').open = true; });
  for (const [id, value] of Object.entries(values)) {
    if (id === 'jitter') await page.selectOption('#policy-jitter', value);
    else await page.fill(`#policy-${id}`, String(value));
  }
}

/** What the scenario's expectation line says before a run: { attempts, outcome, stop, text }. */
export function expectationOf(page) {
  return page.evaluate(() => {
    const e = document.getElementById('scenario-expect');
    return {
      attempts: e.dataset.attempts === undefined ? null : Number(e.dataset.attempts),
      outcome: e.dataset.outcome ?? null,
      stop: e.dataset.stop ?? null,
      text: e.textContent.replace(/^With this policy: /, ''),
    };
  });
}

/** Reads what the simulator shows after a run. */
export function readRun(page) {
  return page.evaluate(() => {
    const o = document.getElementById('sim-outcome');
    const log = [...document.querySelectorAll('#sim-log li')].map((li) => li.textContent);
    const retries = log.filter((l) => l.includes('onRetry(')).map((l) => JSON.parse(l.slice(l.indexOf('onRetry(') + 8, -1)));
    return {
      outcome: o.dataset.outcome,
      attempts: Number(o.dataset.attempts),
      stop: o.dataset.stopReason,
      kind: o.querySelector('.msg')?.dataset.kind,
      title: o.querySelector('.msg-title')?.textContent,
      text: o.textContent,
      status: document.getElementById('sim-status').textContent,
      retries,
      bars: document.querySelectorAll('#sim-timeline .row-attempt').length,
      cooldown: document.querySelectorAll('#sim-timeline .row-cooldown').length,
    };
  });
}

/** Picks a scenario, presses Run, waits for the outcome; resolves to { expected, ...readRun }. */
export async function runScenario(page, id, { timeout = 15_000 } = {}) {
  await page.check(`#scenario-${id}`);
  const expected = await expectationOf(page);
  await page.click('#sim-run');
  await page.waitForSelector('#sim-outcome:not([data-outcome="running"])[data-outcome]', { timeout });
  return { expected, ...(await readRun(page)) };
}
