// Finds the WebAssembly bytes a build output (or the package itself) ships, in whichever form:
//   - 'asset':   a separate .wasm file (today's format: Vite and webpack emit one);
//   - 'literal': a JavaScript string or template literal whose value starts with the wasm magic
//                \0asm\x01\0\0\0 (the raw, escaped or mixed spelling any minifier may have chosen),
//                evaluated exactly as the runtime would, then taken one byte per character;
//   - 'base64':  a base64 run starting with AGFzbQ (= \0asm), e.g. in a data: URL.
// Source maps are skipped (their sourcesContent repeats the package's own literal).
//
// The package's own encoding (scripts/wasm-text.mjs) swaps the control bytes with rare printable
// ones, so the header is not visible in it: a literal of at least 16 KB whose value decodes (with
// that script's `decode`) to the wasm magic is read that way.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, relative } from 'node:path';
import vm from 'node:vm';
import { decode } from '../../../scripts/wasm-text.mjs';

const MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const TEXT_EXTS = new Set(['.js', '.mjs', '.cjs', '.html', '.json']);

// One character of the header as a JS literal may spell it: raw, \xHH, \uHHHH, \u{H}, or \0.
const spell = (code) => {
  const hex = code.toString(16);
  const forms = [`\\\\x${hex.padStart(2, '0')}`, `\\\\u${hex.padStart(4, '0')}`, `\\\\u\\{0*${hex}\\}`];
  if (code === 0) forms.push('\\\\0(?![0-9])');
  forms.push(code < 0x20 ? `\\x${hex.padStart(2, '0')}` : String.fromCharCode(code));
  return `(?:${forms.join('|')})`;
};
const HEADER = new RegExp(`(['"\`])${[...MAGIC].map(spell).join('')}`, 'g');
const BASE64 = /(?<![A-Za-z0-9+/])AGFzbQ[A-Za-z0-9+/]*={0,2}/g;

/** The literal starting at `open` (a quote) through its closing quote, or null if unterminated. */
function literalAt(text, open) {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === quote) return text.slice(open, i + 1);
    else if (quote === '`' && c === '$' && text[i + 1] === '{') return null; // a substitution: not a plain payload
    else if (quote !== '`' && (c === '\n' || c === '\r')) return null;
  }
  return null;
}

/** The inverse of scripts/wasm-text.mjs: one byte per character. */
function literalToBytes(value) {
  const bytes = Buffer.alloc(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) throw new Error(`character ${i} of the literal is U+${code.toString(16)}: not one byte per character`);
    bytes[i] = code;
  }
  return bytes;
}

/** Template and quoted literals of at least MIN_PACKAGE chars holding one byte per character. */
const MIN_PACKAGE = 16_384;
const LONG = /(['"`])/g;

function findPackageLiterals(text) {
  const found = [];
  for (const match of text.matchAll(LONG)) {
    if (text.length - match.index < MIN_PACKAGE) break;
    const literal = literalAt(text, match.index);
    if (literal === null || literal.length < MIN_PACKAGE) continue;
    let value;
    try {
      value = vm.runInNewContext(literal, {}, { timeout: 5_000 });
    } catch {
      continue;
    }
    if (typeof value !== 'string' || /[^\0-\xff]/.test(value)) continue;
    const bytes = Buffer.from(decode(value));
    if (bytes.subarray(0, 8).equals(MAGIC)) found.push(bytes);
  }
  return found;
}

function findLiterals(text) {
  const found = [];
  for (const match of text.matchAll(HEADER)) {
    const literal = literalAt(text, match.index);
    if (literal === null) continue;
    const value = vm.runInNewContext(literal, {}, { timeout: 5_000 });
    found.push(literalToBytes(value));
  }
  return found;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** Every wasm payload under `dir`: `[{ file, form, bytes, sha256 }]` (file relative to dir). */
export function findWasmPayloads(dir) {
  const payloads = [];
  const add = (path, form, bytes) => payloads.push({
    file: relative(dir, path), form, bytes, sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  for (const path of walk(dir)) {
    const ext = extname(path);
    if (ext === '.wasm') {
      const bytes = readFileSync(path);
      if (bytes.subarray(0, 8).equals(MAGIC)) add(path, 'asset', bytes);
    } else if (TEXT_EXTS.has(ext)) {
      const text = readFileSync(path, 'utf8');
      for (const bytes of findLiterals(text)) add(path, 'literal', bytes);
      for (const bytes of findPackageLiterals(text)) add(path, 'literal', bytes);
      for (const [b64] of text.matchAll(BASE64)) add(path, 'base64', Buffer.from(b64, 'base64'));
    }
  }
  return payloads;
}

/** Digest shown in messages. */
export const shortHash = (sha256) => sha256.slice(0, 12);
