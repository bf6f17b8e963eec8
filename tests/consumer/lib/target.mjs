// The server every consumer's createFetch() calls: GET /ok answers 200, GET /missing answers 404
// with a problem+json body. Any origin may call it (the pages are served from other loopback
// ports), and it counts what it answered so a test can tell a real round trip from a cached one.
// Bounded: it answers at most MAX_REQUESTS requests (then 503s) and close() destroys every socket.
import { createServer } from 'node:http';

const MAX_REQUESTS = 5_000;
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Content-Type' };

/** Starts the target on 127.0.0.1; resolves to `{ url, count(path), close() }` (url has no trailing slash). */
export async function startTarget() {
  const counts = new Map();
  let total = 0;
  const server = createServer((req, res) => {
    total += 1;
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': '*' }).end();
      return;
    }
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (total > MAX_REQUESTS) {
      res.writeHead(503, { ...CORS, 'content-type': 'text/plain' }).end('request budget spent');
    } else if (path === '/ok') {
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{"ok":true}');
    } else {
      res.writeHead(404, { ...CORS, 'content-type': 'application/problem+json' })
        .end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No such path: ${path}` }));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    count: (path) => counts.get(path) ?? 0,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
