// The package as a consumer gets it: `npm pack` the built pkg/, install the tarball into a
// throwaway Vite project in a temp dir, `vite build` it, serve the output on 127.0.0.1 and load
// it in headless Chromium; and import the package by name from a Node ESM script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { pkgDir } from '../support/pkg.mjs';
import { serveStatic } from '../support/static-server.mjs';
import { launchChromium, openPage } from '../support/browser.mjs';

let work;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'http-triage-consumer-'));
  const out = execFileSync('npm', ['pack', pkgDir, '--pack-destination', work, '--json', '--loglevel=error'], { encoding: 'utf8' });
  const [{ filename, files }] = JSON.parse(out);
  const packed = files.map((f) => f.path);
  const adapters = ['tanstack-query', 'axios', 'ky', 'ofetch'].flatMap((a) => [`adapters/${a}.js`, `adapters/${a}.node.js`, `adapters/${a}.d.ts`]);
  for (const f of ['package.json', 'index.js', 'node.js', 'index.d.ts', 'http_triage_bg.wasm', 'descriptions.js', 'descriptions.d.ts', ...adapters]) {
    assert.ok(packed.includes(f), `the tarball lacks ${f}`);
  }
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(work, filename)], { cwd: work, stdio: 'inherit' });
  writeFileSync(join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,"><p id="out">loading</p><script type="module" src="./main.js"></script>\n');
  // The adapter subpaths (issue 16) load beside the main entry and share its wasm instance.
  writeFileSync(join(work, 'main.js'), "import { classify, RetryPolicy } from 'http-triage';\nimport { createRetry } from 'http-triage/tanstack-query';\nimport { interceptors } from 'http-triage/axios';\nimport { createOptions as ky } from 'http-triage/ky';\nimport { createOptions as ofetch } from 'http-triage/ofetch';\nconst policy = new RetryPolicy({ limit: 4 });\nconst shared = ky({ policy }).retry.limit === 4 && ofetch({ policy }).retry === 4 && typeof createRetry({ policy }).retry === 'function' && typeof interceptors === 'function';\ndocument.getElementById('out').textContent = classify(503).reason + (shared ? '' : ' (adapters missing)');\n");
  writeFileSync(join(work, 'node-check.mjs'), "import { classify, classifyError, addDescriptions, RetryPolicy } from 'http-triage';\nimport descriptions from 'http-triage/descriptions.js';\nimport { createRetry } from 'http-triage/tanstack-query';\nimport { interceptors } from 'http-triage/axios';\nimport { createOptions as ky } from 'http-triage/ky';\nimport { createOptions as ofetch } from 'http-triage/ofetch';\nconst short = classify(503).description;\naddDescriptions(descriptions);\nconst policy = new RetryPolicy({ limit: 4 });\nconst adapters = [ky({ policy }).retry.limit, ofetch({ policy }).retry, createRetry({ policy }).retry(0, { name: 'HTTPError', status: 503, response: {} }), typeof interceptors];\nconsole.log(JSON.stringify({ reason: classify(503).reason, err: classifyError(new TypeError('fetch failed')), long: classify(503).description.length > short.length, adapters }));\n");
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a Vite build of an app that imports the tarball shows classify(503).reason in Chromium', async () => {
  await build({ root: work, logLevel: 'warn', build: { outDir: join(work, 'dist'), emptyOutDir: true } });
  const assets = readdirSync(join(work, 'dist/assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `vite emitted one wasm: ${assets}`);
  const server = await serveStatic(join(work, 'dist'));
  const browser = await launchChromium();
  try {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 10_000 });
    assert.equal(await page.textContent('#out'), 'Service Unavailable');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a Node ESM script imports the package and its descriptions pack by name', () => {
  const out = execFileSync(process.execPath, ['node-check.mjs'], { cwd: work, encoding: 'utf8' });
  // A policy of the main entry is the adapters' own (one instance): its limit reaches them.
  assert.deepEqual(JSON.parse(out), { reason: 'Service Unavailable', err: { kind: 'network_error', retryable: true }, long: true, adapters: [4, 4, true, 'function'] });
});
