// Rollup 4 with @rollup/plugin-node-resolve (CLI only: `rollup <entry> -d <dir> -p node-resolve`,
// the plugin's defaults, Rollup's default ES output) and esbuild --bundle --minify, as ESM and in
// its default format for the browser (iife). Each output runs in Chromium.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../../support/static-server.mjs';
import { pageResult } from '../lib/browser.mjs';
import { run } from '../lib/proc.mjs';
import {
  ESM_IMPORT, PROBE_SOURCE, SHOW_IN_PAGE, TARGET_FROM_QUERY, assertProbe, html, runProbe,
} from '../lib/probe.mjs';

const files = {
  'src/main.js': `${ESM_IMPORT}\n${SHOW_IN_PAGE}\n${PROBE_SOURCE}\n${runProbe(TARGET_FROM_QUERY, 'show')}\n`,
};

async function runPage(ctx, outDir, scriptTag, what) {
  writeFileSync(join(ctx.dir, outDir, 'index.html'), html(scriptTag));
  const server = await serveStatic(join(ctx.dir, outDir));
  try {
    const { result, errors } = await pageResult(`${server.url}?target=${encodeURIComponent(ctx.target)}`, { ignoreUrls: [ctx.target] });
    assertProbe(result, what, errors);
  } finally {
    await server.close();
  }
}

const esbuild = (ctx, outDir, format) => run('node_modules/.bin/esbuild', [
  'src/main.js', '--bundle', '--minify', ...(format ? [`--format=${format}`] : []), `--outfile=${outDir}/main.js`,
], { cwd: ctx.dir, timeoutMs: 60_000 });

export default {
  name: 'bundlers',
  toolchain: 'bundlers',
  files,
  envs: [
    {
      name: 'rollup-node-resolve',
      timeoutMs: 90_000,
      bytes: 'dist-rollup',
      async run(ctx) {
        await run(process.execPath, ['node_modules/rollup/dist/bin/rollup', 'src/main.js', '-d', 'dist-rollup', '-p', 'node-resolve'], {
          cwd: ctx.dir, timeoutMs: 60_000,
        });
        await runPage(ctx, 'dist-rollup', '<script type="module" src="main.js"></script>', 'rollup + node-resolve');
      },
    },
    {
      name: 'esbuild-esm',
      timeoutMs: 90_000,
      bytes: 'dist-esbuild-esm',
      async run(ctx) {
        await esbuild(ctx, 'dist-esbuild-esm', 'esm');
        await runPage(ctx, 'dist-esbuild-esm', '<script type="module" src="main.js"></script>', 'esbuild --format=esm');
      },
    },
    {
      name: 'esbuild-iife',
      timeoutMs: 90_000,
      bytes: 'dist-esbuild-iife',
      async run(ctx) {
        await esbuild(ctx, 'dist-esbuild-iife', null);
        await runPage(ctx, 'dist-esbuild-iife', '<script src="main.js"></script>', 'esbuild (iife)');
      },
    },
  ],
};
