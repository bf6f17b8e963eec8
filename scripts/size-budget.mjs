// The size budget, checked by `make test`: reads target/sizes.json (written by scripts/build.sh)
// and fails when the entry, a consumer's bundle, a locale pack or an adapter is over budget
// (brotli).
//   node scripts/size-budget.mjs
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The budgets, in bytes of brotli (-q 11): what was measured when they were last set, plus ~1.5%;
 * lower them as the size goes down (BENCHMARKS.md says what each capability costs and what the
 * 40 KB target would take).
 *
 * Set 2026-11-30 for the self-contained format (issues 11 and 12): the entry pkg/index.js (the JS
 * layer and the wasm as text) measured 64,830 B, a consumer's esbuild bundle of createFetch,
 * userMessage and classify 65,719 B. On the way: the wasm-bindgen glue and every JS import of
 * the wasm gone (-6.5 KB), the JSON text parser gone (JSON.parse reads JSON; -3.2 KB), the wasm
 * text's control bytes swapped for rare printable ones (-2 KB after minifiers); and capabilities
 * added: issue 13 (+5.3 KB: XML bodies, body retry hints, the failure table, the retry quota,
 * one-shot bodies, cross-tab pauses), issue 14 (+3.1 KB: the unknown kind, situations, when
 * tables, server text language matching) and issue 16 (+0.7 KB: other clients' errors).
 */
export const BROWSER_ENTRY_BROTLI_BUDGET = 65_800;
/** A consumer's production bundle (esbuild --bundle --minify) of createFetch, userMessage, classify. */
export const CONSUMER_BUNDLE_BROTLI_BUDGET = 66_700;
/** Each locale pack (pkg/locales/<tag>.js). */
export const LOCALE_PACK_BROTLI_BUDGET = 2_048;
/** Each adapter (pkg/adapters/<name>.js: JS only, it shares the entry's wasm), issue 16. */
export const ADAPTER_BROTLI_BUDGET = 1_024;
/** The adapters package.mjs must have measured. */
const ADAPTERS = ['tanstack-query', 'axios', 'ky', 'ofetch'];

const root = fileURLToPath(new URL('..', import.meta.url));
const record = join(root, 'target/sizes.json');

function main() {
  if (!existsSync(record)) {
    return [`size budget: ${record} is missing; run scripts/build.sh first (it writes the sizes).`];
  }
  const { browserEntry, consumerBundle, files = {} } = JSON.parse(readFileSync(record, 'utf8'));
  const failures = [];
  for (const [what, sizes, budget, name] of [
    ['the entry pkg/index.js (JS + wasm text)', browserEntry, BROWSER_ENTRY_BROTLI_BUDGET, 'BROWSER_ENTRY_BROTLI_BUDGET'],
    ["a consumer's esbuild bundle of createFetch, userMessage, classify", consumerBundle, CONSUMER_BUNDLE_BROTLI_BUDGET, 'CONSUMER_BUNDLE_BROTLI_BUDGET'],
  ]) {
    if (!sizes || typeof sizes.brotli !== 'number') {
      failures.push(`size budget: target/sizes.json has no brotli size of ${what}`);
      continue;
    }
    const line = `${what}: ${sizes.brotli} B brotli, budget ${budget} B`;
    if (sizes.brotli > budget) {
      failures.push(`size budget exceeded: ${line} (${sizes.brotli - budget} B over). See what grew in the size `
        + `profile of \`make bench\` (or \`twiggy top\` on target/wasm32-unknown-unknown/release/http_triage.wasm); raise ${name} in scripts/size-budget.mjs only on purpose.`);
    } else {
      console.log(`ok: ${line} (${budget - sizes.brotli} B to spare)`);
    }
  }
  const locales = Object.entries(files).filter(([name]) => /^locales\/.+\.js$/.test(name));
  for (const [name, s] of locales) {
    if (s.brotli > LOCALE_PACK_BROTLI_BUDGET) {
      failures.push(`size budget exceeded: ${name} is ${s.brotli} B brotli, budget ${LOCALE_PACK_BROTLI_BUDGET} B (${s.brotli - LOCALE_PACK_BROTLI_BUDGET} B over)`);
    }
  }
  if (locales.length) {
    const largest = locales.reduce((a, b) => (b[1].brotli > a[1].brotli ? b : a));
    console.log(`${failures.some((f) => f.includes('locales/')) ? 'FAILED' : 'ok'}: ${locales.length} locale packs, largest ${largest[0]} ${largest[1].brotli} B brotli, budget ${LOCALE_PACK_BROTLI_BUDGET} B each`);
  }
  for (const name of ADAPTERS) {
    const s = files[`adapters/${name}.js`];
    if (!s) failures.push(`size budget: target/sizes.json has no adapters/${name}.js`);
    else if (s.brotli > ADAPTER_BROTLI_BUDGET) failures.push(`size budget exceeded: adapters/${name}.js is ${s.brotli} B brotli, budget ${ADAPTER_BROTLI_BUDGET} B`);
  }
  if (!failures.some((f) => f.includes('adapters/'))) {
    console.log(`ok: ${ADAPTERS.length} adapters, ${ADAPTERS.map((a) => `${a} ${files[`adapters/${a}.js`].brotli} B`).join(', ')} brotli, budget ${ADAPTER_BROTLI_BUDGET} B each`);
  }
  return failures;
}

const failures = main();
if (failures.length) {
  for (const f of failures) console.error(f);
  console.log('test result: FAILED. 0 passed; 1 failed');
  process.exit(1);
}
console.log('test result: ok. 1 passed; 0 failed');
