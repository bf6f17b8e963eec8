// The retry simulator's scenarios, served for real by the demo server under /api/.
// Each scenario is a small, deterministic HTTP behaviour keyed by a per-run id (?run=…), so
// that two runs (or two browser tabs) never share their attempt counters.
//
//   GET  /api/scenarios            the list below, as JSON (with the dead port's URL filled in)
//   GET  /api/ok?run=ID            200 (the offline scenario's request, once back online)
//   GET  /api/flaky?run=ID         503, 503, then 200
//   GET  /api/outage?run=ID        503 forever
//   GET  /api/retry-after?run=ID   429 Retry-After: <seconds>, then 200
//   GET  /api/retry-date?run=ID    429 Retry-After: <HTTP-date>, then 200
//   GET  /api/rate-limit?run=ID    429 RateLimit: "default";r=0;t=<seconds>, then 200
//   GET  /api/hang                 never answers (until the client gives up, 60 s at most)
//   POST /api/orders?run=ID        503 on the first attempt, then 201 (replayed per Idempotency-Key)
//   GET  /api/xss                  400 problem+json whose detail is an HTML injection attempt
import { createServer } from 'node:http';

/** How long the server asks clients to wait in the Retry-After / RateLimit scenarios (default). */
const WAIT_SECONDS = 2;
/** The longest a hanging request is held open. */
const HANG_MAX_MS = 60_000;
/** Run ids remembered at most (oldest forgotten first). */
const MAX_RUNS = 1_000;

export const XSS_DETAIL = '<img src=x onerror="window.__xss=1">';

/**
 * What the page lists, in order. `path` is relative to the server (null: the page supplies the
 * URL: the dead port's, or the user's own). `model` is what the server does, in the terms the
 * page's expectation line (www/js/expectation.js) turns into attempts for the policy in the form:
 *   failures   failing answers before a success (null: it never succeeds)
 *   fails      what a failing attempt gets, in words ('503', 'a timeout', …)
 *   error      the error a failing call ends with: 'http_error' | 'network_error'
 *   ok         the status of the success
 *   retryable  false: the first failure is final, for the reason `stop`
 *   cost       tokens a retry takes from the budget (2 after a timed-out attempt, else 1)
 *   waitMs     the wait the server asks for (Retry-After, RateLimit)
 *   offlineMs  the page is offline (simulated) for this long from the start of the run
 * The summaries say what the server does; the page adds what this policy makes of it.
 */
const scenarioList = (seconds) => [
  {
    id: 'flaky', method: 'GET', path: '/api/flaky',
    title: 'Flaky upstream',
    summary: 'Answers 503 twice, then 200. Each retry waits a little longer than the last, with jitter.',
    model: { failures: 2, fails: 'a 503', error: 'http_error', ok: 200 },
  },
  {
    id: 'outage', method: 'GET', path: '/api/outage',
    title: 'Outage',
    summary: 'Always 503. A fresh client stops at the retry limit. Keep one client across runs and run this '
      + 'again and again: retries spend the budget, nothing refills it, and the client stops retrying '
      + 'instead of multiplying the load on a server that is down.',
    model: { failures: null, fails: 'a 503', error: 'http_error' },
  },
  {
    id: 'offline', method: 'GET', path: '/api/ok',
    title: 'Offline, then back online',
    summary: `The page goes offline for ${seconds} s (simulated: navigator.onLine is false and the `
      + 'offline event fires). The request fails without a response; createFetch waits for the online '
      + 'event instead of spending retries, then sends it again.',
    model: { failures: 0, fails: 'no connection', error: 'network_error', ok: 200, offlineMs: seconds * 1000 },
  },
  {
    id: 'retry-after', method: 'GET', path: '/api/retry-after',
    title: '429 + Retry-After (seconds)',
    summary: `Rate limited with Retry-After: ${seconds}, then 200. The wait is exactly what the server asked, without jitter.`,
    model: { failures: 1, fails: 'a 429', error: 'http_error', ok: 200, waitMs: seconds * 1000 },
  },
  {
    id: 'retry-date', method: 'GET', path: '/api/retry-date',
    title: '429 + Retry-After (HTTP-date)',
    summary: `Retry-After as an IMF-fixdate about ${seconds} s ahead (the other form RFC 9110 allows), then 200.`,
    model: { failures: 1, fails: 'a 429', error: 'http_error', ok: 200, waitMs: seconds * 1000 },
  },
  {
    id: 'rate-limit', method: 'GET', path: '/api/rate-limit',
    title: '429 + RateLimit field',
    summary: `No Retry-After, only the IETF RateLimit field "default";r=0;t=${seconds}, then 200.`,
    model: { failures: 1, fails: 'a 429', error: 'http_error', ok: 200, waitMs: seconds * 1000 },
  },
  {
    id: 'hang', method: 'GET', path: '/api/hang',
    title: 'Hanging upstream',
    summary: 'The server never answers. Each attempt is cut by the per-attempt timeout, then retried; '
      + 'a retry after a timeout takes 2 tokens from the budget.',
    model: { failures: null, fails: 'a timeout', error: 'network_error', cost: 2 },
  },
  {
    id: 'post-no-key', method: 'POST', path: '/api/orders', body: '{"item":"book","qty":1}',
    headers: { 'content-type': 'application/json' },
    title: 'POST without Idempotency-Key',
    summary: '503 on a POST. Not retried: sending it again could place the order twice.',
    model: { failures: 1, fails: 'a 503', error: 'http_error', ok: 201, retryable: false, stop: 'method' },
  },
  {
    id: 'post-key', method: 'POST', path: '/api/orders', body: '{"item":"book","qty":1}',
    headers: { 'content-type': 'application/json', 'idempotency-key': '' },
    title: 'POST with Idempotency-Key',
    summary: 'The same 503, then 201, but the request carries an Idempotency-Key: the server can tell a repeat, so a retry is safe.',
    model: { failures: 1, fails: 'a 503', error: 'http_error', ok: 201 },
  },
  {
    id: 'dead-port', method: 'GET', path: null,
    title: 'Dead port',
    summary: 'A closed loopback port: the connection is refused, fetch throws a TypeError, there is nothing to read.',
    model: { failures: null, fails: 'a refused connection', error: 'network_error' },
  },
  {
    id: 'xss', method: 'GET', path: '/api/xss',
    title: 'Hostile error body',
    summary: 'A 400 whose problem+json detail is an <img onerror> injection. Not retried; shown as text, never run.',
    model: { failures: null, fails: 'a 400', error: 'http_error', retryable: false, stop: 'not_retryable' },
  },
  {
    id: 'own-url', method: 'GET', path: null,
    title: 'Your own URL',
    summary: 'The same createFetch and policy against any URL you type.',
    model: null,
  },
];

function send(res, status, headers, body = '') {
  res.writeHead(status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function json(res, status, value, headers = {}) {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(value));
}

function problem(res, status, value, headers = {}) {
  send(res, status, { 'content-type': 'application/problem+json', ...headers }, JSON.stringify({ status, ...value }));
}

/** Finds a loopback port with nothing listening on it (bind to port 0, note it, close). */
async function closedPort() {
  const probe = createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Creates the scenario handlers. `handle(req, res, url)` answers /api/… and returns true. */
export async function createScenarios({ waitSeconds = WAIT_SECONDS } = {}) {
  const wait = Math.max(1, Math.round(waitSeconds));
  const SCENARIOS = scenarioList(wait);
  const deadPort = await closedPort();
  /** run id (plus scope) -> attempts seen. */
  const runs = new Map();
  const hanging = new Set();

  /** Counts this attempt for the run and returns its 1-based number. */
  function attempt(scope, url) {
    const run = (url.searchParams.get('run') ?? '').slice(0, 64) || 'anonymous';
    const key = `${scope}:${run}`;
    const n = (runs.get(key) ?? 0) + 1;
    runs.delete(key);
    runs.set(key, n);
    if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value);
    return n;
  }

  const ok = (res, n, extra = {}) => json(res, 200, { ok: true, attempt: n, message: `Answered on attempt ${n}.`, ...extra });

  const routes = {
    'GET /api/scenarios': (req, res) => {
      json(res, 200, SCENARIOS.map((s) => ({
        ...s,
        url: s.id === 'dead-port' ? `http://127.0.0.1:${deadPort}/api/anything` : s.path,
        path: undefined,
      })));
    },
    'GET /api/ok': (req, res, url) => ok(res, attempt('ok', url)),
    'GET /api/flaky': (req, res, url) => {
      const n = attempt('flaky', url);
      if (n <= 2) problem(res, 503, { title: 'Service Unavailable', detail: `Upstream flaked (attempt ${n}).` });
      else ok(res, n);
    },
    'GET /api/outage': (req, res, url) => {
      const n = attempt('outage', url);
      problem(res, 503, { title: 'Service Unavailable', detail: `Still down (attempt ${n}).` });
    },
    'GET /api/retry-after': (req, res, url) => {
      const n = attempt('retry-after', url);
      if (n === 1) problem(res, 429, { title: 'Too Many Requests' }, { 'retry-after': String(wait) });
      else ok(res, n);
    },
    'GET /api/retry-date': (req, res, url) => {
      const n = attempt('retry-date', url);
      // An HTTP-date has whole seconds: round up so that the wait is never shorter than asked.
      const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + wait * 1000);
      if (n === 1) problem(res, 429, { title: 'Too Many Requests' }, { 'retry-after': at.toUTCString() });
      else ok(res, n);
    },
    'GET /api/rate-limit': (req, res, url) => {
      const n = attempt('rate-limit', url);
      if (n === 1) {
        problem(res, 429, { title: 'Too Many Requests', detail: 'Quota of 5 requests per 10 seconds used up.' }, {
          ratelimit: `"default";r=0;t=${wait}`,
          'ratelimit-policy': '"default";q=5;w=10',
        });
      } else ok(res, n);
    },
    'GET /api/hang': (req, res) => {
      const timer = setTimeout(() => problem(res, 504, { title: 'Gateway Timeout' }), HANG_MAX_MS);
      hanging.add(res);
      res.on('close', () => { clearTimeout(timer); hanging.delete(res); });
    },
    'POST /api/orders': (req, res, url) => {
      req.resume();
      const key = String(req.headers['idempotency-key'] ?? '').slice(0, 128);
      const n = attempt(`orders:${key}`, url);
      if (n === 1) problem(res, 503, { title: 'Service Unavailable', detail: 'The order service is restarting.' });
      else json(res, 201, { ok: true, attempt: n, order: 'ord_1042', idempotencyKey: key || null });
    },
    'GET /api/xss': (req, res) => {
      problem(res, 400, {
        type: 'https://example.com/probs/invalid-comment',
        title: 'Invalid comment',
        detail: XSS_DETAIL,
        errors: [{ pointer: '#/comment', detail: XSS_DETAIL }],
      });
    },
  };

  return {
    deadPort,
    /** Answers a request under /api/; returns false for other paths. */
    handle(req, res, url) {
      if (!url.pathname.startsWith('/api/')) return false;
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) {
        route(req, res, url);
      } else if (Object.keys(routes).some((r) => r.endsWith(` ${url.pathname}`))) {
        problem(res, 405, { title: 'Method Not Allowed' });
      } else {
        problem(res, 404, { title: 'Not Found', detail: 'No such scenario.' });
      }
      return true;
    },
    /** Ends the requests still hanging (the server is closing). */
    close() {
      for (const res of hanging) res.destroy();
      hanging.clear();
      runs.clear();
    },
  };
}
