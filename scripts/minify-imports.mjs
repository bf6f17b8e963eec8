// Shortens the wasm's import names, and the glue's matching keys, after wasm-opt.
// wasm-bindgen names every import `__wbg_<name>_<16 hex digits>` in module "./http_triage_bg.js":
// 57 imports cost ~3 KB raw in the wasm and again in the glue, and the hashes do not compress.
// Usage: node scripts/minify-imports.mjs <wasm> <glue.js>... [<named.wasm>...] (rewrites them in
// place; the named wasm files get the same import names). Each old name must occur exactly once
// in each glue file, or nothing is written.
import { readFileSync, writeFileSync } from 'node:fs';

const MODULE = './http_triage_bg.js';
const args = process.argv.slice(2);
const wasmPath = args[0];
const gluePaths = args.slice(1).filter((a) => a.endsWith('.js'));
const namedPaths = args.slice(1).filter((a) => a.endsWith('.wasm'));
if (!wasmPath || gluePaths.length === 0) {
  console.error('usage: minify-imports.mjs <wasm> <glue.js>... [<named.wasm>...]');
  process.exit(2);
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

const text = new TextDecoder('utf-8', { fatal: true });
const utf8 = (s) => [...u32(Buffer.byteLength(s)), ...Buffer.from(s)];

/** a, b, …, z, A, …, Z, aa, ab, … */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

/**
 * The wasm with its import section rewritten: every import moves to module "a", and its field
 * becomes `rename(field, index)`. Other sections (code, names) are copied as they are.
 */
function rewriteImports(wasm, rename) {
  const out = [wasm.subarray(0, 8)]; // Buffers, concatenated at the end
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readU32(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let p = body;
    let count;
    [count, p] = readU32(wasm, p);
    const section = [...u32(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readU32(wasm, p);
      const module = text.decode(wasm.subarray(p, p + len));
      p += len;
      [len, p] = readU32(wasm, p);
      const field = text.decode(wasm.subarray(p, p + len));
      p += len;
      if (module !== MODULE || wasm[p] !== 0x00) throw new Error(`unexpected import ${module} ${field}`);
      const descStart = p;
      [, p] = readU32(wasm, p + 1); // a function import: kind 0, then its type index
      section.push(...utf8('a'), ...utf8(rename(field, i)), ...wasm.subarray(descStart, p));
    }
    if (p !== end) throw new Error('import section not read to its end');
    out.push(Buffer.from([2, ...u32(section.length), ...section]));
    at = end;
  }
  return Buffer.concat(out);
}

const wasm = readFileSync(wasmPath);
const renames = [];
const rewritten = rewriteImports(wasm, (field, i) => {
  const short = shortName(i);
  renames.push([field, short]);
  return short;
});
const byOld = new Map(renames);
// The named, un-optimised wasm files beside the glue (benchmarks profile them) get the same
// names, so they still load with the rewritten glue; imports wasm-opt dropped keep theirs.
const named = namedPaths.map((path) => [path, rewriteImports(readFileSync(path), (field) => byOld.get(field) ?? field)]);

const glues = gluePaths.map((path) => {
  let js = readFileSync(path, 'utf8');
  const count = (s) => js.split(s).length - 1;
  const moduleKey = `"${MODULE}": import0`;
  if (count(moduleKey) !== 1) throw new Error(`${path}: the import module key is not there exactly once`);
  js = js.replace(moduleKey, 'a: import0');
  for (const [old, short] of renames) {
    if (count(`${old}:`) !== 1 || count(old) !== 1) throw new Error(`${path}: ${old} is not there exactly once`);
    js = js.replace(`${old}:`, `${short}:`);
  }
  return [path, js];
});

const before = wasm.length;
writeFileSync(wasmPath, rewritten);
for (const [path, js] of glues) writeFileSync(path, js);
for (const [path, bytes] of named) writeFileSync(path, bytes);
console.log(`minify-imports: ${renames.length} imports renamed; wasm ${before} -> ${rewritten.length} B`);
