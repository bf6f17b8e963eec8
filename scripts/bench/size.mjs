// Size: the files the browser entry loads (wasm + JS, English only), each locale pack, and the
// alternatives (ky, statuses, http-status-codes) bundled by esbuild into one minified file each.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { sizes } from '../sizes.mjs';
import { root, pkgDir } from './env.mjs';
import { fmtKB, fmtRatio } from './stats.mjs';

export const ENTRY_BROTLI_TARGET = 30 * 1024;
export const LOCALE_BROTLI_TARGET = 2 * 1024;

/** Every file the browser entry (pkg/index.js) loads: its static imports, recursively, and the wasm. */
export function browserEntryFiles(entry = join(pkgDir, 'index.js')) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    const specs = [
      ...src.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g),
      ...src.matchAll(/(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]/g),
    ].map((m) => m[1]);
    for (const s of specs) walk(join(dirname(file), s));
    for (const m of src.matchAll(/new URL\(\s*['"](\.{1,2}\/[^'"]+\.wasm)['"]\s*,\s*import\.meta\.url/g)) {
      seen.add(join(dirname(file), m[1]));
    }
  };
  walk(entry);
  return [...seen].map((f) => relative(pkgDir, f)).sort((a, b) => (a.endsWith('.wasm') ? -1 : b.endsWith('.wasm') ? 1 : a.localeCompare(b)));
}

const sum = (list) => list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });

export async function run({ bundles }) {
  const files = browserEntryFiles();
  const perFile = files.map((f) => [f, sizes(readFileSync(join(pkgDir, f)))]);
  const entry = sum(perFile.map(([, s]) => s));
  const wasm = perFile.find(([f]) => f.endsWith('.wasm'))[1];
  const jsOnly = sum(perFile.filter(([f]) => !f.endsWith('.wasm')).map(([, s]) => s));
  const bundledJs = sizes(readFileSync(bundles['http-triage']));
  const bundled = sum([bundledJs, wasm]);
  const alt = (name) => sizes(readFileSync(bundles[name]));
  const stack = alt('ky+statuses+http-status-codes');

  const localesDir = join(pkgDir, 'locales');
  const locales = existsSync(localesDir)
    ? readdirSync(localesDir).filter((f) => f.endsWith('.js')).sort().map((f) => [f.slice(0, -3), sizes(readFileSync(join(localesDir, f)))])
    : [];

  const row = (name, s, note = '') => [name, fmtKB(s.raw), fmtKB(s.gzip), fmtKB(s.brotli), note];
  const rows = [
    row('http-triage browser entry, as published (wasm + JS, English)', entry, `${files.length} files: ${files.join(', ')}`),
    ...perFile.map(([f, s]) => row(`  ${f}`, s)),
    row('  JS of the entry, all files', jsOnly),
    row('http-triage, JS bundled + minified by esbuild, + wasm', bundled, `JS ${fmtKB(bundledJs.brotli)} br + wasm ${fmtKB(wasm.brotli)} br`),
    row('ky (esbuild, minified)', alt('ky')),
    row('statuses (esbuild, minified)', alt('statuses')),
    row('http-status-codes (esbuild, minified, whole package)', alt('http-status-codes')),
    row('ky + statuses + http-status-codes, one bundle', stack, `http-triage entry = ${fmtRatio(entry.brotli / stack.brotli)} of it (brotli)`),
    ...locales.map(([tag, s]) => row(`locale pack locales/${tag}.js`, s, s.brotli <= LOCALE_BROTLI_TARGET ? '' : 'over 2 KB brotli')),
  ];

  const worstLocale = locales.reduce((w, l) => (!w || l[1].brotli > w[1].brotli ? l : w), null);
  const overLocales = locales.filter(([, s]) => s.brotli > LOCALE_BROTLI_TARGET);
  const targets = [
    {
      label: 'browser entry (wasm + JS, English) <= 30 KB brotli',
      value: fmtKB(entry.brotli),
      met: entry.brotli <= ENTRY_BROTLI_TARGET,
      key: 'size',
    },
    {
      label: 'each locale pack <= 2 KB brotli',
      value: worstLocale ? `largest ${worstLocale[0]}: ${worstLocale[1].brotli} B` : 'no locale packs',
      met: overLocales.length === 0,
      key: 'locales',
      detail: overLocales.map(([t, s]) => `${t} ${s.brotli} B`).join(', '),
    },
  ];

  // The build's own record, for a cross-check (the size budget reads it).
  let buildRecord = null;
  const record = join(root, 'target/sizes.json');
  if (existsSync(record)) buildRecord = JSON.parse(readFileSync(record, 'utf8')).browserEntry;

  return {
    id: 'size',
    title: 'Size (bytes on the wire; KB = 1024 B; gzip -9, brotli -q 11, each file compressed alone)',
    columns: ['what', 'raw', 'gzip', 'brotli', 'note'],
    rows,
    targets,
    data: { files, entry, wasm, jsOnly, bundled, stack, locales: Object.fromEntries(locales), buildRecord },
    notes: buildRecord && buildRecord.brotli !== entry.brotli
      ? [`target/sizes.json (written by the build) records ${buildRecord.brotli} B brotli for the browser entry; this run measured ${entry.brotli} B from the import graph of pkg/index.js.`]
      : [],
  };
}
