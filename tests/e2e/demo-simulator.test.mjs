// The demo's retry simulator in real Chromium, as a person uses it: every scenario, run in list
// order twice, does what the page says it will (the line under the scenario, computed for the
// policy in the form) because each run gets a fresh client; "Keep one client" carries the budget
// and the origin pause over, and the Outage scenario shows the budget stopping retries; the result
// is in the viewport after Run at 1280x800 and 390x844, light and dark; Escape cancels; offline
// (the page's own events and the simulated one) and your own URL work; screenshots of the
// simulator after Run go to tests/e2e/screenshots/.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../www/server.mjs';
import { launchChromium } from '../support/browser.mjs';
import {
  DESKTOP, PHONE, XSS, FAST, openDemo, unexpected, shootViewport, assertInViewport, assertNoOverflow,
  assertNoXss, contrastFailures, setPolicy, expectationOf, readRun, runScenario,
} from '../support/demo-page.mjs';

const T = { timeout: 60_000 };

let server;
let browser;
before(async () => {
  // The rate-limit scenarios ask for 1 s (and the offline one lasts 1 s) instead of the demo's 2 s.
  server = await startServer({ retryAfterSeconds: 1 });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The onRetry reasons and delays of a run, and other per-scenario facts worth checking. */
const EXTRA = {
  flaky: (r) => assert.deepEqual(r.retries.map((x) => x.reason), ['status', 'status']),
  offline: (r) => assert.deepEqual(r.retries.map((x) => x.reason), ['offline']),
  'retry-after': (r) => {
    assert.equal(r.retries[0].reason, 'retry_after');
    assert.equal(r.retries[0].delayMs, 1000);
    assert.equal(r.retries[0].status, 429);
  },
  'retry-date': (r) => {
    assert.equal(r.retries[0].reason, 'retry_after');
    assert.ok(r.retries[0].delayMs > 0 && r.retries[0].delayMs <= 2000, `HTTP-date wait ${r.retries[0].delayMs}`);
  },
  'rate-limit': (r) => {
    assert.equal(r.retries[0].reason, 'retry_after');
    assert.equal(r.retries[0].delayMs, 1000);
  },
  hang: (r) => {
    assert.deepEqual(r.retries.map((x) => x.reason), ['timeout', 'timeout']);
    assert.equal(r.kind, 'timeout');
  },
  'post-no-key': (r) => assert.equal(r.kind, 'service_unavailable'),
  'post-key': (r) => assert.ok(r.text.includes('201'), 'the order was created'),
  'dead-port': (r) => {
    assert.deepEqual(r.retries.map((x) => x.reason), ['network', 'network']);
    assert.equal(r.kind, 'network_error');
  },
  xss: (r) => {
    assert.equal(r.kind, 'bad_request');
    assert.ok(r.text.includes(XSS), 'the server text is shown literally');
  },
};

describe('each scenario does what the page says', () => {
  let page;
  let context;
  let errors;
  before(async () => { ({ page, context, errors } = await openDemo(browser, server.url)); });
  after(async () => { await context?.close(); });

  test('every scenario, in list order, twice: attempts, outcome and stop match the line under it', T, async () => {
    // The demo's delays, a shorter timeout (the hanging server costs 3 timeouts a run).
    await setPolicy(page, { limit: 2, base: 100, cap: 1000, jitter: 'full', 'max-retry-after': 60_000, timeout: 1000 });
    const listed = await page.$$eval('#scenario-list input', (inputs) => inputs.map((i) => i.value));
    const served = (await (await fetch(`${server.url}api/scenarios`)).json()).map((s) => s.id);
    assert.deepEqual(listed, served, 'the page lists the server\'s scenarios in order');
    assert.equal(await page.isChecked('#sim-shared'), false, 'a fresh client per run by default');
    const ids = listed.filter((id) => id !== 'own-url');
    for (const pass of [1, 2]) {
      for (const id of ids) {
        const r = await runScenario(page, id);
        const where = `${id}, pass ${pass}`;
        assert.ok(r.expected.attempts !== null, `${where}: the page says what will happen`);
        assert.ok(r.expected.text.includes(`${r.expected.attempts} attempt`), `${where}: "${r.expected.text}"`);
        assert.equal(r.attempts, r.expected.attempts, `${where}: attempts (${r.expected.text})`);
        assert.equal(r.outcome, r.expected.outcome, `${where}: outcome`);
        assert.equal(r.stop, r.expected.stop, `${where}: stop reason`);
        assert.equal(r.bars, r.attempts, `${where}: one timeline row per attempt`);
        assert.equal(r.cooldown, 0, `${where}: a fresh client holds nothing`);
        EXTRA[id]?.(r);
        await assertInViewport(page, '#sim-outcome .msg', `${where}: what the user sees`);
        await assertNoXss(page);
      }
    }
    assert.deepEqual(unexpected(errors), []);
  });

  test('the fresh client is said, and what each run left of its budget', T, async () => {
    await setPolicy(page, FAST);
    await runScenario(page, 'outage');
    assert.match(await page.textContent('#sim-client'), /The last run left its client 8 of 10 tokens; the next run starts with a fresh client \(10\)/);
    assert.equal(await page.isHidden('#sim-reset'), true, 'no client to reset');
  });

  test('a bad policy option is named by the package and marked on its field', T, async () => {
    await setPolicy(page, { ...FAST, limit: -1 });
    assert.match(await page.textContent('#policy-error'), /^RangeError: limit must be an integer/);
    assert.equal(await page.getAttribute('#policy-limit', 'aria-invalid'), 'true');
    await setPolicy(page, FAST);
    assert.equal(await page.textContent('#policy-error'), '');
    assert.equal(await page.getAttribute('#policy-limit', 'aria-invalid'), null);
  });

  test('a Retry-After longer than Max Retry-After is not waited for, and the page says so first', T, async () => {
    await setPolicy(page, { ...FAST, 'max-retry-after': 500 });
    const r = await runScenario(page, 'retry-after');
    assert.match(r.expected.text, /^1 attempt, which gets a 429; not retried: the server asks for 1\.0 s, more than Max Retry-After \(500 ms\)/);
    assert.equal(r.outcome, 'http_error');
    assert.equal(r.stop, 'retry_after_too_long');
    assert.equal(r.kind, 'rate_limited');
    // The wait is said in words, not as a raw field name.
    const facts = await page.$$eval('#sim-outcome .fact', (fs) => fs.map((f) => [f.querySelector('dt').textContent, f.querySelector('dd').textContent]));
    assert.deepEqual(facts.find(([k]) => k === 'Retry after'), ['Retry after', '1.0 s']);
    assert.ok(!facts.some(([k]) => /retryAfterMs/i.test(k)), 'no raw retryAfterMs label');
  });

  test('the timeline\'s ticks are round steps (1, 2 or 5 times a power of ten)', T, async () => {
    await setPolicy(page, { limit: 3, base: 300, cap: 10_000, jitter: 'full', 'max-retry-after': 60_000, timeout: 3000 });
    for (const id of ['flaky', 'retry-after']) {
      await runScenario(page, id);
      const labels = await page.$$eval('#sim-timeline .tick-label', (ts) => ts.map((t) => t.textContent));
      assert.ok(labels.length >= 3, `${id}: ticks ${labels}`);
      assert.equal(labels[0], '0');
      const ms = labels.map((l) => (l === '0' ? 0 : Math.round(Number.parseFloat(l) * 1000)));
      const step = ms[1];
      assert.ok([50, 100, 200, 500, 1000, 2000, 5000, 10_000].includes(step), `${id}: step ${step} ms (${labels})`);
      ms.forEach((v, i) => assert.equal(v, i * step, `${id}: tick ${labels[i]}`));
    }
  });

  test('the code for this run is open, the real integration, and its Copy button copies it', T, async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await runScenario(page, 'post-key');
    const code = await page.textContent('#sim-code');
    assert.ok(await page.isVisible('#sim-code'), 'not folded away');
    for (const part of ['createFetch(', 'isHttpError(error) || isNetworkError(error)', 'error.userMessage', "'Idempotency-Key': crypto.randomUUID()", "method: 'POST'"]) {
      assert.ok(code.includes(part), `the code has ${part}`);
    }
    await page.click('#sim-run-panel .code-block button[data-copy]');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    assert.equal(await page.textContent('#sim-run-panel .code-block button[data-copy]'), 'Copied');
  });

  test('the outcome follows the chosen language (Arabic: right to left)', T, async () => {
    await setPolicy(page, FAST);
    await runScenario(page, 'outage');
    await page.selectOption('#locale-select', 'ar');
    await page.waitForSelector('#sim-outcome .msg[lang="ar"][dir="rtl"]');
    await page.selectOption('#locale-select', 'en');
    await page.waitForSelector('#sim-outcome .msg[lang="en"][dir="ltr"]');
  });
});

describe('keep one client', () => {
  let page;
  let context;
  let errors;
  before(async () => { ({ page, context, errors } = await openDemo(browser, server.url)); });
  after(async () => { await context?.close(); });

  test('the Outage spends the budget; the page says before the 6th run that it will not retry', T, async () => {
    await setPolicy(page, FAST);
    await page.check('#scenario-outage');
    assert.match(await page.textContent('#scenario-about'), /Keep one client across runs and run this again/);
    await page.check('#sim-shared');
    assert.equal(await page.isVisible('#sim-reset'), true);
    // 10 tokens, 1 a retry, nothing succeeds: five runs retry twice each, the sixth not at all.
    for (let i = 1; i <= 5; i++) {
      const r = await runScenario(page, 'outage');
      assert.equal(r.stop, 'limit', `run ${i}`);
      assert.equal(r.attempts, 3, `run ${i}`);
      assert.equal(r.attempts, r.expected.attempts, `run ${i}: as said`);
    }
    assert.match(await page.textContent('#sim-client'), /Retry budget: 0 of 10 tokens: retries paused until calls succeed/);
    const sixth = await runScenario(page, 'outage');
    assert.deepEqual([sixth.expected.attempts, sixth.expected.stop], [1, 'budget']);
    assert.match(sixth.expected.text, /^1 attempt, which gets a 503; no retry: the retry budget holds 0 of 10 tokens/);
    assert.equal(sixth.stop, 'budget');
    assert.equal(sixth.attempts, 1);
    assert.match(sixth.text, /Retry budget exhausted/);
    // Every other scenario on this client stops early too, and the page says so before it runs.
    const post = await runScenario(page, 'post-key');
    assert.deepEqual([post.expected.attempts, post.expected.stop], [1, 'budget']);
    assert.deepEqual([post.attempts, post.stop], [1, 'budget']);
    // A fresh client again: back to the retry limit.
    await page.uncheck('#sim-shared');
    const fresh = await runScenario(page, 'outage');
    assert.deepEqual([fresh.attempts, fresh.stop], [3, 'limit']);
    assert.deepEqual(unexpected(errors), []);
  });

  test('a 429 cancelled mid-wait holds the next call: it waits the pause, or fails at once when the timeout is shorter', T, async () => {
    // The per-attempt timeout (500 ms) is shorter than the 1 s pause: the held call fails at once.
    await setPolicy(page, { ...FAST, timeout: 500 });
    await page.check('#sim-shared');
    await page.check('#scenario-retry-after');
    await page.click('#sim-run');
    await page.waitForFunction(() => document.getElementById('sim-status').textContent.startsWith('Waiting'));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#sim-outcome[data-outcome="aborted"]', { timeout: 2_000 });
    await page.check('#scenario-flaky');
    const said = await expectationOf(page);
    assert.deepEqual([said.attempts, said.stop], [0, 'held'], said.text);
    const held = await runScenario(page, 'flaky');
    assert.equal(held.outcome, 'http_error');
    assert.equal(held.attempts, 0);
    assert.equal(held.stop, 'held');
    assert.equal(held.kind, 'rate_limited');
    assert.match(held.status, /^✕ 429 held/);
    assert.match(held.text, /nothing sent/);

    // With room for the pause (3 s timeout), the next call waits it out, then goes.
    await setPolicy(page, { ...FAST, timeout: 3000 }); // a new policy: a new client
    await page.check('#scenario-retry-after');
    await page.click('#sim-run');
    await page.waitForFunction(() => document.getElementById('sim-status').textContent.startsWith('Waiting'));
    const started = Date.now();
    await page.click('#sim-cancel');
    await page.waitForSelector('#sim-outcome[data-outcome="aborted"]', { timeout: 2_000 });
    assert.ok(Date.now() - started < 1_000, 'the abort did not wait for the Retry-After');
    assert.match(await page.textContent('#sim-timeline'), /cancelled/);
    const r = await runScenario(page, 'flaky');
    assert.equal(r.outcome, 'success');
    assert.equal(r.cooldown, 1, 'a "held" row before the first attempt');
    assert.equal(r.retries[0].reason, 'cooldown');
    assert.deepEqual(unexpected(errors), []);
    await page.uncheck('#sim-shared');
  });
});

describe('as a person sees it', () => {
  for (const [name, viewport] of [['1280x800', DESKTOP], ['390x844', PHONE]]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${name} ${colorScheme}: after Run the timeline is in view, then what the user sees`, T, async () => {
        const { page, context, errors } = await openDemo(browser, server.url, { viewport, colorScheme });
        try {
          await page.click('.nav a[href="#simulator"]');
          await assertInViewport(page, '#simulator h2', 'the section, from the nav');
          await setPolicy(page, { limit: 2, base: 300, cap: 10_000, jitter: 'full', 'max-retry-after': 60_000, timeout: 3000 });
          // Run is right under the list: press it where it is.
          await page.check('#scenario-retry-after');
          await page.locator('#sim-run').scrollIntoViewIfNeeded();
          await page.click('#sim-run');
          await assertInViewport(page, '#sim-status', 'the status line, while running');
          await assertInViewport(page, '#sim-timeline', 'the timeline, while running');
          await page.waitForSelector('#sim-outcome[data-outcome="success"]', { timeout: 10_000 });
          await assertInViewport(page, '#sim-outcome .msg', 'what the user sees');
          assert.deepEqual(await contrastFailures(page), [], `contrast after a run, ${colorScheme}`);
          if (viewport === PHONE) await assertNoOverflow(page);
          // The screenshot is what the person sees right after the run.
          await shootViewport(page, `simulator-after-run-${name}-${colorScheme}`);
          assert.deepEqual(unexpected(errors), []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('Escape cancels a run: in a wait, and with an attempt in flight (started with Enter)', T, async () => {
    const { page, context } = await openDemo(browser, server.url);
    try {
      await setPolicy(page, { ...FAST, timeout: 3000 });
      await page.check('#scenario-retry-after');
      await page.click('#sim-run');
      await page.waitForFunction(() => document.getElementById('sim-status').textContent.startsWith('Waiting'));
      let started = Date.now();
      await page.keyboard.press('Escape');
      await page.waitForSelector('#sim-outcome[data-outcome="aborted"]', { timeout: 2_000 });
      assert.ok(Date.now() - started < 900, 'cancelled before the 1 s wait ended');
      assert.equal(await page.locator('#sim-outcome .msg').getAttribute('data-kind'), 'aborted');
      assert.match(await page.textContent('#sim-status'), /^■ Cancelled after 1 attempt/);

      // Enter on a scenario runs it, as Run does.
      await page.check('#scenario-hang');
      await page.focus('#scenario-hang');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('sim-status').textContent.startsWith('Attempt 1 in flight'));
      started = Date.now();
      await page.keyboard.press('Escape');
      await page.waitForSelector('#sim-outcome[data-outcome="aborted"]', { timeout: 2_000 });
      assert.ok(Date.now() - started < 2_500, 'cancelled before the 3 s timeout');
      assert.equal(await page.isEnabled('#sim-run'), true);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'sim-run', 'focus returns to Run');
    } finally {
      await context.close();
    }
  });
});

describe('offline and your own URL', () => {
  let page;
  let context;
  let errors;
  before(async () => { ({ page, context, errors } = await openDemo(browser, server.url)); });
  after(async () => { await context?.close(); });

  test('the simulated offline: the banner, "Back online now", no retry spent', T, async () => {
    await setPolicy(page, FAST);
    await page.check('#scenario-offline');
    await page.click('#sim-run');
    await page.waitForSelector('#sim-network:not([hidden])');
    assert.match(await page.textContent('#sim-network'), /Offline \(simulated\): back online in/);
    await page.waitForFunction(() => document.getElementById('sim-status').textContent.startsWith('Offline: waiting'));
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    await page.click('#sim-online');
    await page.waitForSelector('#sim-outcome[data-outcome="success"]', { timeout: 3_000 });
    const r = await readRun(page);
    assert.equal(r.attempts, 2);
    assert.deepEqual(r.retries.map((x) => x.reason), ['offline']);
    assert.match(await page.textContent('#sim-timeline'), /no connection \(offline\)/);
    assert.equal(await page.evaluate(() => navigator.onLine), true);
    assert.equal(await page.isHidden('#sim-network'), true);
  });

  test('the page\'s own offline and online events: a run waits for the network, then goes', T, async () => {
    await setPolicy(page, FAST);
    await context.setOffline(true);
    await page.waitForSelector('#sim-network:not([hidden])');
    assert.match(await page.textContent('#sim-network'), /Your browser is offline/);
    await page.check('#scenario-flaky');
    await page.click('#sim-run');
    await page.waitForFunction(() => document.getElementById('sim-status').textContent.startsWith('Offline: waiting'));
    await context.setOffline(false);
    await page.waitForSelector('#sim-outcome[data-outcome="success"]', { timeout: 5_000 });
    const r = await readRun(page);
    assert.deepEqual(r.retries.map((x) => x.reason), ['offline', 'status', 'status']);
    assert.equal(r.attempts, 4, 'the one sent offline, then 503, 503, 200');
    assert.equal(await page.isHidden('#sim-network'), true);
  });

  test('your own URL: the same client against it; a cross-origin URL without CORS is a network error', T, async () => {
    await setPolicy(page, FAST);
    await page.check('#scenario-own-url');
    assert.match(await page.textContent('#scenario-about'), /Access-Control-Allow-Origin/);
    assert.match(await page.textContent('#scenario-about'), /Access-Control-Expose-Headers/);
    assert.match((await expectationOf(page)).text, /whatever your URL answers/);
    // Same origin: what the server says.
    await page.fill('#own-url', `${server.url}api/outage`);
    assert.match(await page.textContent('#sim-code'), /api\('http:\/\/127\.0\.0\.1:\d+\/api\/outage'/);
    let r = await runScenario(page, 'own-url');
    assert.deepEqual([r.outcome, r.attempts, r.stop, r.kind], ['http_error', 3, 'limit', 'service_unavailable']);
    // Another origin (localhost is not 127.0.0.1) whose server sends no CORS headers: the
    // browser hides the response, fetch throws a TypeError, createFetch retries it as a network error.
    await page.fill('#own-url', server.url.replace('127.0.0.1', 'localhost') + 'api/outage');
    r = await runScenario(page, 'own-url');
    assert.deepEqual([r.outcome, r.attempts, r.stop, r.kind], ['network_error', 3, 'limit', 'network_error']);
    // Not a URL: nothing is sent, the field says why.
    await page.fill('#own-url', 'not a url');
    await page.click('#sim-run');
    assert.equal(await page.getAttribute('#own-url', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#sim-live'), /Type a full URL first/);
    assert.deepEqual(unexpected(errors), []);
  });
});
