// The biggest contributors to the browser entry's size, measured: the shipped wasm's sections,
// the un-optimised wasm's code grouped by crate and by what it is for (its names survive there),
// the text tables in its data segment, and the JS. Brotli shares of code are estimated from the
// shipped code section's brotli ratio; text is compressed alone.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, pkgDir, loadPkg } from './env.mjs';
import { profile, parseWasm, textCost } from './wasm-profile.mjs';
import { sizes } from '../sizes.mjs';
import { fmtKB } from './stats.mjs';

const NAMED = join(root, 'target/glue/web/http_triage_bg.wasm');
const SHIPPED = join(pkgDir, 'http_triage_bg.wasm');

/** Groups of code by what they are for: [key, label, test on the symbol, what would cut it]. */
const GROUPS = [
  ['numfmt', 'number formatting (f64 / u128 Display, zmij, itoa, 128-bit division)', /flt2dec|fmt::float|num::bignum|num::diy_float|float_to_decimal|float_to_exponential|zmij|itoa|_fmt_inner|u128_div_rem|specialized_div_rem|error::js_number/,
    'numbers in error messages and JSON output: format integers by hand, hand fractional values to JS (String(n)) instead of Rust formatting'],
  ['problem', 'http-triage problem (parseErrorBody)', /http_triage::problem/, 'the vendor shapes: key lookups and string matching over the parsed body; detect::from_object alone is ~8 KB'],
  ['retry', 'http-triage retry (policy, options, HTTP-date)', /http_triage::retry/, 'options validation (options_json) is the largest part; then HTTP-date and RateLimit parsing'],
  ['json', 'http-triage json (the own JSON value and parser)', /http_triage::json/, 'parses string bodies (parseErrorBody) and holds JS values read for validation; exact decimal-to-f64 without tables'],
  ['messages', 'http-triage messages (catalogs, negotiation)', /http_triage::messages/, 'catalog parsing/validation and the store'],
  ['bindings', 'http-triage bindings (JS <-> Rust)', /http_triage::bindings/, 'hand-written conversions'],
  ['triage', 'http-triage classify, kind, failure, error', /http_triage::/, 'the core tables and the error type'],
  ['str', 'string search and UTF-8 (core::str, alloc::str, memchr)', /core::str|alloc::str|memchr|core::unicode|char::/,
    'UTF-8 validation and char iteration, memchr and trims; the two-way searcher and the char-boundary panic are already gone (byte-wise matching)'],
  ['wbg', 'wasm-bindgen, js-sys, web-sys and export shims', /wasm_bindgen|js_sys|web_sys|externref|shim|^[a-zA-Z]+(_[a-zA-Z]+)?$/,
    'one shim per export and import; fewer, coarser exports (numbers and packed strings) would cut them'],
  ['alloc', 'allocator and collections (lol_alloc, Vec, String, hashbrown)', /lol_alloc|dlmalloc|alloc::raw_vec|alloc::vec|alloc::string|hashbrown|__rdl|__rust_/,
    'lol_alloc is under 1 KB; the rest is Vec/String growth code, monomorphised per element type'],
  ['fmt', 'core::fmt and panic/Debug machinery', /core::fmt|core::panicking|as core::fmt::Debug|escape_debug|core::str::slice_error|slice_index_fail|core::unicode/,
    'integer Display and fmt::write for format! in argument errors and for bounds-check panics: a no_std build with its own panic handler and messages built without format! would drop it (panic_immediate_abort needs nightly)'],
];

export async function run() {
  if (!existsSync(NAMED)) {
    return { id: 'size-profile', title: 'Size contributors', columns: ['note'], rows: [['target/glue/web/http_triage_bg.wasm is missing: run scripts/build.sh']], targets: [], notes: [] };
  }
  const p = profile({ shipped: SHIPPED, named: NAMED, top: 15 });
  const code = p.shipped.sections.find((s) => s.label === 'code');
  const dataSec = p.shipped.sections.find((s) => s.label === 'data');
  const brPerCodeByte = code.brotli / p.named.codeTotal;

  // Code groups (each function counted once, in the first group that matches).
  const nm = parseWasm(readFileSync(NAMED));
  const groupBytes = new Map(GROUPS.map(([k]) => [k, 0]));
  let rest = 0;
  const restFns = [];
  for (const b of nm.bodies) {
    const name = b.name.replace(/\[[0-9a-f]{8,}\]/g, '');
    const g = GROUPS.find(([, , re]) => re.test(name));
    if (g) groupBytes.set(g[0], groupBytes.get(g[0]) + b.size); else { rest += b.size; restFns.push([name, b.size]); }
  }

  // Text in the data segment.
  const m = await loadPkg();
  // Every code 100..599: the catalog's rows and the per-class answers of unassigned codes.
  const infos = [];
  for (let c = 100; c <= 599; c++) infos.push(m.classify(c));
  const descriptions = [...new Set(infos.map((s) => s.description))];
  const descCost = textCost(descriptions);
  const phrases = [...new Set(infos.flatMap((s) => [s.reason, s.spec]))];
  const phraseCost = textCost(phrases);
  const enPath = join(root, 'locales/en.json');
  const enCost = existsSync(enPath) ? textCost([readFileSync(enPath, 'utf8')]) : { raw: 0, brotli: 0 };
  const otherText = Math.max(0, p.named.dataTotal - descCost.raw - enCost.raw - phraseCost.raw);

  // JS: as published vs minified by a bundler.
  const glueJs = sizes(readFileSync(join(root, 'target/js/http_triage_web.js')));

  const rows = [];
  const contributors = [];
  const add = (label, raw, brotli, how, key = label) => contributors.push({ key, label, raw, brotli, how });
  add('status descriptions (data: the built-in classify().description of every code)', descCost.raw, descCost.brotli,
    `${descriptions.length} distinct one-line developer descriptions, avg ${Math.round(descCost.raw / descriptions.length)} B; the long texts are the opt-in descriptions pack, outside the entry`, 'descriptions');
  add('reason phrases and spec references (data)', phraseCost.raw, phraseCost.brotli, 'needed by classify(); small', 'phrases');
  add('built-in English catalog (data: static text generated from locales/en.json by build.rs)', enCost.raw, enCost.brotli,
    'the English text itself; no parsing at start-up', 'en');
  add('other data (argument-error text, field and kind names, vendor keys, panic text, tables)', otherText, Math.round(otherText * (dataSec.brotli / p.named.dataTotal)), 'argument-error messages, field names, Rust panic/location strings', 'otherData');
  for (const [k, label, , how] of GROUPS) add(label, groupBytes.get(k), Math.round(groupBytes.get(k) * brPerCodeByte), how, k);
  add('other code (std thread-locals, iterators, panics, the rest)', rest, Math.round(rest * brPerCodeByte), '', 'otherCode');
  add('wasm-bindgen JS glue (http_triage_web.js)', glueJs.raw, glueJs.brotli, 'unminified here; pkg/index.js ships it minified and bundled with the JS layer', 'glue');
  contributors.sort((a, b) => b.brotli - a.brotli);
  for (let i = contributors.length - 1; i >= 0; i--) if (contributors[i].raw === 0) contributors.splice(i, 1);
  for (const c of contributors) rows.push([c.label, fmtKB(c.raw), `~${fmtKB(c.brotli)}`, c.how]);

  return {
    id: 'size-profile',
    title: 'What the browser entry is made of (largest first; raw = un-optimised wasm-bindgen output, whose names survive; brotli estimated in the shipped file)',
    columns: ['contributor', 'raw', 'brotli (est.)', 'what it is / what would cut it'],
    rows,
    targets: [],
    data: {
      shippedSections: p.shipped.sections.slice(0, 6),
      byCrate: p.named.byCrate.slice(0, 14),
      topFunctions: p.named.topFunctions,
      contributors,
      restTop: restFns.sort((a, b) => b[1] - a[1]).slice(0, 30),
    },
    notes: [
      `Shipped wasm ${fmtKB(p.shipped.total)} raw / ${fmtKB(p.shipped.brotli)} brotli: ${p.shipped.sections.slice(0, 4).map((s) => `${s.label} ${fmtKB(s.raw)} (${fmtKB(s.brotli)} br alone)`).join(', ')}.`,
      `Code by crate (un-optimised, ${fmtKB(p.named.codeTotal)} in ${p.named.functions} functions): ${p.named.byCrate.slice(0, 12).map((c) => `${c.name} ${fmtKB(c.size)}`).join(', ')}.`,
      `Largest functions: ${p.named.topFunctions.slice(0, 10).map((f) => `${f.name.replace(/\[[0-9a-f]+\]/g, '')} ${f.size} B`).join('; ')}.`,
    ],
  };
}
