// Vite 7 with no config file: the dev server (`vite`), a build (`vite build`), a module worker
// built by `vite build` (an app whose page starts `new Worker(new URL(...), { type: 'module' })`),
// and Vitest's jsdom environment (chosen per file with the documented docblock, no config).
// The project is what create-vite makes: package.json with "type": "module", index.html, main.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../../support/static-server.mjs';
import { pageResult } from '../lib/browser.mjs';
import { freePort } from '../lib/ports.mjs';
import { run, startServer } from '../lib/proc.mjs';
import {
  ESM_IMPORT, EXPECTED_SUBPATHS, LIB, PROBE_SOURCE, SHOW_IN_PAGE, SUBPATHS_CHECK, SUBPATHS_ESM, TARGET_FROM_QUERY, assertProbe,
  html, runProbe,
} from '../lib/probe.mjs';

const VITE = 'node_modules/vite/bin/vite.js';

const files = {
  'index.html': html('<script type="module" src="/main.js"></script>'),
  'main.js': `${ESM_IMPORT}\n${SHOW_IN_PAGE}\n${PROBE_SOURCE}\n${runProbe(TARGET_FROM_QUERY, 'show')}\n`,
  'worker/index.html': html('<script type="module" src="./main.js"></script>'),
  'worker/main.js': `${SHOW_IN_PAGE}
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (event) => show(event.data);
worker.onerror = (event) => show({ error: 'worker error: ' + (event.message || 'failed to load') });
worker.postMessage({ target: ${TARGET_FROM_QUERY} });
`,
  'worker/worker.js': `${ESM_IMPORT}
${PROBE_SOURCE}
self.onmessage = (event) => {
  ${runProbe('event.data.target', 'self.postMessage')}
};
`,
  'subpaths/index.html': html('<script type="module" src="./main.js"></script>'),
  'subpaths/main.js': `${SUBPATHS_ESM}\n${SHOW_IN_PAGE}\n${SUBPATHS_CHECK}\ntry { show(subpaths()); } catch (error) { show({ error: String(error && error.stack || error) }); }\n`,
  'probe-jsdom.test.js': `// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
${ESM_IMPORT}
${PROBE_SOURCE}
test('the package works in Vitest jsdom', async () => {
  let result;
  try {
    result = await probe(${LIB}, process.env.PROBE_TARGET);
  } catch (error) {
    result = { error: String((error && error.stack) || error) };
  }
  writeFileSync(process.env.PROBE_OUT, JSON.stringify(result));
  expect(result.reason).toBe('Service Unavailable');
});
`,
};

async function builtApp(ctx, root, outDir) {
  await run(process.execPath, [VITE, 'build', ...(root ? [root] : [])], { cwd: ctx.dir, timeoutMs: 120_000 });
  const server = await serveStatic(join(ctx.dir, outDir));
  try {
    const { result, errors } = await pageResult(`${server.url}?target=${encodeURIComponent(ctx.target)}`, { ignoreUrls: [ctx.target] });
    assertProbe(result, `vite build ${root ?? ''}`.trim(), errors);
  } finally {
    await server.close();
  }
}

export default {
  name: 'vite',
  toolchain: 'vite',
  files,
  envs: [
    {
      name: 'vite-dev',
      timeoutMs: 90_000,
      async run(ctx) {
        const port = await freePort();
        const server = await startServer(process.execPath, [VITE, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
          cwd: ctx.dir, ready: /Local:\s+http/, timeoutMs: 60_000,
        });
        try {
          const { result, errors } = await pageResult(`http://127.0.0.1:${port}/?target=${encodeURIComponent(ctx.target)}`, {
            ignoreUrls: [ctx.target], timeoutMs: 60_000,
          });
          assertProbe(result, 'vite dev', errors);
        } catch (error) {
          error.message += `\n--- vite dev server output ---\n${server.tail(20)}`;
          throw error;
        } finally {
          await server.stop();
        }
      },
    },
    { name: 'vite-build', timeoutMs: 120_000, bytes: 'dist', run: (ctx) => builtApp(ctx, null, 'dist') },
    { name: 'vite-worker-build', timeoutMs: 120_000, bytes: 'worker/dist', run: (ctx) => builtApp(ctx, 'worker', 'worker/dist') },
    {
      name: 'vite-build-subpaths',
      timeoutMs: 120_000,
      async run(ctx) {
        await run(process.execPath, [VITE, 'build', 'subpaths'], { cwd: ctx.dir, timeoutMs: 120_000 });
        const server = await serveStatic(join(ctx.dir, 'subpaths/dist'));
        try {
          const { result, errors } = await pageResult(server.url, {});
          assert.deepEqual(result, EXPECTED_SUBPATHS, `vite build subpaths: ${JSON.stringify(errors)}`);
        } finally {
          await server.close();
        }
      },
    },
    {
      name: 'vitest-jsdom',
      timeoutMs: 90_000,
      async run(ctx) {
        const out = join(ctx.dir, 'vitest-result.json');
        await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'probe-jsdom'], {
          cwd: ctx.dir, timeoutMs: 80_000, env: { PROBE_TARGET: ctx.target, PROBE_OUT: out },
        });
        assertProbe(JSON.parse(readFileSync(out, 'utf8')), 'vitest jsdom');
      },
    },
  ],
};
