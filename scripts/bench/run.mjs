// Runs every benchmark over whatever pkg/ holds, prints the table and writes BENCHMARKS.md
// (scripts/bench.sh calls it after the build). `node scripts/bench/run.mjs --only size,speed`
// runs a subset and leaves BENCHMARKS.md alone (its figures go to
// target/bench/results-partial.json). `--render` measures nothing: it renders BENCHMARKS.md
// again from the last full run's figures (target/bench/results.json), for when only the
// wording changed.
import { spawn } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { root, machine } from './env.mjs';
import { vendorBundles, versions } from './bundle.mjs';
import { startBenchServer } from './server.mjs';
import { renderText, renderMarkdown } from './report.mjs';
import { launchChromium } from '../../tests/support/browser.mjs';

const MODULES = ['size', 'size-profile', 'speed', 'classify', 'crossings', 'firstuse', 'startup', 'memory', 'overhead', 'freeing'];
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : null;
const selected = only ? MODULES.filter((m) => only.includes(m)) : MODULES;
const log = (s) => process.stderr.write(`bench: ${s}\n`);

/**
 * Runs a module's Node side in a fresh process (child.mjs, with `opts` as JSON and node flags
 * `execArgv`) and resolves to its JSON result.
 */
function child(name, opts = null, execArgv = [], timeoutMs = 300_000) {
  return new Promise((resolve, reject) => {
    const args = [...execArgv, fileURLToPath(new URL('./child.mjs', import.meta.url)), name, ...(opts ? [JSON.stringify(opts)] : [])];
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => { p.kill('SIGTERM'); reject(new Error(`${name}: timed out`)); }, timeoutMs);
    p.stdout.on('data', (d) => { out += d; });
    p.on('error', reject);
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`${name}: the Node side exited ${code}`));
      else resolve(JSON.parse(out));
    });
  });
}

if (process.argv.includes('--render')) {
  const saved = JSON.parse(readFileSync(join(root, 'target/bench/results.json'), 'utf8'));
  if (saved.partial) throw new Error('target/bench/results.json is from a partial run (--only): run make bench');
  writeFileSync(join(root, 'BENCHMARKS.md'), renderMarkdown(saved));
  log('rendered BENCHMARKS.md from target/bench/results.json');
  process.exit(0);
}

const t0 = performance.now();
const loadStart = loadavg()[0];
const needsBrowser = selected.some((m) => ['speed', 'classify', 'firstuse'].includes(m));
if (needsBrowser) await vendorBundles();
let server = null;
let browser = null;
let page = null;
const sections = [];
try {
  if (needsBrowser) {
    server = await startBenchServer();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (e) => log(`page error: ${e}`));
    await page.goto(`${server.url}bench/page/bench.html`, { timeout: 30_000 });
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    if (!(await page.evaluate(() => window.bench.isolated()))) log('warning: the page is not cross-origin isolated (coarse timers)');
  }
  const ctx = { child, page, browser, serverUrl: server?.url, log, sizeData: null };
  for (const name of selected) {
    const s0 = performance.now();
    log(`${name}…`);
    const mod = await import(`./${name}.mjs`);
    const out = [await mod.run(ctx)].flat();
    if (name === 'size') ctx.sizeData = out[0].data;
    sections.push(...out);
    log(`${name} done in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
  }
} finally {
  await page?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close();
}

const report = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  command: 'make bench',
  machine: { ...machine(), loadStart, loadEnd: loadavg()[0] },
  versions: versions(),
  sections,
  durationS: (performance.now() - t0) / 1000,
  partial: only !== null,
};
console.log(renderText(report));
mkdirSync(join(root, 'target/bench'), { recursive: true });
// A partial run (--only) keeps its figures apart, so --render always has the last full run.
writeFileSync(join(root, only ? 'target/bench/results-partial.json' : 'target/bench/results.json'), JSON.stringify(report, null, 2));
if (!only) {
  writeFileSync(join(root, 'BENCHMARKS.md'), renderMarkdown(report));
  log('wrote BENCHMARKS.md');
}
