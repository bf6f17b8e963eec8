// Size: what a consumer's production bundle ships for
//   import { createFetch, userMessage, classify } from 'http-triage'
// bundled and minified by esbuild, Vite 7 and webpack 5 (bundle.mjs), against the alternatives
// bundled the same way and against the OLD package format (wasm-bindgen glue + a .wasm asset),
// all in this run; and what carrying the wasm as text costs against a separate .wasm of the
// same bytes.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { sizes } from '../sizes.mjs';
import { root, pkgDir } from './env.mjs';
import { bundleAll, BUNDLERS, CANDIDATES } from './bundle.mjs';
import { oldPkg, OLD_COMMIT } from './old-format.mjs';
import { fmtKB, fmtRatio } from './stats.mjs';

export const TARGET_KB = 40;
export const GOAL_KB = 20;
const TRIAGE = 'http-triage';
const OLD = 'http-triage, old format (196620b)';
const NOWASM = 'http-triage, wasm emptied (its JS alone)';
const BUNDLER_LABEL = { esbuild: 'esbuild', vite: 'Vite 7', webpack: 'webpack 5' };

const pct = (a, b) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%`;

/** The wasm as text, raw and after minifiers: what the inline format costs per encoding. */
async function textCosts() {
  const wasm = readFileSync(join(root, 'target/http_triage.wasm'));
  const moduleText = readFileSync(join(root, 'target/js/wasm-bytes.js'));
  const asciiMinified = (await transform(moduleText.toString('utf8'), { minify: true, format: 'esm' })).code;
  const utf8Minified = (await transform(moduleText.toString('utf8'), { minify: true, format: 'esm', charset: 'utf8' })).code;
  const base64 = `export const WASM="${wasm.toString('base64')}";\n`;
  return {
    wasm: sizes(wasm),
    text: sizes(moduleText),
    asciiMinified: sizes(Buffer.from(asciiMinified)),
    utf8Minified: sizes(Buffer.from(utf8Minified)),
    base64: sizes(Buffer.from(base64)),
  };
}

export async function run(ctx) {
  const oldDir = oldPkg((s) => ctx.log?.(s));
  const bundles = await bundleAll(oldDir, (s) => ctx.log?.(s));
  const text = await textCosts();
  const total = (name, b) => bundles[name][b]?.total;

  // Bundle table: brotli per bundler, each file compressed alone and summed.
  const rows = Object.keys(CANDIDATES).map((name) => {
    const cells = BUNDLERS.map((b) => {
      const r = bundles[name][b];
      if (!r) return '—';
      return r.wasm.brotli > 0 ? `${fmtKB(r.total.brotli)} (JS ${fmtKB(r.js.brotli)} + wasm ${fmtKB(r.wasm.brotli)})` : fmtKB(r.total.brotli);
    });
    const t = total(name, 'esbuild');
    const note = name === TRIAGE ? `raw ${BUNDLERS.map((b) => fmtKB(total(name, b).raw)).join(' / ')}`
      : t && name !== NOWASM && !name.startsWith('http-triage') ? `http-triage is ${fmtRatio(total(TRIAGE, 'esbuild').brotli / t.brotli)} this (esbuild)` : '';
    return [name, ...cells, note];
  });

  const worst = Math.max(...BUNDLERS.map((b) => total(TRIAGE, b).brotli));
  const perBundler = BUNDLERS.map((b) => `${BUNDLER_LABEL[b]} ${fmtKB(total(TRIAGE, b).brotli)}`).join(', ');
  const oldVsNew = oldDir
    ? BUNDLERS.map((b) => `${BUNDLER_LABEL[b]} ${fmtKB(total(TRIAGE, b).brotli)} vs ${fmtKB(total(OLD, b).brotli)} (${pct(total(TRIAGE, b).brotli, total(OLD, b).brotli)})`).join('; ')
    : 'not measured in this run: the old format could not be built (see the run\'s log)';
  const wasmShare = BUNDLERS.map((b) => total(TRIAGE, b).brotli - total(NOWASM, b).brotli);

  const textRows = [
    ['the wasm binary (a separate .wasm)', fmtKB(text.wasm.raw), fmtKB(text.wasm.gzip), fmtKB(text.wasm.brotli), 'baseline'],
    ['as text: wasm-bytes.js, one character per byte, control bytes swapped with rare printable ones (UTF-8 file)', fmtKB(text.text.raw), fmtKB(text.text.gzip), fmtKB(text.text.brotli), pct(text.text.brotli, text.wasm.brotli)],
    ['  after esbuild --minify, charset utf8 (what the package ships)', fmtKB(text.utf8Minified.raw), fmtKB(text.utf8Minified.gzip), fmtKB(text.utf8Minified.brotli), pct(text.utf8Minified.brotli, text.wasm.brotli)],
    ["  after esbuild --minify, default ASCII charset (a consumer's esbuild)", fmtKB(text.asciiMinified.raw), fmtKB(text.asciiMinified.gzip), fmtKB(text.asciiMinified.brotli), pct(text.asciiMinified.brotli, text.wasm.brotli)],
    ['as base64 (for reference)', fmtKB(text.base64.raw), fmtKB(text.base64.gzip), fmtKB(text.base64.brotli), pct(text.base64.brotli, text.wasm.brotli)],
    ...BUNDLERS.map((b, i) => [`in the ${BUNDLER_LABEL[b]} bundle: bundle minus its JS alone`, '', '', fmtKB(wasmShare[i]), pct(wasmShare[i], text.wasm.brotli)]),
  ];

  const pkgEntry = sizes(readFileSync(join(pkgDir, 'index.js')));
  const targets = [
    {
      label: `consumer bundle of createFetch + userMessage + classify <= ${TARGET_KB} KB brotli (goal ${GOAL_KB} KB)`,
      value: `${perBundler}`,
      met: worst <= TARGET_KB * 1024,
      key: 'size',
    },
  ];
  const data = {
    bundles, text, pkgEntry, worst, wasmShare,
    triageJs: bundles[NOWASM].esbuild.total,
    oldDir: oldDir ? oldDir.replace(root, '') : null,
    oldVsNew,
  };
  return [
    {
      id: 'size',
      title: "Size: what a consumer's production bundle ships (brotli -q 11 of every file the page loads, each compressed alone and summed; KB = 1024 B)",
      columns: ['app entry imports', 'esbuild', 'Vite 7', 'webpack 5', 'note'],
      rows,
      targets,
      data,
      notes: [
        "Each candidate is an app entry that imports the library and keeps what it imported (`globalThis.app = { … }`). esbuild: `--bundle --minify --format=esm`, browser platform, default (ASCII) charset. Vite: `vite build` of the entry, default config. webpack: `mode: 'production'` (Terser). No option changed from the bundlers' defaults.",
        `New format against the old (commit ${OLD_COMMIT}, wasm-bindgen glue + a .wasm asset; built once into ${data.oldDir} and bundled in this run): ${oldVsNew}. esbuild emits no asset named by \`new URL(…, import.meta.url)\`, so the old format's .wasm is counted there as a user would copy it.`,
        `"wasm emptied" is pkg/ with its inline wasm literal replaced by an empty one: the JS a bundle carries besides the wasm. "classify only" shows what tree-shaking leaves when an app imports only classify.`,
        `The published entry pkg/index.js alone: ${fmtKB(pkgEntry.raw)} raw, ${fmtKB(pkgEntry.brotli)} brotli.`,
      ],
    },
    {
      id: 'size-text',
      title: 'The inline wasm text against a separate .wasm of the same bytes (KB = 1024 B)',
      columns: ['form', 'raw', 'gzip', 'brotli', 'vs the binary (brotli)'],
      rows: textRows,
      targets: [],
      data: text,
      notes: [
        "The package carries the wasm as a template literal with one character per byte (scripts/wasm-text.mjs). Written as UTF-8, each byte over 0x7f takes two bytes on disk; esbuild's default ASCII charset prints those as escapes (`\\xNN`, `\\uNNNN`). The bundle rows are the bundle's brotli minus the brotli of the same bundle with the literal emptied (so they include what brotli shares between JS and wasm).",
      ],
    },
  ];
}
