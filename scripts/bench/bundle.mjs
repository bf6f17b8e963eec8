// Bundles what the benchmarks compare against, the way an app's bundler would ship it: one
// minified ES module per entry (esbuild, browser platform), into target/bench/vendor/.
// Also bundles http-triage's own browser entry the same way (JS minified, wasm beside it).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './env.mjs';

export const vendorDir = join(root, 'target/bench/vendor');

/** name -> entry source. Each becomes vendor/<name>.js. */
export const ENTRIES = {
  ky: "export { default } from 'ky';",
  statuses: "export { default } from 'statuses';",
  'http-status-codes': "export * from 'http-status-codes';",
  'ky+statuses+http-status-codes':
    "export { default as ky } from 'ky';\nexport { default as statuses } from 'statuses';\nexport * from 'http-status-codes';",
  'http-triage': "export * from './pkg/index.js';",
};

/** Builds every entry; resolves to { name: absolute path of the minified bundle }. */
export async function bundleAll() {
  mkdirSync(vendorDir, { recursive: true });
  const out = {};
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const outfile = join(vendorDir, `${name}.js`);
    await build({
      stdin: { contents, resolveDir: root, sourcefile: `${name}-entry.js`, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      legalComments: 'none',
      outfile,
      logLevel: 'error',
    });
    out[name] = outfile;
  }
  // The bundled http-triage loads its wasm from new URL('./http_triage_bg.wasm', import.meta.url).
  copyFileSync(join(root, 'pkg/http_triage_bg.wasm'), join(vendorDir, 'http_triage_bg.wasm'));
  return out;
}

/** Versions of the compared packages as installed. */
export function versions() {
  const v = (p) => JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version;
  return { ky: v('ky'), statuses: v('statuses'), 'http-status-codes': v('http-status-codes'), esbuild: v('esbuild') };
}

if (process.argv[1]?.endsWith('bundle.mjs')) {
  const out = await bundleAll();
  writeFileSync(1, `${JSON.stringify(out, null, 2)}\n`);
}
