// The adapters and other clients' errors in real Chromium: a page bundled with esbuild from
// node_modules (axios, ky, ofetch, wretch, @tanstack/query-core) imports /pkg/index.js and the
// /pkg/adapters/* subpaths, calls the scenario server on another loopback port (through CORS) and
// hands plain data back; the assertions run in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from '../support/pkg.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { launchChromium, openPage } from '../support/browser.mjs';
import { startScenarioServer } from '../support/scenario-server.mjs';

let site;
let api;
let browser;
let closedUrl;

before(async () => {
  const dir = join(root, 'target/adapters-page');
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(root, 'tests/support/adapters-page.mjs')],
    outfile: join(dir, 'page.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['/pkg/*'],
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>adapters</title><link rel="icon" href="data:,"><p id="out">loading</p><script type="module" src="./page.js"></script>\n');
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${probe.address().port}/nothing-here`;
  await new Promise((resolve) => probe.close(resolve));
  [site, api, browser] = await Promise.all([serveStatic(root), startScenarioServer(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await api?.close();
  await site?.close();
});

/** Opens the page, waits until its script ran, evaluates `fn(arg)` there; fails on page errors. */
async function inPage(fn, arg) {
  const { page, errors } = await openPage(browser, `${site.url}target/adapters-page/index.html`);
  try {
    await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 10_000 });
    assert.equal(await page.textContent('#out'), 'ready');
    const result = await page.evaluate(fn, arg);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
    return result;
  } finally {
    await page.close();
  }
}

test('Chromium: every error shape of axios (xhr and fetch adapters), ky, ofetch and wretch is classified, with its status and wait', async () => {
  const base = api.url;
  const results = await inPage(({ base: b, closed }) => window.shapes({
    scenarioUrl: (scenario, key) => `${b}s/${scenario}/${key}`,
    closedUrl: closed,
  }), { base, closed: closedUrl });
  assert.equal(results.length, 21);
  for (const r of results) {
    const label = `${r.library}: ${r.label} (${JSON.stringify(r.shape)})`;
    assert.deepEqual(r.actual, r.expect, label);
    assert.deepEqual(r.message, r.expectedMessage, label);
  }
});

test('Chromium: each adapter subpath loads, shares the page\'s wasm instance and retries a 503 then succeeds', async () => {
  const out = await inPage(({ base }) => window.adapters({ scenarioUrl: (scenario, key) => `${base}s/${scenario}/${key}` }), { base: api.url });
  assert.deepEqual(out, {
    axios: { ok: true, reasons: ['status'] },
    ky: { ok: true, reasons: ['status'] },
    ofetch: { ok: true, reasons: ['status'] },
    'tanstack-query': { ok: true, reasons: ['status'] },
  });
  for (const name of Object.keys(out)) assert.equal(api.count(`unavailable-once/page-${name}`), 2, name);
});
