// A free TCP port on 127.0.0.1 for a tool that wants its port on the command line.
import { createServer } from 'node:net';

/** Resolves to a port that was free a moment ago (listen on 0, read the port, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
