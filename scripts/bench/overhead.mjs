// Wrapper overhead and zero-delay retries: sequential GETs to a loopback node:http server (its
// own process) through raw fetch, ky, ofetch and createFetch. Runs are interleaved (A B C …,
// rotated each round) and each round's time per request is compared with raw fetch's (or the
// raw retry loop's) in the same round.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadPkg } from './env.mjs';
import { median, quartiles, fmtMs, fmtRatio } from './stats.mjs';

// Short rounds, many of them: a GC pause or a noisy neighbour spoils one round, and the median
// over the rounds ignores it. 25 is a multiple of 5, so every failure-scenario round holds
// exactly 5 failing requests.
const ROUNDS = 120;
const PER_ROUND = 25; // 120 x 25 = 3,000 requests per variant
const WARMUP = 300;
export const RETRY_TARGET = 1.1;
const RAW = 'raw fetch';
const RAW_SIGNAL = 'raw fetch + a new AbortController signal';
const RAW_RETRY = 'raw fetch + hand-written retry loop (retries at once)';
const TRIAGE = 'createFetch()';
const KY_MATCHED = 'ky, timeout: false';
const TRIAGE_T = 'createFetch({ timeoutMs: 10_000 })';
const KY_DEFAULT = 'ky (defaults: 10 s timeout)';
const TRIAGE_FAIL = 'createFetch({ retry: { baseDelayMs: 0, budget: false } })';
const KY_FAIL = 'ky, retry delay 0, timeout: false';
const OFETCH_FAIL = 'ofetch, retryDelay 0';

async function startServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./http-server.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    once(child.stdout, 'data'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the overhead server did not start')), 10_000)),
  ]);
  return { url: String(line).trim(), stop: () => { child.stdin.end(); child.kill('SIGTERM'); } };
}

/** Runs `variants` ({ name: async (url) => void }) interleaved; resolves to { name: [ms per request per round] }. */
async function interleave(variants, urlOf) {
  const names = Object.keys(variants);
  const out = Object.fromEntries(names.map((n) => [n, []]));
  const ids = Object.fromEntries(names.map((n) => [n, 0]));
  for (let r = -1; r < ROUNDS; r++) {
    const count = r < 0 ? WARMUP : PER_ROUND;
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(r, 0)) % names.length];
      const tag = String.fromCharCode(97 + names.indexOf(name));
      const call = variants[name];
      const t0 = performance.now();
      for (let k = 0; k < count; k++) await call(urlOf(tag, ids[name]++));
      const dt = performance.now() - t0;
      if (r >= 0) out[name].push(dt / count);
    }
  }
  return out;
}

/**
 * The wrapper alone: createFetch over a stub fetch that answers at once, against calling the stub
 * directly (no network, so only the wrapper's own work is timed). Returns µs per call (medians).
 */
async function stubOverhead(createFetch) {
  const response = new Response(null, { status: 204 });
  const stub = async () => response;
  const wrapped = createFetch({ fetch: stub });
  const withSignal = async (input, init) => stub(input, { ...init, signal: new AbortController().signal });
  const variants = {
    'stub fetch called directly': (u) => stub(u),
    'stub + a new AbortController per call': (u) => withSignal(u),
    'createFetch() over the stub': (u) => wrapped(u),
  };
  const out = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const names = Object.keys(variants);
  for (let r = -5; r < 30; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(r, 0)) % names.length];
      const t0 = performance.now();
      for (let k = 0; k < 2_000; k++) await variants[name]('http://127.0.0.1/x');
      if (r >= 0) out[name].push(((performance.now() - t0) / 2_000) * 1000);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
}

/** Node side (fresh process). */
export async function node() {
  const { createFetch } = await loadPkg();
  const { default: ky } = await import('ky');
  const { ofetch } = await import('ofetch');
  const server = await startServer();
  try {
    const api = createFetch();
    const apiTimeout = createFetch({ timeoutMs: 10_000 });
    const kyNoTimeout = ky.create({ timeout: false });
    const success = await interleave({
      [RAW]: async (url) => { const r = await fetch(url); if (!r.ok) throw new Error(`status ${r.status}`); await r.text(); },
      [TRIAGE]: async (url) => { await (await api(url)).text(); },
      [KY_MATCHED]: async (url) => { await kyNoTimeout.get(url).text(); },
      [TRIAGE_T]: async (url) => { await (await apiTimeout(url)).text(); },
      [KY_DEFAULT]: async (url) => { await ky.get(url).text(); },
      [RAW_SIGNAL]: async (url) => { const r = await fetch(url, { signal: new AbortController().signal }); await r.text(); },
    }, (tag, id) => `${server.url}ok/${tag}${id}`);

    const retries = { [TRIAGE_FAIL]: 0, [KY_FAIL]: 0, [RAW_RETRY]: 0, [OFETCH_FAIL]: 0 };
    const apiFail = createFetch({ retry: { baseDelayMs: 0, budget: false }, onRetry: () => { retries[TRIAGE_FAIL]++; } });
    const kyFail = ky.create({
      timeout: false,
      retry: { limit: 2, delay: () => 0 },
      hooks: { beforeRetry: [() => { retries[KY_FAIL]++; }] },
    });
    const ofetchFail = ofetch.create({ retry: 2, retryDelay: 0, onResponseError: () => { retries[OFETCH_FAIL]++; } });
    const failure = await interleave({
      [RAW_RETRY]: async (url) => {
        for (let attempt = 1; ; attempt++) {
          const r = await fetch(url);
          if (r.status === 503 && attempt <= 2) { await r.body?.cancel(); retries[RAW_RETRY]++; continue; }
          if (!r.ok) throw new Error(`status ${r.status}`);
          await r.text();
          return;
        }
      },
      [TRIAGE_FAIL]: async (url) => { await (await apiFail(url)).text(); },
      [KY_FAIL]: async (url) => { await kyFail.get(url).text(); },
      [OFETCH_FAIL]: async (url) => { await ofetchFail(url, { responseType: 'text' }); },
    }, (tag, id) => `${server.url}flaky/${tag}${id}`);
    const stub = await stubOverhead(createFetch);
    return { success, failure, retries, stub, requests: ROUNDS * PER_ROUND };
  } finally {
    server.stop();
  }
}

export async function run(ctx) {
  const res = await ctx.child('overhead');
  const rows = [];
  const data = {};
  const FAIL = '20% fail once (503, Retry-After: 0)';
  const sets = { 'all succeed': res.success, [FAIL]: res.failure };
  const ratios = (scenario, a, b) => sets[scenario][a].map((x, i) => x / sets[scenario][b][i]);
  const pair = (scenario, a, b) => median(ratios(scenario, a, b));
  for (const [scenario, base] of [['all succeed', RAW], [FAIL, RAW_RETRY]]) {
    for (const [name, perRound] of Object.entries(sets[scenario])) {
      const ratio = pair(scenario, name, base);
      const iqr = quartiles(ratios(scenario, name, base));
      data[`${scenario}: ${name}`] = { medianMs: median(perRound), ratio, iqr };
      rows.push([scenario, name, fmtMs(median(perRound)), name === base ? '1.00x (baseline)' : `${fmtRatio(ratio)} (IQR ${iqr.map((x) => x.toFixed(2)).join('–')})`]);
    }
  }
  const d = (s, n) => data[`${s}: ${n}`];
  const triageVsKy = pair('all succeed', TRIAGE, KY_MATCHED);
  const triageTVsKy = pair('all succeed', TRIAGE_T, KY_DEFAULT);
  const failVsKy = pair(FAIL, TRIAGE_FAIL, KY_FAIL);
  const failVsOfetch = pair(FAIL, TRIAGE_FAIL, OFETCH_FAIL);
  const stubNote = Object.entries(res.stub).map(([k, v]) => `${k} ${v.toFixed(2)} µs`).join(', ');
  const extraUs = (d('all succeed', TRIAGE).medianMs - d('all succeed', RAW).medianMs) * 1000;
  const zero = d(FAIL, TRIAGE_FAIL);
  const targets = [
    {
      label: `zero-delay retries: createFetch({ retry: { baseDelayMs: 0, budget: false } }) within ${RETRY_TARGET}x of a raw fetch retry loop (20% fail once, Retry-After: 0)`,
      value: `${fmtRatio(zero.ratio)}, per-round IQR ${zero.iqr.map((x) => x.toFixed(2)).join('–')} (${fmtMs(zero.medianMs)} vs ${fmtMs(d(FAIL, RAW_RETRY).medianMs)} per request); ky ${fmtRatio(d(FAIL, KY_FAIL).ratio)}, ofetch ${fmtRatio(d(FAIL, OFETCH_FAIL).ratio)}`,
      met: zero.ratio <= RETRY_TARGET,
      key: 'retry-zero',
    },
    {
      label: 'createFetch time per successful request within 2% of raw fetch',
      value: `${fmtRatio(d('all succeed', TRIAGE).ratio)}, per-round IQR ${d('all succeed', TRIAGE).iqr.map((x) => x.toFixed(2)).join('–')} (${fmtMs(d('all succeed', TRIAGE).medianMs)} vs ${fmtMs(d('all succeed', RAW).medianMs)}; ${extraUs >= 0 ? '+' : ''}${extraUs.toFixed(1)} µs)`,
      met: d('all succeed', TRIAGE).ratio <= 1.02,
      key: 'overhead-raw',
    },
    {
      label: 'createFetch time per successful request not above ky',
      value: `${fmtRatio(triageVsKy)} of ky with the same config (no timeout); ${fmtRatio(triageTVsKy)} with a 10 s timeout each`,
      met: triageVsKy <= 1 && triageTVsKy <= 1,
      key: 'overhead-ky',
    },
  ];
  return {
    id: 'overhead',
    title: `Wrapper overhead and zero-delay retries, Node (time per request: median of ${ROUNDS} interleaved rounds of ${PER_ROUND} sequential GETs = ${res.requests} per variant; ratio: median of per-round ratios)`,
    columns: ['scenario', 'client', 'per request', 'vs raw fetch (loop)'],
    rows,
    targets,
    data: { ...data, stub: res.stub, triageVsKy, triageTVsKy, failVsKy, failVsOfetch, retries: res.retries, rounds: { success: res.success, failure: res.failure } },
    notes: [
      'Server: node:http on 127.0.0.1 in its own process, keep-alive, a 60-byte JSON body; every client reads the body as text.',
      `Failure scenario: request ids divisible by 5 answer 503 with Retry-After: 0 once, then 200. The raw loop retries at once (no timer); createFetch has \`baseDelayMs: 0\` and \`budget: false\` (with the default budget, a sustained 20% failure rate spends the tokens — successes give back a tenth of a token each, as gRPC's throttling does — and retrying stops by design, so the raw loop would do more work); ky and ofetch are set to a zero delay. Retries counted: ${Object.entries(res.retries).map(([k, v]) => `${k.split(/[,(]/)[0].trim()} ${v}`).join(', ')}.`,
      `The wrapper alone, over a stub fetch that answers at once (median µs per call of 30 interleaved batches of 2,000): ${stubNote}.`,
      `createFetch against the others with the same configuration: ${fmtRatio(triageVsKy)} of ky (no timeouts), ${fmtRatio(triageTVsKy)} (10 s timeout); with 20% zero-delay failures ${fmtRatio(failVsKy)} of ky and ${fmtRatio(failVsOfetch)} of ofetch.`,
    ],
  };
}
