// One start-up sample in a fresh page: ?what=<candidate>. The clock starts right before the
// dynamic import and stops after the first call, so it covers fetching the modules (and the
// wasm), compiling, instantiating and the first answer. The result goes to window.result.
// With ?warm=1 the modules come from /cached/… (cacheable): the runner loads the page twice in
// one browser context and keeps the second sample, a repeat visit with the HTTP cache (and
// Chromium's compiled-code caches) warm.
const params = new URLSearchParams(location.search);
const what = params.get('what');
const base = params.get('warm') === '1' ? '/cached' : '';

const CANDIDATES = {
  'http-triage': async () => (await import(`${base}/pkg/index.js`)).classify(200).reason,
  'http-triage, esbuild bundle': async () => (await import(`${base}/vendor/http-triage.js`)).classify(200).reason,
  statuses: async () => (await import(`${base}/vendor/statuses.js`)).default(200),
  ky: async () => typeof (await import(`${base}/vendor/ky.js`)).default.get,
  'ky + statuses + http-status-codes bundle': async () => (await import(`${base}/vendor/ky+statuses+http-status-codes.js`)).statuses(200),
};

/** Where the time of http-triage's start-up goes, step by step (ms per step). */
async function breakdown() {
  const t = [performance.now()];
  const glue = await import(`${base}/js/http_triage_web.js`);
  const { makeApi } = await import(`${base}/js/core.js`);
  t.push(performance.now());
  const bytes = await (await fetch(`${base}/pkg/http_triage_bg.wasm`)).arrayBuffer();
  t.push(performance.now());
  const module = await WebAssembly.compile(bytes);
  t.push(performance.now());
  await glue.default({ module_or_path: module });
  t.push(performance.now());
  const api = makeApi(glue);
  api.classify(200);
  t.push(performance.now());
  api.userMessage(404, { locale: 'en' });
  t.push(performance.now());
  const steps = ['import the JS modules', 'fetch the wasm', 'WebAssembly.compile', 'instantiate (init)', 'makeApi + first classify', 'first userMessage'];
  return Object.fromEntries(steps.map((s, i) => [s, t[i + 1] - t[i]]));
}

try {
  if (what === 'breakdown') {
    window.result = { steps: await breakdown() };
  } else {
    const t0 = performance.now();
    const answer = await CANDIDATES[what]();
    window.result = { ms: performance.now() - t0, answer, isolated: globalThis.crossOriginIsolated === true };
  }
} catch (e) {
  window.result = { error: String(e?.stack ?? e) };
}
