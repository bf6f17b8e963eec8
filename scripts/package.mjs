// Assembles pkg/ after wasm-bindgen and wasm-opt: glue, JS entries, types, locale modules, the
// descriptions pack and package.json (from the top-level pkg.json), then prints sizes raw / gzip /
// brotli.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sizes, formatSizes } from './sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const glue = process.argv[2] ?? join(root, 'target/glue');
const pkg = join(root, 'pkg');
mkdirSync(pkg, { recursive: true });

// Each entry ships as one minified ES module: the thin JS layer (src/js) and its wasm-bindgen
// glue bundled together, so a browser makes one module request (plus the wasm) instead of five.
// The `new URL('./http_triage_bg.wasm', import.meta.url)` in the entries is kept as written, so
// bundlers still find the wasm. The unbundled sources stay in target/js for inspection.
const staging = join(root, 'target/js');
mkdirSync(staging, { recursive: true });
copyFileSync(join(glue, 'web/http_triage.js'), join(staging, 'http_triage_web.js'));
copyFileSync(join(glue, 'node/http_triage.js'), join(staging, 'http_triage_node.js'));
for (const f of readdirSync(join(root, 'src/js')).filter((f) => f.endsWith('.js') || f.endsWith('.ts'))) {
  copyFileSync(join(root, 'src/js', f), join(staging, f));
}
for (const entry of ['index.js', 'node.js']) {
  await build({
    entryPoints: [join(staging, entry)],
    outfile: join(pkg, entry),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['node:*'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
copyFileSync(join(root, 'src/js/index.d.ts'), join(pkg, 'index.d.ts'));

// Adapters (issue 16): src/js/adapters/<name>.js -> pkg/adapters/<name>.js, minified but not
// bundled, so they import the entry beside them ('../index.js') and share its one wasm instance.
// Until the entries are one module for every runtime, Node gets <name>.node.js, which imports
// '../node.js' (the `node` condition in pkg.json). Types are copied as written.
const adapterSizes = [];
mkdirSync(join(pkg, 'adapters'), { recursive: true });
for (const f of readdirSync(join(root, 'src/js/adapters')).filter((f) => f.endsWith('.js')).sort()) {
  const name = f.slice(0, -3);
  const out = join(pkg, 'adapters', f);
  await build({ entryPoints: [join(root, 'src/js/adapters', f)], outfile: out, format: 'esm', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning' });
  const js = readFileSync(out, 'utf8');
  if (!js.includes('"../index.js"')) throw new Error(`adapters/${f} must import '../index.js'`);
  writeFileSync(join(pkg, 'adapters', `${name}.node.js`), js.replace('"../index.js"', '"../node.js"'));
  copyFileSync(join(root, 'src/js/adapters', `${name}.d.ts`), join(pkg, 'adapters', `${name}.d.ts`));
  adapterSizes.push([`adapters/${f} (JS only; shares the wasm)`, sizes(Buffer.from(js))]);
}
// The glue in the staging folder loads the wasm beside it (benchmarks use the raw glue).
copyFileSync(join(pkg, 'http_triage_bg.wasm'), join(staging, 'http_triage_bg.wasm'));

// Locale packs: locales/<tag>.json -> pkg/locales/<tag>.js (default export) + .d.ts.
const localeSizes = [];
if (existsSync(join(root, 'locales'))) {
  mkdirSync(join(pkg, 'locales'), { recursive: true });
  for (const f of readdirSync(join(root, 'locales')).filter((f) => f.endsWith('.json')).sort()) {
    const tag = f.slice(0, -5);
    const catalog = JSON.parse(readFileSync(join(root, 'locales', f), 'utf8'));
    const js = `export default ${JSON.stringify(catalog)};\n`;
    writeFileSync(join(pkg, 'locales', `${tag}.js`), js);
    writeFileSync(
      join(pkg, 'locales', `${tag}.d.ts`),
      `import type { MessageCatalog } from '../index.js';\ndeclare const catalog: MessageCatalog;\nexport default catalog;\n`,
    );
    localeSizes.push([`locales/${tag}.js`, sizes(Buffer.from(js))]);
  }
}

// The long developer descriptions: descriptions/en.json -> pkg/descriptions.js (default export,
// registered with addDescriptions) + .d.ts. Opt-in data, so not part of the browser entry.
const descriptions = JSON.parse(readFileSync(join(root, 'descriptions/en.json'), 'utf8'));
const descriptionsJs = `export default ${JSON.stringify(descriptions)};\n`;
writeFileSync(join(pkg, 'descriptions.js'), descriptionsJs);
writeFileSync(
  join(pkg, 'descriptions.d.ts'),
  `import type { DescriptionPack } from './index.js';\ndeclare const pack: DescriptionPack;\nexport default pack;\n`,
);
const descriptionSizes = sizes(Buffer.from(descriptionsJs));

// package.json: the top-level pkg.json with the crate's version.
const manifest = JSON.parse(readFileSync(join(root, 'pkg.json'), 'utf8'));
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
manifest.version = /^version = "([^"]+)"/m.exec(cargo)[1];
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const f of ['README.md']) {
  if (existsSync(join(root, f))) copyFileSync(join(root, f), join(pkg, f));
}

// Sizes.
const file = (f) => readFileSync(join(pkg, f));
const browserEntry = ['index.js', 'http_triage_bg.wasm'];
const rows = [['http_triage_bg.wasm', sizes(file('http_triage_bg.wasm'))]];
for (const f of browserEntry.filter((f) => f.endsWith('.js'))) rows.push([f, sizes(file(f))]);
const total = browserEntry.map((f) => sizes(file(f))).reduce((a, b) => ({
  raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli,
}));
rows.push(['browser entry (wasm + JS, English)', total]);
console.log(formatSizes([...rows, ['descriptions.js (opt-in, not in the entry)', descriptionSizes], ...adapterSizes, ...localeSizes]));
const files = Object.fromEntries([...rows, ['descriptions.js', descriptionSizes], ...adapterSizes.map(([f, s]) => [f.split(' ')[0], s]), ...localeSizes]);
writeFileSync(join(root, 'target/sizes.json'), JSON.stringify({ browserEntry: total, files }, null, 2));
