// No toolchain: a project with only the tarball installed. Node imports it by name (ESM, CommonJS,
// and CommonJS as Node < 20.19 does it), and imports the subpath entries (a locale pack and the
// descriptions pack, which DESIGN.md says load the same way); a browser page and a module service
// worker import it by path (the file the exports map gives a browser), served from 127.0.0.1.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../../support/static-server.mjs';
import { pageResult } from '../lib/browser.mjs';
import { BROWSER_CONDITIONS, resolveExport } from '../lib/exports.mjs';
import { run } from '../lib/proc.mjs';
import {
  CJS_REQUIRE, ESM_IMPORT, EXPECTED_SUBPATHS, NAMES, PROBE_SOURCE, SHOW_IN_PAGE, SUBPATHS_CHECK, SUBPATHS_CJS, SUBPATHS_ESM,
  TARGET_FROM_QUERY, assertProbe, html, parseProbeLine, runProbe,
} from '../lib/probe.mjs';

const PRINT = '((r) => console.log(`PROBE ${JSON.stringify(r)}`))';

const files = {
  'check.mjs': `${ESM_IMPORT}\n${PROBE_SOURCE}\n${runProbe('process.argv[2]', PRINT)}\n`,
  'check.cjs': `${CJS_REQUIRE}\n${PROBE_SOURCE}\n${runProbe('process.argv[2]', PRINT)}\n`,
  'subpaths.mjs': `${SUBPATHS_ESM}
import { addDescriptions, classify } from 'http-triage';
import descriptions from 'http-triage/descriptions.js';
${SUBPATHS_CHECK}
const short = classify(503).description;
addDescriptions(descriptions);
console.log('SUBPATHS ' + JSON.stringify({ ...subpaths(), longerDescription: classify(503).description.length > short.length }));
`,
  'subpaths.cjs': `${SUBPATHS_CJS}
const { addDescriptions, classify } = require('http-triage');
const descriptions = require('http-triage/descriptions.js');
${SUBPATHS_CHECK}
const short = classify(503).description;
addDescriptions(descriptions);
console.log('SUBPATHS ' + JSON.stringify({ ...subpaths(), longerDescription: classify(503).description.length > short.length }));
`,
};

function browserEntry(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/http-triage/package.json'), 'utf8'));
  return `./node_modules/http-triage/${resolveExport(manifest, '.', BROWSER_CONDITIONS).replace(/^\.\//, '')}`;
}

async function node(ctx, args, file) {
  const { lines } = await run(process.execPath, [...args, file, ctx.target], { cwd: ctx.dir, timeoutMs: 30_000 });
  assertProbe(parseProbeLine(lines, file), `node ${[...args, file].join(' ')}`);
}

/** Runs a subpaths script in Node and checks its SUBPATHS line. */
async function subpathsIn(ctx, args, file) {
  const { lines } = await run(process.execPath, [...args, file], { cwd: ctx.dir, timeoutMs: 30_000 });
  const line = lines.findLast((l) => l.startsWith('SUBPATHS '));
  assert.ok(line, `no SUBPATHS line in:\n${lines.slice(-20).join('\n')}`);
  assert.deepEqual(JSON.parse(line.slice('SUBPATHS '.length)), { ...EXPECTED_SUBPATHS, longerDescription: true });
}

async function inBrowser(ctx, page, options = {}) {
  const server = await serveStatic(ctx.dir);
  try {
    const { result, errors } = await pageResult(`${server.url}${page}?target=${encodeURIComponent(ctx.target)}`, { ignoreUrls: [ctx.target], ...options });
    assertProbe(result, page, errors);
  } finally {
    await server.close();
  }
}

export default {
  name: 'bare',
  toolchain: null,
  files,
  envs: [
    { name: 'node-esm', timeoutMs: 40_000, run: (ctx) => node(ctx, [], 'check.mjs') },
    { name: 'node-cjs', timeoutMs: 40_000, run: (ctx) => node(ctx, [], 'check.cjs') },
    {
      name: 'node-cjs-no-require-module',
      timeoutMs: 40_000,
      run: (ctx) => node(ctx, ['--no-experimental-require-module'], 'check.cjs'),
    },
    { name: 'node-esm-subpaths', timeoutMs: 40_000, run: (ctx) => subpathsIn(ctx, [], 'subpaths.mjs') },
    {
      name: 'node-cjs-subpaths-no-require-module',
      timeoutMs: 40_000,
      run: (ctx) => subpathsIn(ctx, ['--no-experimental-require-module'], 'subpaths.cjs'),
    },
    {
      name: 'plain-script-module',
      timeoutMs: 60_000,
      async run(ctx) {
        const entry = browserEntry(ctx.dir);
        writeFileSync(join(ctx.dir, 'plain.html'), html(`<script type="module">
import { ${NAMES} } from '${entry}';
${SHOW_IN_PAGE}
${PROBE_SOURCE}
${runProbe(TARGET_FROM_QUERY, 'show')}
</script>`));
        await inBrowser(ctx, 'plain.html');
      },
    },
    {
      name: 'service-worker-module',
      timeoutMs: 60_000,
      async run(ctx) {
        const entry = browserEntry(ctx.dir);
        writeFileSync(join(ctx.dir, 'sw.js'), `import { ${NAMES} } from '${entry}';
${PROBE_SOURCE}
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  const port = event.ports[0];
  ${runProbe('event.data.target', '((r) => port.postMessage(r))')}
});
`);
        writeFileSync(join(ctx.dir, 'sw.html'), html(`<script type="module">
${SHOW_IN_PAGE}
const target = ${TARGET_FROM_QUERY};
navigator.serviceWorker.register('./sw.js', { type: 'module' })
  .then(() => navigator.serviceWorker.ready)
  .then((registration) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    registration.active.postMessage({ target }, [channel.port2]);
  }))
  .then(show, (error) => show({ error: 'registration failed: ' + String((error && error.stack) || error) }));
</script>`));
        await inBrowser(ctx, 'sw.html', { serviceWorker: true });
      },
    },
  ],
};
