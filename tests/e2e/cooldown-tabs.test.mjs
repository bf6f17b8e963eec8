// A Retry-After honoured in one tab pauses the same API origin's calls in the app's other tabs
// (BroadcastChannel), in real Chromium with two pages of one browser context. The server's
// request log tells when each request arrived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../www/server.mjs';
import { launchChromium } from '../support/browser.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';

let site;
let api;
let browser;

before(async () => {
  [site, api, browser] = await Promise.all([startServer(), startScenarioServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

/** A page of the site with the package loaded and `window.f = createFetch(options)`. */
async function tab(context, options) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}favicon.svg`);
  await page.evaluate(async (opts) => {
    const triage = await import('/pkg/index.js');
    window.f = triage.createFetch(opts);
  }, options);
  return { page, errors };
}

test('Chromium: a 429 Retry-After: 2 in one tab holds the other tab\'s call to that origin', async () => {
  const context = await browser.newContext();
  try {
    const a = await tab(context, {});
    const b = await tab(context, {});
    const limited = api.scenarioUrl('cooldown', 'tabs-1');
    const other = api.scenarioUrl('ok', 'tabs-2');
    // Tab A: its call gets the 429 and waits 2 s before its retry; resolve as soon as it waits.
    await a.page.evaluate((target) => new Promise((resolve) => {
      window.done = window.f(target, {}).then((r) => r.status);
      // onRetry is not set: poll the server instead (below) — resolve on the next tick.
      setTimeout(resolve, 0);
    }), limited);
    // Wait until the server has answered tab A's first request.
    for (let i = 0; i < 100 && api.count('cooldown/tabs-1') === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // the pause crosses to tab B
    const t = await b.page.evaluate(async (target) => {
      const t0 = performance.now();
      const res = await window.f(target);
      return { status: res.status, took: performance.now() - t0 };
    }, other);
    assert.equal(t.status, 200);
    assert.equal(await a.page.evaluate(() => window.done), 200);
    const [tooMany] = api.hits('cooldown/tabs-1');
    const [otherHit] = api.hits('ok/tabs-2');
    const gap = otherHit.at - tooMany.at;
    console.log(`tabs: tab B's request reached the server ${gap.toFixed(0)} ms after tab A's 429 (Retry-After: 2)`);
    assert.ok(gap >= 1_800 && gap < 3_000, `gap ${gap} ms`);
    assert.ok(t.took >= 1_500, `tab B waited ${t.took} ms`);
    assert.deepEqual([...a.errors, ...b.errors], []);
  } finally {
    await context.close();
  }
});

test('Chromium: a refused wait and retry:false pause no other tab', async () => {
  const context = await browser.newContext();
  try {
    const a = await tab(context, { retry: false });
    const b = await tab(context, {});
    const status = await a.page.evaluate((target) => window.f(target).then(() => 0, (e) => e.status), api.scenarioUrl('cooldown', 'tabs-3'));
    assert.equal(status, 429);
    const long = await a.page.evaluate(async (target) => {
      const g = (await import('/pkg/index.js')).createFetch({ retry: { maxRetryAfterMs: 1000 } });
      return g(target).then(() => 'resolved', (e) => e.decision.reason);
    }, api.scenarioUrl('retry-after-long', 'tabs-4'));
    assert.equal(long, 'retry_after_too_long');
    await new Promise((r) => setTimeout(r, 100));
    const took = await b.page.evaluate(async (target) => {
      const t0 = performance.now();
      await window.f(target);
      return performance.now() - t0;
    }, api.scenarioUrl('ok', 'tabs-5'));
    assert.ok(took < 500, `tab B waited ${took} ms`);
  } finally {
    await context.close();
  }
});
