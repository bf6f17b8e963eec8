// webpack 5 with no config file (`webpack <entry> --output-path <dir>`: mode defaults to
// production, target to web), once with an ESM `import` and once with CommonJS `require`; each
// bundle runs in Chromium from a page that loads it with a classic <script>, as webpack emits it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../../support/static-server.mjs';
import { pageResult } from '../lib/browser.mjs';
import { run } from '../lib/proc.mjs';
import {
  CJS_REQUIRE, ESM_IMPORT, PROBE_SOURCE, SHOW_IN_PAGE, TARGET_FROM_QUERY, assertProbe, html, runProbe,
} from '../lib/probe.mjs';

const body = `${SHOW_IN_PAGE}\n${PROBE_SOURCE}\n${runProbe(TARGET_FROM_QUERY, 'show')}\n`;
const files = {
  'src/esm.js': `${ESM_IMPORT}\n${body}`,
  'src/require.js': `${CJS_REQUIRE}\n${body}`,
};

async function bundleAndRun(ctx, entry, outDir) {
  await run(process.execPath, ['node_modules/webpack-cli/bin/cli.js', entry, '--output-path', outDir], { cwd: ctx.dir, timeoutMs: 120_000 });
  writeFileSync(join(ctx.dir, outDir, 'index.html'), html('<script src="main.js"></script>'));
  const server = await serveStatic(join(ctx.dir, outDir));
  try {
    const { result, errors } = await pageResult(`${server.url}?target=${encodeURIComponent(ctx.target)}`, { ignoreUrls: [ctx.target] });
    assertProbe(result, `webpack ${entry}`, errors);
  } finally {
    await server.close();
  }
}

export default {
  name: 'webpack',
  toolchain: 'webpack',
  files,
  envs: [
    { name: 'webpack-esm', timeoutMs: 150_000, bytes: 'dist-esm', run: (ctx) => bundleAndRun(ctx, './src/esm.js', 'dist-esm') },
    { name: 'webpack-require', timeoutMs: 150_000, bytes: 'dist-require', run: (ctx) => bundleAndRun(ctx, './src/require.js', 'dist-require') },
  ],
};
