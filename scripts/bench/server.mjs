// The loopback server of the browser runs: /pkg/ (the build), /js/ (the build's staged,
// unbundled sources, among them wasm-bytes.js), /bench/ (this folder: the pages and the shared
// modules) and /vendor/ (statuses bundled for the browser). Every answer is `no-store` (each
// first-use sample loads everything afresh; /cached/… serves the same files cacheable) and
// cross-origin isolated, so the page's performance.now() has Chromium's fine (5 µs)
// resolution instead of the coarse 100 µs.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname, sep } from 'node:path';
import { root } from './env.mjs';
import { vendorDir } from './bundle.mjs';
import { MIME } from '../../www/server.mjs';

const MOUNTS = [
  ['/pkg/', join(root, 'pkg')],
  // The unbundled JS layer and the wasm text the build stages (pkg/ ships them bundled).
  ['/js/', join(root, 'target/js')],
  ['/bench/', join(root, 'scripts/bench')],
  ['/vendor/', vendorDir],
];
const HEADERS = {
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};
/** Under /cached/… the same files are served cacheable, for the warm (repeat visit) start-up. */
const CACHED = '/cached';
const CACHED_HEADERS = { ...HEADERS, 'cache-control': 'public, max-age=3600' };

/** Starts the server on 127.0.0.1 (any free port); resolves to { url, close() }. */
export async function startBenchServer() {
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === '/favicon.ico') { res.writeHead(204, HEADERS).end(); return; }
    let headers = HEADERS;
    if (pathname.startsWith(`${CACHED}/`)) {
      pathname = pathname.slice(CACHED.length);
      headers = CACHED_HEADERS;
    }
    for (const [prefix, dir] of MOUNTS) {
      if (!pathname.startsWith(prefix)) continue;
      const file = normalize(join(dir, pathname.slice(prefix.length)));
      if (!file.startsWith(dir + sep)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
