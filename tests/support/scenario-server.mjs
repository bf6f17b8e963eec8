// A scripted HTTP server on 127.0.0.1 for createFetch tests (Node and Chromium) and the demo.
//
//   const server = await startScenarioServer();
//   await fetch(`${server.url}s/retry-after-seconds/my-test`);   // 503 Retry-After: 1, then 200
//   server.count('retry-after-seconds/my-test');                   // requests seen for that key
//   await server.close();
//
// Requests are addressed as /s/<scenario>/<key>. Each scenario answers a scripted sequence by the
// request's 1-based position n within its scenario/key pair, so concurrent tests that use
// different keys do not disturb one another. Every response carries CORS headers (any origin;
// Retry-After and the RateLimit fields exposed) and OPTIONS preflights are answered (and not
// counted), so a page served from another loopback port can call the server.
//
// Bounded: every scenario answers at once except 'hang', which answers after HANG_MS, and
// 'error-body-hangs', whose body stops after HANG_MS, unless the client goes away first;
// close() clears its timers and destroys every socket.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';

/** How long the 'hang' scenario holds a request before answering (close() cuts it short). */
export const HANG_MS = 10_000;
/** Request bodies are read up to this many bytes (the rest is drained and discarded). */
const MAX_BODY_BYTES = 64 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After, RateLimit, RateLimit-Policy, Date, Content-Type',
};
const PREFLIGHT = {
  ...CORS,
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'Idempotency-Key, X-Idempotency-Key, Content-Type',
  'access-control-max-age': '0',
};

const json = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const problem = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ status, ...body }),
});
const ok = (n, req) => json(200, { ok: true, attempt: n, method: req.method, bodyBytes: req.bodyBytes });
const unavailable = (headers) => json(503, { error: 'unavailable' }, headers);

/**
 * The scenarios: name -> (n, req) => { status, headers, body } | 'hang'.
 * `n` is the 1-based position of the request for its scenario/key; `req` has method, headers,
 * bodyBytes and body (text, at most MAX_BODY_BYTES).
 */
export const SCENARIOS = {
  /** Always 200 with a small JSON body. */
  ok: (n, req) => ok(n, req),
  /** 503 with `Retry-After: 1` (delta-seconds), then 200. */
  'retry-after-seconds': (n, req) => (n === 1 ? unavailable({ 'retry-after': '1' }) : ok(n, req)),
  /** 503 with `Retry-After` as an IMF-fixdate 2 s in the future, then 200. */
  'retry-after-date': (n, req) => (n === 1
    ? unavailable({ 'retry-after': new Date(Date.now() + 2_000).toUTCString() })
    : ok(n, req)),
  /** 429 with the IETF `RateLimit` field (quota 0, resets in 1 s), then 200. */
  ratelimit: (n, req) => (n === 1
    ? json(429, { error: 'rate limited' }, {
      ratelimit: '"default";r=0;t=1',
      'ratelimit-policy': '"default";q=100;w=60',
    })
    : ok(n, req)),
  /** 429 with `Retry-After: 2`, then 200 (the origin cooldown scenario). */
  cooldown: (n, req) => (n === 1 ? json(429, { error: 'slow down' }, { 'retry-after': '2' }) : ok(n, req)),
  /** 429 with `Retry-After: 1` (delta-seconds), then 200. */
  'rate-limited-seconds': (n, req) => (n === 1 ? json(429, { error: 'slow down' }, { 'retry-after': '1' }) : ok(n, req)),
  /** 429 with `Retry-After` as an IMF-fixdate 1 s after the `Date` it is sent with, then 200
   *  (both from one clock reading, so the wait is exactly 1 s whatever the second boundary). */
  'rate-limited-date': (n, req) => {
    if (n !== 1) return ok(n, req);
    const now = Date.now();
    return json(429, { error: 'slow down' }, {
      date: new Date(now).toUTCString(),
      'retry-after': new Date(now + 1_000).toUTCString(),
    });
  },
  /** 503 without timing headers once, then 200, for any method (POST with or without an
   *  Idempotency-Key, stream bodies). */
  'unavailable-once': (n, req) => (n === 1 ? unavailable() : ok(n, req)),
  /** Always 503 without timing headers (the retry budget scenario). */
  'always-503': () => unavailable(),
  /** Always 500 with an RFC 9457 problem+json body. */
  'always-500': (n) => problem(500, {
    type: 'https://api.example.test/problems/internal',
    title: 'Internal Server Error',
    detail: 'The order service failed.',
    instance: `/orders/42/attempt/${n}`,
    traceId: 'trace-0042',
  }),
  /** 404 with an RFC 9457 problem+json body. */
  'not-found': () => problem(404, {
    type: 'https://api.example.test/problems/not-found',
    title: 'Order not found',
    detail: 'No order has the id 42.',
    instance: '/orders/42',
  }),
  /** 422 with a Google (AIP-193) error body: ErrorInfo, BadRequest and LocalizedMessage. */
  validation: () => json(422, {
    error: {
      code: 422,
      status: 'INVALID_ARGUMENT',
      message: 'The email address is not valid.',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'EMAIL_INVALID', domain: 'api.example.test' },
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [{ field: 'email', description: 'must contain an @' }],
        },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'Please check the email address.' },
      ],
    },
  }),
  /** Never answers within HANG_MS (then 200); the socket is dropped on close(). */
  hang: () => 'hang',
  /** Always 429 with `Retry-After: 3600` (a wait longer than any default cap). */
  'retry-after-long': () => json(429, { error: 'come back in an hour' }, { 'retry-after': '3600' }),
  /** 429 whose Google body asks for 1 s (RetryInfo.retryDelay) and no header, then 200. */
  'retry-info': (n, req) => (n === 1 ? json(429, googleRetry('1s')) : ok(n, req)),
  /** 503 with `Retry-After: 1` and a Google body asking for 30 s (the header wins), then 200. */
  'retry-info-header': (n, req) => (n === 1 ? json(503, googleRetry('30s'), { 'retry-after': '1' }) : ok(n, req)),
  /** 500 headers, then the body starts and never finishes (until HANG_MS or close()). */
  'error-body-hangs': () => 'hang-body',
  /** 404 with an Amazon S3 XML error body. */
  'xml-error': () => ({
    status: 404,
    headers: { 'content-type': 'application/xml' },
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>orders/42.json</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>',
  }),
};

/** A Google (AIP-193) error body with RetryInfo. */
function googleRetry(delay) {
  return {
    error: {
      code: 429,
      status: 'RESOURCE_EXHAUSTED',
      message: 'Quota exceeded.',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay }],
    },
  };
}

/**
 * Starts the scenario server on 127.0.0.1 (port 0 = any free port).
 * Resolves to:
 *   url                 'http://127.0.0.1:<port>/'
 *   scenarioUrl(s, key) the address of scenario `s` for `key`
 *   count(name)         requests (OPTIONS excluded) for 'scenario/key', or summed over every key
 *                       of 'scenario'
 *   hits(name)          those requests: [{ n, method, at (performance.now() ms), headers, body }]
 *   preflights(name)    OPTIONS requests for the same name
 *   reset()             forgets every count and log
 *   close()             stops the server, clears timers and destroys every socket
 */
export async function startScenarioServer({ port = 0 } = {}) {
  /** 'scenario/key' -> [{ n, method, at, headers, body }] */
  const log = new Map();
  /** 'scenario/key' -> number of OPTIONS requests */
  const preflightLog = new Map();
  const timers = new Set();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, CORS).end();
      else res.destroy();
    });
  });

  async function handle(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/s\/([a-z0-9-]+)\/([A-Za-z0-9._~-]+)$/.exec(pathname);
    const scenario = match && Object.hasOwn(SCENARIOS, match[1]) ? SCENARIOS[match[1]] : null;
    if (!scenario) {
      req.resume();
      res.writeHead(404, { ...CORS, 'content-type': 'text/plain; charset=utf-8' }).end('unknown scenario');
      return;
    }
    const name = `${match[1]}/${match[2]}`;
    if (req.method === 'OPTIONS') {
      req.resume();
      preflightLog.set(name, (preflightLog.get(name) ?? 0) + 1);
      res.writeHead(204, PREFLIGHT).end();
      return;
    }
    const entries = log.get(name) ?? [];
    log.set(name, entries);
    const entry = { n: entries.length + 1, method: req.method, at: performance.now(), headers: { ...req.headers }, body: '' };
    entries.push(entry);
    const { text, bytes } = await readBody(req);
    entry.body = text;
    const answer = scenario(entry.n, { method: req.method, headers: req.headers, body: text, bodyBytes: bytes });
    if (answer === 'hang-body') {
      res.writeHead(500, { ...CORS, 'content-type': 'application/json' });
      res.write('{"error":{"message":"');
      const timer = setTimeout(() => { timers.delete(timer); res.destroy(); }, HANG_MS);
      timers.add(timer);
      res.on('close', () => { clearTimeout(timer); timers.delete(timer); });
      return;
    }
    if (answer === 'hang') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) res.writeHead(200, { ...CORS, 'content-type': 'text/plain' }).end('late');
      }, HANG_MS);
      timers.add(timer);
      res.on('close', () => { clearTimeout(timer); timers.delete(timer); });
      return;
    }
    res.writeHead(answer.status, { ...CORS, 'cache-control': 'no-store', ...answer.headers });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const select = (name) => (name.includes('/')
    ? log.get(name) ?? []
    : [...log].filter(([k]) => k.startsWith(`${name}/`)).flatMap(([, v]) => v));

  return {
    url,
    scenarioUrl: (scenario, key) => `${url}s/${scenario}/${key}`,
    count: (name) => select(name).length,
    hits: (name) => select(name),
    preflights: (name) => (name.includes('/')
      ? preflightLog.get(name) ?? 0
      : [...preflightLog].filter(([k]) => k.startsWith(`${name}/`)).reduce((s, [, v]) => s + v, 0)),
    reset: () => { log.clear(); preflightLog.clear(); },
    close: () => new Promise((resolve) => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Reads a request body: the text of its first MAX_BODY_BYTES and its total size. */
async function readBody(req) {
  const chunks = [];
  let bytes = 0;
  for await (const chunk of req) {
    if (bytes < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - bytes));
    bytes += chunk.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes };
}
