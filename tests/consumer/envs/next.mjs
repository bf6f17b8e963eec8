// Next.js 16 as create-next-app lays out an App Router project in JavaScript, with no next.config:
// a server component page (rendered per request), a 'use client' component on that page (its probe
// runs in the browser, after hydration), and a route handler. `next build` then `next start`, and
// `next dev`, each checked on all three. Both use Next's default bundler (Turbopack in 16).
// The probe's target reaches server code through PROBE_TARGET and the client through a prop.
import { pageResult } from '../lib/browser.mjs';
import { freePort } from '../lib/ports.mjs';
import { failure, run, startServer } from '../lib/proc.mjs';
import { ESM_IMPORT, LIB, PROBE_SOURCE, assertProbe } from '../lib/probe.mjs';

const NEXT = 'node_modules/next/dist/bin/next';

const files = {
  'app/layout.js': `export const metadata = { title: 'consumer' };
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  'app/page.js': `${ESM_IMPORT}
import Client from './client';

export const dynamic = 'force-dynamic';

${PROBE_SOURCE}

export default async function Page() {
  const target = process.env.PROBE_TARGET;
  let result;
  try {
    result = await probe(${LIB}, target);
  } catch (error) {
    result = { error: String((error && error.stack) || error) };
  }
  return (
    <main>
      <pre id="server" data-state="done">{JSON.stringify(result)}</pre>
      <Client target={target} />
    </main>
  );
}
`,
  'app/client.js': `'use client';
import { useEffect, useState } from 'react';
${ESM_IMPORT}

${PROBE_SOURCE}

export default function Client({ target }) {
  const [result, setResult] = useState(null);
  useEffect(() => {
    probe(${LIB}, target).then(setResult, (error) => setResult({ error: String((error && error.stack) || error) }));
  }, [target]);
  return <pre id="client" data-state={result ? 'done' : 'loading'}>{result ? JSON.stringify(result) : 'loading'}</pre>;
}
`,
  'app/api/probe/route.js': `${ESM_IMPORT}

export const dynamic = 'force-dynamic';

${PROBE_SOURCE}

export async function GET() {
  let result;
  try {
    result = await probe(${LIB}, process.env.PROBE_TARGET);
  } catch (error) {
    result = { error: String((error && error.stack) || error) };
  }
  return Response.json(result);
}
`,
};

/** Starts `next start` or `next dev` once per mode (kept in state for the three checks). */
async function server(ctx, mode) {
  const key = `server-${mode}`;
  if (ctx.state[`${key}-error`]) throw ctx.state[`${key}-error`];
  if (!ctx.state[key]) {
    if (mode === 'start' && ctx.state.buildError) throw new Error(`next build failed, nothing to start: ${ctx.state.buildError.message}`);
    const port = await freePort();
    try {
      const handle = await startServer(process.execPath, [NEXT, mode, '-H', '127.0.0.1', '-p', String(port)], {
        cwd: ctx.dir, ready: /Ready in/, timeoutMs: 90_000, env: { PROBE_TARGET: ctx.target },
      });
      ctx.state[key] = { handle, url: `http://127.0.0.1:${port}` };
    } catch (error) {
      ctx.state[`${key}-error`] = error;
      throw error;
    }
  }
  return ctx.state[key];
}

async function stopServer(state, mode) {
  await state[`server-${mode}`]?.handle.stop();
  delete state[`server-${mode}`];
}

/** Adds the server's recent output to a failure (Next logs the real error there). */
async function withLog(ctx, mode, check) {
  const { handle, url } = await server(ctx, mode);
  try {
    await check(url);
  } catch (error) {
    throw failure(error.message, handle.lines, 25);
  }
}

function checks(mode) {
  const what = `next ${mode}`;
  return [
    {
      name: `next-${mode}-server-component`,
      timeoutMs: 150_000,
      run: (ctx) => withLog(ctx, mode, async (url) => {
        const { result, errors } = await pageResult(`${url}/`, { selector: '#server', timeoutMs: 120_000, ignoreUrls: [ctx.target] });
        assertProbe(result, `${what}: server component`, errors);
      }),
    },
    {
      name: `next-${mode}-client-component`,
      timeoutMs: 150_000,
      run: (ctx) => withLog(ctx, mode, async (url) => {
        const { result, errors } = await pageResult(`${url}/`, { selector: '#client', timeoutMs: 120_000, ignoreUrls: [ctx.target] });
        assertProbe(result, `${what}: 'use client' component`, errors);
      }),
    },
    {
      name: `next-${mode}-route-handler`,
      timeoutMs: 150_000,
      async run(ctx) {
        try {
          await withLog(ctx, mode, async (url) => {
            const response = await fetch(`${url}/api/probe`, { signal: AbortSignal.timeout(120_000) });
            const text = await response.text();
            assert200(response, text);
            assertProbe(JSON.parse(text), `${what}: route handler`);
          });
        } finally {
          await stopServer(ctx.state, mode); // the last check of this mode
        }
      },
    },
  ];
}

function assert200(response, text) {
  if (response.status !== 200) throw new Error(`GET /api/probe answered ${response.status}: ${text.slice(0, 300)}`);
}

export default {
  name: 'next',
  toolchain: 'next',
  files,
  envs: [
    {
      name: 'next-build',
      timeoutMs: 300_000,
      bytes: '.next/static',
      async run(ctx) {
        try {
          await run(process.execPath, [NEXT, 'build'], { cwd: ctx.dir, timeoutMs: 290_000, env: { PROBE_TARGET: ctx.target }, tailLines: 30 });
        } catch (error) {
          ctx.state.buildError = error;
          throw error;
        }
      },
    },
    ...checks('start'),
    ...checks('dev'),
  ],
  async teardown(state) {
    await stopServer(state, 'start');
    await stopServer(state, 'dev');
  },
};
