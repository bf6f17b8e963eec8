// Assembles pkg/ after cargo, wasm-opt and scripts/wasm-text.mjs: the entries (each one
// self-contained module, as ESM and as CommonJS from the same source), types, locale modules,
// the descriptions pack and package.json (from the top-level pkg.json); then prints sizes raw /
// gzip / brotli and writes them to target/sizes.json.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sizes, formatSizes } from './sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const staging = join(root, 'target/js');
mkdirSync(join(pkg, 'locales'), { recursive: true });

// The JS layer, staged beside the generated wasm-bytes.js (the unbundled sources stay in
// target/js for inspection and the benchmarks).
for (const f of readdirSync(join(root, 'src/js')).filter((f) => f.endsWith('.js'))) {
  copyFileSync(join(root, 'src/js', f), join(staging, f));
}
mkdirSync(join(pkg, 'adapters'), { recursive: true });

/** Builds one entry as ESM (`<name>.js`) and CommonJS (`<name>.cjs`) from the same source. */
async function entry(source, name) {
  for (const format of ['esm', 'cjs']) {
    await build({
      entryPoints: [source],
      outfile: join(pkg, `${name}.${format === 'esm' ? 'js' : 'cjs'}`),
      bundle: true,
      format,
      platform: 'neutral',
      target: 'es2020',
      minify: true,
      // Keep the wasm text one byte per character (the default escapes every byte over 0x7f).
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}
await entry(join(staging, 'index.js'), 'index');

const types = readFileSync(join(root, 'src/js/index.d.ts'), 'utf8');
writeFileSync(join(pkg, 'index.d.ts'), types);
writeFileSync(join(pkg, 'index.d.cts'), types);

// Adapters: src/js/adapters/<name>.js -> pkg/adapters/<name>.js (ESM) and .cjs, minified but
// not bundled: each imports the entry beside it ('../index.js', '../index.cjs' in CommonJS) and
// shares its one wasm instance. Types as written (.d.cts: the same, over index.d.cts).
const adapterSizes = [];
for (const f of readdirSync(join(root, 'src/js/adapters')).filter((f) => f.endsWith('.js')).sort()) {
  const name = f.slice(0, -3);
  for (const format of ['esm', 'cjs']) {
    const out = join(pkg, 'adapters', `${name}.${format === 'esm' ? 'js' : 'cjs'}`);
    await build({
      entryPoints: [join(root, 'src/js/adapters', f)], outfile: out, format, platform: 'neutral',
      target: 'es2020', minify: true, legalComments: 'none', logLevel: 'warning',
    });
    const js = readFileSync(out, 'utf8');
    if (!js.includes('"../index.js"')) throw new Error(`adapters/${f} must import '../index.js'`);
    if (format === 'cjs') writeFileSync(out, js.replace('require("../index.js")', 'require("../index.cjs")'));
    else adapterSizes.push([`adapters/${f}`, sizes(Buffer.from(js))]);
  }
  const decl = readFileSync(join(root, 'src/js/adapters', `${name}.d.ts`), 'utf8');
  writeFileSync(join(pkg, 'adapters', `${name}.d.ts`), decl);
  writeFileSync(join(pkg, 'adapters', `${name}.d.cts`), decl.replaceAll("from '../index.js'", "from '../index.cjs'"));
}

/**
 * A data module as ESM (default export) and CommonJS (`module.exports` is the data, so
 * `require()` and a transpiled default import both give it), with types for each.
 */
function dataModule(path, data, typeName, from) {
  const json = JSON.stringify(data);
  writeFileSync(join(pkg, `${path}.js`), `export default ${json};\n`);
  writeFileSync(join(pkg, `${path}.cjs`), `module.exports = ${json};\n`);
  const decl = `import type { ${typeName} } from '${from}';\ndeclare const data: ${typeName};\n`;
  writeFileSync(join(pkg, `${path}.d.ts`), `${decl}export default data;\n`);
  writeFileSync(join(pkg, `${path}.d.cts`), `${decl.replace('.js', '.cjs')}export = data;\n`);
  return sizes(Buffer.from(`export default ${json};\n`));
}

// Locale packs: locales/<tag>.json -> pkg/locales/<tag>.js (+ .cjs, types).
const localeSizes = [];
for (const f of readdirSync(join(root, 'locales')).filter((f) => f.endsWith('.json')).sort()) {
  const tag = f.slice(0, -5);
  const catalog = JSON.parse(readFileSync(join(root, 'locales', f), 'utf8'));
  localeSizes.push([`locales/${tag}.js`, dataModule(`locales/${tag}`, catalog, 'MessageCatalog', '../index.js')]);
}

// The long developer descriptions: opt-in data, registered with addDescriptions.
const descriptions = JSON.parse(readFileSync(join(root, 'descriptions/en.json'), 'utf8'));
const descriptionSizes = dataModule('descriptions', descriptions, 'DescriptionPack', './index.js');

// package.json: the top-level pkg.json with the crate's version.
const manifest = JSON.parse(readFileSync(join(root, 'pkg.json'), 'utf8'));
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
manifest.version = /^version = "([^"]+)"/m.exec(cargo)[1];
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
if (existsSync(join(root, 'README.md'))) copyFileSync(join(root, 'README.md'), join(pkg, 'README.md'));

// Sizes: the published entry, and what a consumer's production bundle of createFetch,
// userMessage and classify ships (esbuild --bundle --minify with its defaults, which print
// ASCII only, so every wasm byte over 0x7f costs four characters there).
const consumer = await build({
  stdin: { contents: "export { createFetch, userMessage, classify } from './pkg/index.js';", resolveDir: root },
  bundle: true, format: 'esm', minify: true, write: false, logLevel: 'warning',
});
const rows = [
  ['index.js (the entry: JS + wasm text)', sizes(readFileSync(join(pkg, 'index.js')))],
  ['wasm (binary, for comparison)', sizes(readFileSync(join(root, 'target/http_triage.wasm')))],
  ['consumer bundle (esbuild --minify)', sizes(Buffer.from(consumer.outputFiles[0].contents))],
];
console.log(formatSizes([...rows, ['descriptions.js (opt-in)', descriptionSizes],
  ...adapterSizes.map(([f, s]) => [`${f} (JS only; shares the wasm)`, s]), ...localeSizes]));
const files = Object.fromEntries([...rows, ['descriptions.js', descriptionSizes], ...adapterSizes, ...localeSizes]);
writeFileSync(join(root, 'target/sizes.json'), JSON.stringify({
  browserEntry: rows[0][1], consumerBundle: rows[2][1], wasm: rows[1][1], files,
}, null, 2));
