// The loopback HTTP server of the wrapper-overhead benchmark, run as its own process (so it has
// the machine's other core and does not share the client's event loop). Prints its URL, then
// serves until stdin closes or it gets SIGTERM.
//   GET /ok/<id>     200 with a small JSON body
//   GET /flaky/<id>  ids divisible by 5 (20%) answer 503 with Retry-After: 0 the first time, then 200
import { createServer } from 'node:http';

const BODY = JSON.stringify({ ok: true, items: [1, 2, 3], note: 'a small JSON body' });
const FAIL = JSON.stringify({ error: 'unavailable' });
const failedOnce = new Set();

const server = createServer((req, res) => {
  const m = /^\/(ok|flaky)\/([a-z]*)(\d+)$/.exec(req.url ?? '');
  if (!m) { res.writeHead(404).end(); return; }
  const id = Number(m[3]);
  if (m[1] === 'flaky' && id % 5 === 0) {
    const key = `${m[2]}${id}`;
    if (!failedOnce.has(key)) {
      failedOnce.add(key);
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0', 'content-length': Buffer.byteLength(FAIL) }).end(FAIL);
      return;
    }
    failedOnce.delete(key);
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) }).end(BODY);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`);
});
const stop = () => { server.closeAllConnections(); server.close(() => process.exit(0)); };
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
// Bounded: never outlive a forgotten parent by more than 10 minutes.
setTimeout(stop, 600_000).unref();
