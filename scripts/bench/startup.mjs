// Start-up: from the import to the first call, in Chromium (a fresh browser context and page per
// sample, nothing cached) and in Node (a fresh process per sample). Candidates are interleaved.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, fmtMs, fmtRatio } from './stats.mjs';

const CHROMIUM_SAMPLES = 15;
const NODE_SAMPLES = 15;
const BROWSER_CANDIDATES = ['http-triage', 'http-triage, esbuild bundle', 'statuses', 'ky', 'ky + statuses + http-status-codes bundle'];
const WARM_CANDIDATES = ['http-triage', 'statuses', 'ky', 'breakdown'];
const NODE_CANDIDATES = ['http-triage', 'statuses', 'ky', 'no import (empty)'];

/**
 * Loads of the page before the measured one in a warm sample (they fill the caches). Chromium's
 * third load of a page sometimes takes 3x as long (caches being written); after four it is steady.
 */
const WARM_PRIMING_LOADS = 4;

/**
 * One sample in a new browser context: the first load (cold, nothing cached), or with `warm` the
 * load after WARM_PRIMING_LOADS earlier ones in the same context (a repeat visit).
 */
async function chromiumSample(ctx, what, warm = false) {
  const context = await ctx.browser.newContext();
  try {
    const page = await context.newPage();
    let result;
    for (let load = 0; load <= (warm ? WARM_PRIMING_LOADS : 0); load++) {
      await page.goto(`${ctx.serverUrl}bench/page/startup.html?what=${encodeURIComponent(what)}${warm ? '&warm=1' : ''}`, { timeout: 20_000 });
      await page.waitForFunction(() => window.result !== undefined, null, { timeout: 20_000 });
      result = await page.evaluate(() => window.result);
      if (result.error) throw new Error(`start-up sample ${what}: ${result.error}`);
    }
    return result;
  } finally {
    await context.close();
  }
}

function nodeSample(what) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [fileURLToPath(new URL('./startup-child.mjs', import.meta.url)), what], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = performance.now() - t0;
      if (code !== 0) reject(new Error(`node start-up sample ${what} exited ${code}`));
      else resolve({ inProcess: Number(out.trim()), wall });
    });
  });
}

export async function run(ctx) {
  const rows = [];
  const targets = [];
  const data = {};
  if (ctx.browser) {
    // The step-by-step breakdown of http-triage's start-up runs in the same rotation, so it sees
    // the same machine state as the candidates.
    const order = [...BROWSER_CANDIDATES, 'breakdown'];
    const samples = Object.fromEntries(BROWSER_CANDIDATES.map((c) => [c, []]));
    const warmSamples = Object.fromEntries(WARM_CANDIDATES.filter((c) => c !== 'breakdown').map((c) => [c, []]));
    const steps = [];
    const warmSteps = [];
    let isolated = true;
    for (let i = -1; i < CHROMIUM_SAMPLES; i++) {
      for (let k = 0; k < order.length; k++) {
        const what = order[(k + Math.max(i, 0)) % order.length];
        const r = await chromiumSample(ctx, what);
        if (i < 0) continue;
        if (what === 'breakdown') steps.push(r.steps);
        else { isolated &&= r.isolated; samples[what].push(r.ms); }
      }
      for (let k = 0; k < WARM_CANDIDATES.length; k++) {
        const what = WARM_CANDIDATES[(k + Math.max(i, 0)) % WARM_CANDIDATES.length];
        const r = await chromiumSample(ctx, what, true);
        if (i < 0) continue;
        if (what === 'breakdown') warmSteps.push(r.steps);
        else warmSamples[what].push(r.ms);
      }
    }
    const stepMedians = Object.fromEntries(Object.keys(steps[0]).map((s) => [s, median(steps.map((x) => x[s]))]));
    const warmStepMedians = Object.fromEntries(Object.keys(warmSteps[0]).map((s) => [s, median(warmSteps.map((x) => x[s]))]));
    const base = samples.statuses;
    for (const [what, xs] of Object.entries(samples)) {
      rows.push(['Chromium', what, fmtMs(median(xs)), fmtRatio(median(xs) / median(base))]);
    }
    const warmBase = warmSamples.statuses;
    for (const [what, xs] of Object.entries(warmSamples)) {
      rows.push(['Chromium, repeat visit (HTTP cache warm)', what, fmtMs(median(xs)), fmtRatio(median(xs) / median(warmBase))]);
    }
    data.chromium = {
      medians: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
      warmMedians: Object.fromEntries(Object.entries(warmSamples).map(([k, v]) => [k, median(v)])),
      steps: stepMedians,
      warmSteps: warmStepMedians,
      isolated,
    };
    const ms = median(samples['http-triage']);
    const warmMs = median(warmSamples['http-triage']);
    const wasmOnly = ['WebAssembly.compile', 'instantiate (init)', 'makeApi + first classify'].reduce((s, k) => s + (stepMedians[k] ?? 0), 0);
    targets.push({
      label: 'instantiation <= 5 ms in Chromium (import to first classify)',
      value: `repeat visit ${fmtMs(warmMs)}; first visit (nothing cached) ${fmtMs(ms)}, of which compile + instantiate + first classify ${fmtMs(wasmOnly)}`,
      met: warmMs <= 5,
      key: 'startup',
    });
  }
  const nodeSamples = Object.fromEntries(NODE_CANDIDATES.map((c) => [c, []]));
  for (let i = -1; i < NODE_SAMPLES; i++) {
    for (let k = 0; k < NODE_CANDIDATES.length; k++) {
      const what = NODE_CANDIDATES[(k + Math.max(i, 0)) % NODE_CANDIDATES.length];
      const r = await nodeSample(what);
      if (i >= 0) nodeSamples[what].push(r);
    }
  }
  const empty = median(nodeSamples['no import (empty)'].map((r) => r.wall));
  const nodeStatuses = median(nodeSamples.statuses.map((r) => r.inProcess));
  data.node = {};
  for (const [what, xs] of Object.entries(nodeSamples)) {
    const inProc = median(xs.map((r) => r.inProcess));
    const wall = median(xs.map((r) => r.wall));
    data.node[what] = { inProcess: inProc, wall };
    rows.push(['Node', what, fmtMs(inProc), what === 'no import (empty)' ? '—' : fmtRatio(inProc / nodeStatuses),
      `process ${fmtMs(wall)} (${what === 'no import (empty)' ? 'baseline' : `+${fmtMs(Math.max(0, wall - empty))}`})`]);
  }
  for (const r of rows) if (r.length < 5) r.push('');
  const stepsNote = data.chromium
    ? [
      `Chromium, where http-triage's start-up goes (median of ${CHROMIUM_SAMPLES} fresh pages, each step timed alone): ${Object.entries(data.chromium.steps).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')}.`,
      `The same steps on a repeat visit: ${Object.entries(data.chromium.warmSteps).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')}.`,
    ]
    : [];
  return {
    id: 'startup',
    title: `Start-up, import to first call (median of ${CHROMIUM_SAMPLES} fresh Chromium contexts / ${NODE_SAMPLES} fresh Node processes per candidate, interleaved; ratio to statuses)`,
    columns: ['engine', 'what', 'import -> first call', 'vs statuses', 'note'],
    rows,
    targets,
    data,
    notes: [
      'Chromium, first visit: every sample is a new browser context and page; the loopback server sends no-store, so the modules and the wasm are fetched and compiled each time. '
        + `Repeat visit: a new context loads the page ${WARM_PRIMING_LOADS + 1} times with cacheable modules and the last load is timed (HTTP cache, V8 code cache and wasm code cache warm). `
        + 'The page is cross-origin isolated, so performance.now() has 5 µs resolution.'
        + (data.chromium && !data.chromium.isolated ? ' (This run was NOT isolated: 100 µs resolution.)' : ''),
      'Node: the time inside a fresh process from right before the import to after the first call; "process" is the whole run of that process, against an empty one.',
      ...stepsNote,
    ],
  };
}
