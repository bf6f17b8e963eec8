// The demo's loopback server: serves www/ at /, the built package at /pkg/, the build's measured
// sizes at /sizes.json, BENCHMARKS.md, and the retry simulator's scenarios at /api/ (scenarios.mjs).
// Run: node www/server.mjs [port]   (binds 127.0.0.1 only; stops cleanly on Ctrl-C)
// Tests import startServer() and close it themselves.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScenarios } from './scenarios.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MOUNTS = [['/pkg/', join(root, 'pkg')], ['/', join(root, 'www')]];
/**
 * Single files the page reads from the build and the repository: the sizes scripts/package.mjs
 * measured (the page states the consumer-bundle figure from it, never a typed number) and the
 * benchmark report it links to.
 */
const FILES = {
  '/sizes.json': [join(root, 'target/sizes.json'), 'application/json'],
  '/BENCHMARKS.md': [join(root, 'BENCHMARKS.md'), 'text/plain; charset=utf-8'],
};
/** Content types by file extension (also used by the tests' and benchmarks' static servers). */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** Host headers the server answers to (a DNS-rebinding page gets 421, not the API). */
const LOCAL_HOSTS = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

async function serveFile(pathname, res) {
  const single = Object.hasOwn(FILES, pathname) ? FILES[pathname] : null;
  if (single) {
    try {
      const body = await readFile(single[0]);
      res.writeHead(200, { 'content-type': single[1], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not built yet: run scripts/build.sh');
    }
    return;
  }
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep)) break;
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

/**
 * Starts the server on 127.0.0.1:`port` (0 = any free port). Resolves to `{ url, close() }`.
 * `retryAfterSeconds`: the wait the rate-limit scenarios ask for (default 2; tests use 1).
 */
export async function startServer({ port = 0, retryAfterSeconds } = {}) {
  const scenarios = await createScenarios({ waitSeconds: retryAfterSeconds });
  const server = createServer((req, res) => {
    if (!LOCAL_HOSTS.test(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    let url;
    let pathname;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    if (scenarios.handle(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    serveFile(pathname, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((resolve) => {
      scenarios.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url, close } = await startServer({ port });
  console.log(`http-triage demo: ${url}  (Ctrl-C to stop)`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
