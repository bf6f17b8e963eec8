// What a consumer's production bundle ships: each candidate is an app entry that imports a
// library and keeps what it imported (assigned to globalThis, so no bundler can drop it),
// bundled and minified with each bundler's defaults for a production build:
//   esbuild  --bundle --minify --format=esm (browser platform, default ASCII charset)
//   Vite 7   `vite build` of the entry (app build, default minifier)
//   webpack 5 production mode (its default Terser)
// The apps live in target/bench/apps/<app>/: node_modules/http-triage there is a copy of pkg/
// (the new format), of the old format's pkg/ (old-format.mjs), or of pkg/ with the inline wasm
// emptied (to split a bundle into its JS and its wasm); the other libraries resolve from the
// repo's node_modules. Output: target/bench/out/<bundler>/<candidate>/, every file of it.
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { root, pkgDir, nodeEntry } from './env.mjs';
import { sizes } from '../sizes.mjs';
import { wasmInText } from '../wasm-literal.mjs';

export const appsDir = join(root, 'target/bench/apps');
export const outDir = join(root, 'target/bench/out');
/** Browser bundles the Chromium page loads (/vendor/<name>.js). */
export const vendorDir = join(root, 'target/bench/vendor');

const TRIAGE = "import { createFetch, userMessage, classify } from 'http-triage';\nglobalThis.app = { createFetch, userMessage, classify };\n";

/**
 * The candidates: name -> { app, code, bundlers? }. `app` names the folder whose node_modules
 * holds the http-triage it imports (the others import only public packages).
 */
export const CANDIDATES = {
  'http-triage': { app: 'new', code: TRIAGE },
  'http-triage, old format (196620b)': { app: 'old', code: TRIAGE },
  'http-triage, wasm emptied (its JS alone)': { app: 'nowasm', code: TRIAGE },
  'http-triage, classify only': {
    app: 'new', code: "import { classify } from 'http-triage';\nglobalThis.app = { classify };\n", bundlers: ['esbuild'],
  },
  ky: { app: 'new', code: "import ky from 'ky';\nglobalThis.app = { ky };\n" },
  'ky + statuses': { app: 'new', code: "import ky from 'ky';\nimport statuses from 'statuses';\nglobalThis.app = { ky, statuses };\n" },
  ofetch: { app: 'new', code: "import { ofetch } from 'ofetch';\nglobalThis.app = { ofetch };\n" },
  wretch: { app: 'new', code: "import wretch from 'wretch';\nglobalThis.app = { wretch };\n" },
  'wretch + its retry middleware': {
    app: 'new', code: "import wretch from 'wretch';\nimport { retry } from 'wretch/middlewares/retry';\nglobalThis.app = { wretch, retry };\n",
  },
  'axios + axios-retry': {
    app: 'new', code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nglobalThis.app = { axios, axiosRetry };\n",
  },
};
export const BUNDLERS = ['esbuild', 'vite', 'webpack'];

const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

/**
 * The span [start, end) of the inline wasm in a bundled entry (the literal with its quotes, or a
 * base64 run) and the quote to leave in its place; null if the module carries no wasm inline.
 */
export function wasmLiteralSpan(js) {
  const [first] = wasmInText(js);
  if (!first) return null;
  return [first.start, first.end, first.form === 'base64' ? '' : js[first.start]];
}

/** Copies a package into apps/<app>/node_modules/http-triage (optionally transforming files). */
function install(app, from, transform) {
  const dir = join(appsDir, app, 'node_modules', 'http-triage');
  rmSync(join(appsDir, app), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(from, dir, { recursive: true });
  if (transform) transform(dir);
  writeFileSync(join(appsDir, app, 'package.json'), `${JSON.stringify({ name: `bench-app-${app}`, private: true, type: 'module' })}\n`);
}

/**
 * Lays out the apps: the new format, the old one (`oldDir`; null when it could not be built),
 * and the new with its wasm emptied.
 */
export function prepareApps(oldDir) {
  install('new', pkgDir);
  if (oldDir) install('old', oldDir);
  install('nowasm', pkgDir, (dir) => {
    for (const f of ['index.js', 'index.cjs']) {
      const js = readFileSync(join(dir, f), 'utf8');
      const span = wasmLiteralSpan(js);
      if (!span) throw new Error(`pkg/${f}: no inline wasm found (a literal starting with the wasm header, or base64 of it)`);
      writeFileSync(join(dir, f), `${js.slice(0, span[0])}${span[2]}${span[2]}${js.slice(span[1])}`);
    }
  });
}

/**
 * Every file a page loads from one build's output (relative path -> sizes): scripts, styles and
 * wasm; not the LICENSE.txt webpack's Terser writes beside a bundle, which nothing loads.
 */
function outputs(dir) {
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(dir).filter((f) => /\.(m?js|cjs|css|wasm)$/.test(f) && statSync(f).size > 0).map((f) => [relative(dir, f), sizes(readFileSync(f))]);
}

/**
 * esbuild emits no asset named by `new URL('./x.wasm', import.meta.url)` (the old format's
 * loader): its users copy the file beside the bundle by hand, so the bundle is counted with it.
 */
async function withEsbuild(entry, out, app) {
  await esbuild({
    entryPoints: [entry], outdir: out, bundle: true, minify: true, format: 'esm', platform: 'browser',
    logLevel: 'error', write: true,
  });
  for (const f of readdirSync(out).filter((x) => x.endsWith('.js'))) {
    for (const [, asset] of readFileSync(join(out, f), 'utf8').matchAll(/new URL\(\s*["']\.\/([\w.-]+\.wasm)["']/g)) {
      cpSync(join(appsDir, app, 'node_modules', 'http-triage', asset), join(out, asset));
    }
  }
}

async function withVite(entry, out, app) {
  const { build } = await import('vite');
  await build({
    root: join(appsDir, app), configFile: false, logLevel: 'silent', mode: 'production',
    build: { outDir: out, emptyOutDir: true, reportCompressedSize: false, rollupOptions: { input: entry } },
  });
}

async function withWebpack(entry, out, app) {
  const webpack = createRequire(import.meta.url)('webpack');
  await new Promise((resolve, reject) => {
    webpack({
      mode: 'production', context: join(appsDir, app), entry, performance: { hints: false },
      output: { path: out, filename: 'main.js', clean: true },
    }, (err, stats) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
}

const RUN = { esbuild: withEsbuild, vite: withVite, webpack: withWebpack };

/**
 * Bundles every candidate with every bundler; resolves to
 * { [candidate]: { [bundler]: { files: [[path, sizes]], total, js, wasm, seconds } } }.
 * `total` sums each file compressed alone; `wasm` is the emitted .wasm files (old format).
 */
export async function bundleAll(oldDir, log = () => {}) {
  prepareApps(oldDir);
  const result = {};
  for (const [name, c] of Object.entries(CANDIDATES)) {
    result[name] = {};
    if (c.app === 'old' && !oldDir) continue;
    const entry = join(appsDir, c.app, 'src', `${slug(name)}.js`);
    mkdirSync(join(appsDir, c.app, 'src'), { recursive: true });
    writeFileSync(entry, c.code);
    for (const bundler of c.bundlers ?? BUNDLERS) {
      const out = join(outDir, bundler, slug(name));
      rmSync(out, { recursive: true, force: true });
      const t0 = performance.now();
      await RUN[bundler](entry, out, c.app);
      const files = outputs(out);
      const sum = (fs) => fs.reduce((a, [, s]) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
      result[name][bundler] = {
        files,
        total: sum(files),
        js: sum(files.filter(([f]) => /\.(m?js|cjs)$/.test(f))),
        wasm: sum(files.filter(([f]) => f.endsWith('.wasm'))),
        seconds: (performance.now() - t0) / 1000,
      };
    }
    log(`bundled ${name}`);
  }
  return result;
}

/** The browser bundles the Chromium page loads (/vendor/<name>.js): statuses, as minified ESM. */
export async function vendorBundles() {
  mkdirSync(vendorDir, { recursive: true });
  const entries = { statuses: "export { default } from 'statuses';" };
  for (const [name, contents] of Object.entries(entries)) {
    await esbuild({
      stdin: { contents, resolveDir: root, sourcefile: `${name}-entry.js`, loader: 'js' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', legalComments: 'none',
      outfile: join(vendorDir, `${name}.js`), logLevel: 'error',
    });
  }
}

/** Versions of the compared packages and the bundlers, as installed. */
export function versions() {
  const v = (p) => JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version;
  const names = ['ky', 'statuses', 'ofetch', 'wretch', 'axios', 'axios-retry', 'esbuild', 'vite', 'webpack', 'terser', 'playwright-core'];
  return { ...Object.fromEntries(names.map((n) => [n, v(n)])), 'http-triage': JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version, entry: relative(root, nodeEntry()) };
}
