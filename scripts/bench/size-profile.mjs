// What the consumer bundle is made of, measured: the JS layer (the bundle with its wasm emptied,
// from size.mjs), the shipped wasm's sections, its code grouped by what it is for (names from
// the un-optimised cargo output, whose name section survives), and the text in its data
// segment. A group's brotli is estimated as its share of the named code times the shipped code
// section's brotli; text is compressed alone.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, loadPkg } from './env.mjs';
import { profile, parseWasm, textCost } from './wasm-profile.mjs';
import { fmtKB } from './stats.mjs';

const NAMED = join(root, 'target/wasm32-unknown-unknown/release/http_triage.wasm');
const SHIPPED = join(root, 'target/http_triage.wasm');

/** Code groups: [key, label, test on the demangled symbol]. The first match wins. */
const GROUPS = [
  ['problem', 'parseErrorBody: vendor shapes, problem+json, text clean-up (http_triage::problem)', /^http_triage::problem|<http_triage::problem/],
  ['retry', 'RetryPolicy: options validation, decide, HTTP-date, RateLimit (http_triage::retry)', /^http_triage::retry|<http_triage::retry/],
  ['messages', 'messages: catalogs, negotiation, store, addMessages/addDescriptions validation (http_triage::messages)', /^http_triage::messages|<http_triage::messages/],
  ['json', 'the JSON reader (http_triage::json)', /^http_triage::json|<http_triage::json/],
  ['bindings', 'the ABI: exports, IN/OUT records, tapes (http_triage::bindings and the export functions)', /^http_triage::bindings|<http_triage::bindings|^(input|names|classify|classify_error|list_statuses|user_message|add_messages|list_locales|add_descriptions|parse_error_body|policy_[a-z]+|memory_bytes)$/],
  ['core', 'the other core modules (classify, failure, clients, catalog, error, kind)', /http_triage::/],
  ['thread', 'our code inlined into thread-local access (std::thread::local::LocalKey::with: the closures over the message store, the policy slab and the IO buffers)', /^std::thread|^std::sys|<std::thread|<std::sys/],
  ['fmt', 'formatting, panics and Debug (core::fmt, alloc::fmt, panicking)', /core::fmt|alloc::fmt|core::panicking|panic|slice_index_fail|::fmt$/],
  ['str', 'UTF-8 and string search (core::str, memchr)', /core::str|memchr|core::unicode|core::char/],
  ['collections', 'Vec, String, iterators and their growth code (alloc, core::iter)', /^alloc::|<alloc::|^core::iter|<core::iter/],
  ['allocator', 'the allocator (rlsf TLSF) and memory builtins', /rlsf|^mem(cpy|set|move|cmp)$|__rust_|__rdl|__rg_/],
];

export async function run({ sizeData } = {}) {
  if (!existsSync(NAMED) || !existsSync(SHIPPED)) {
    return { id: 'size-profile', title: 'What the bundle is made of', columns: ['note'], rows: [['the cargo or wasm-opt output is missing: run scripts/build.sh']], targets: [], notes: [] };
  }
  const p = profile({ shipped: SHIPPED, named: NAMED, top: 20 });
  const code = p.shipped.sections.find((s) => s.label === 'code');
  const dataSec = p.shipped.sections.find((s) => s.label === 'data');
  const brPerCodeByte = code.brotli / p.named.codeTotal;

  const nm = parseWasm(readFileSync(NAMED));
  const groupBytes = new Map(GROUPS.map(([k]) => [k, 0]));
  let rest = 0;
  const restFns = [];
  for (const b of nm.bodies) {
    const g = GROUPS.find(([, , re]) => re.test(b.name));
    if (g) groupBytes.set(g[0], groupBytes.get(g[0]) + b.size);
    else { rest += b.size; restFns.push([b.name, b.size]); }
  }

  // Text in the data segment: what the exports answer with.
  const m = await loadPkg();
  const infos = [];
  for (let c = 100; c <= 599; c++) infos.push(m.classify(c));
  const descriptions = textCost([...new Set(infos.map((s) => s.description))]);
  const phrases = textCost([...new Set(infos.flatMap((s) => [s.reason, s.spec]))]);
  const enPath = join(root, 'locales/en.json');
  const en = existsSync(enPath) ? textCost([readFileSync(enPath, 'utf8')]) : { raw: 0, brotli: 0 };
  const otherData = Math.max(0, p.named.dataTotal - descriptions.raw - phrases.raw - en.raw);

  const contributors = [];
  const add = (key, label, raw, brotli) => contributors.push({ key, label, raw, brotli });
  const js = sizeData?.triageJs;
  if (js) add('js', 'the JS layer, as bundled (esbuild; the bundle with its wasm literal emptied)', js.raw, js.brotli);
  for (const [k, label] of GROUPS) add(k, `code: ${label}`, groupBytes.get(k), Math.round(groupBytes.get(k) * brPerCodeByte));
  add('otherCode', 'code: the rest (compiler builtins, closures, options, slices)', rest, Math.round(rest * brPerCodeByte));
  add('descriptions', 'data: the built-in one-line status descriptions (classify().description)', descriptions.raw, descriptions.brotli);
  add('phrases', 'data: reason phrases and spec references', phrases.raw, phrases.brotli);
  add('en', 'data: the English catalog (locales/en.json as static text; its JSON here)', en.raw, en.brotli);
  add('otherData', 'data: the rest (argument-error text, field, kind and vendor key names, tables)', otherData, Math.round(otherData * (dataSec.brotli / p.named.dataTotal)));
  contributors.sort((a, b) => b.brotli - a.brotli);
  const rows = contributors.filter((c) => c.raw > 0).map((c) => [c.label, fmtKB(c.raw), `~${fmtKB(c.brotli)}`]);

  return {
    id: 'size-profile',
    title: 'What the http-triage bundle is made of (largest first; code raw = bytes in the un-optimised cargo output, whose names survive; brotli estimated in the shipped wasm)',
    columns: ['contributor', 'raw', 'brotli (est.)'],
    rows,
    targets: [],
    data: {
      shippedSections: p.shipped.sections.slice(0, 6),
      shippedBrotli: p.shipped.brotli,
      byModule: p.named.byModule.slice(0, 20),
      topFunctions: p.named.topFunctions,
      contributors,
      restTop: restFns.sort((a, b) => b[1] - a[1]).slice(0, 20),
    },
    notes: [
      `Shipped wasm ${fmtKB(p.shipped.total)} raw / ${fmtKB(p.shipped.brotli)} brotli: ${p.shipped.sections.slice(0, 3).map((s) => `${s.label} ${fmtKB(s.raw)} (${fmtKB(s.brotli)} brotli alone)`).join(', ')}.`,
      `Un-optimised code by module (${fmtKB(p.named.codeTotal)} in ${p.named.functions} functions; wasm-opt -Oz then makes it ${fmtKB(code.raw)}): ${p.named.byModule.slice(0, 12).map((c) => `${c.name} ${fmtKB(c.size)}`).join(', ')}.`,
      `Largest functions: ${p.named.topFunctions.slice(0, 10).map((f) => `${f.name} ${f.size} B`).join('; ')}.`,
    ],
  };
}
