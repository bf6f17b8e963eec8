// Finds WebAssembly carried inside JavaScript text, in whichever form a build left it:
//   - 'literal': a string or template literal whose value starts with the wasm magic
//                \0asm\x01\0\0\0, in the raw, escaped or mixed spelling any minifier may choose;
//   - 'package': this package's own encoding (scripts/wasm-text.mjs), where control bytes trade
//                places with rare printable ones so the magic is not visible: a literal of at
//                least 16 KB whose value decodes to the magic;
//   - 'base64':  a base64 run starting with AGFzbQ (= \0asm), e.g. in a data: URL.
// Literals are evaluated exactly as the runtime would (node:vm), then read one byte per char.
// Used by the consumer matrix (which wasm did a build ship?) and the benchmarks (empty it out).
import vm from 'node:vm';
import { decode } from './wasm-text.mjs';

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const MIN_PACKAGE = 16_384;

// One character of the header as a JS literal may spell it: raw, \xHH, \uHHHH, \u{H}, or \0.
const spell = (code) => {
  const hex = code.toString(16);
  const forms = [`\\\\x${hex.padStart(2, '0')}`, `\\\\u${hex.padStart(4, '0')}`, `\\\\u\\{0*${hex}\\}`];
  if (code === 0) forms.push('\\\\0(?![0-9])');
  forms.push(code < 0x20 ? `\\x${hex.padStart(2, '0')}` : String.fromCharCode(code));
  return `(?:${forms.join('|')})`;
};
const HEADER = new RegExp(`(['"\`])${MAGIC.map(spell).join('')}`, 'g');
const BASE64 = /(?<![A-Za-z0-9+/])AGFzbQ[A-Za-z0-9+/]*={0,2}/g;
const QUOTE = /(['"`])/g;

const startsWithMagic = (bytes) => MAGIC.every((b, i) => bytes[i] === b);

/** The end (exclusive) of the literal opening at `open`, or -1 if unterminated or not plain. */
function literalEnd(text, open) {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && text[i + 1] === '{') return -1; // a substitution
    else if (quote !== '`' && (c === '\n' || c === '\r')) return -1;
  }
  return -1;
}

/** The literal's value one byte per character, or null if it is not a string of bytes. */
function bytesOf(literal) {
  let value;
  try {
    value = vm.runInNewContext(literal, {}, { timeout: 5_000 });
  } catch {
    return null;
  }
  if (typeof value !== 'string' || /[^\0-\xff]/.test(value)) return null;
  return Uint8Array.from(value, (ch) => ch.charCodeAt(0));
}

/**
 * Every wasm carried in `text`: `[{ start, end, form, bytes }]`, where [start, end) is the
 * literal with its quotes (or the base64 run) and `bytes` the module (a Uint8Array).
 */
export function wasmInText(text) {
  const found = [];
  for (const m of text.matchAll(HEADER)) {
    const end = literalEnd(text, m.index);
    const bytes = end < 0 ? null : bytesOf(text.slice(m.index, end));
    if (bytes) found.push({ start: m.index, end, form: 'literal', bytes });
  }
  for (const m of text.matchAll(QUOTE)) {
    if (text.length - m.index < MIN_PACKAGE) break;
    const end = literalEnd(text, m.index);
    if (end - m.index < MIN_PACKAGE) continue;
    const value = bytesOf(text.slice(m.index, end));
    if (!value || startsWithMagic(value)) continue;
    const bytes = decode(String.fromCharCode(...value.subarray(0, 128)));
    if (startsWithMagic(bytes)) {
      found.push({ start: m.index, end, form: 'package', bytes: decode(Buffer.from(value).toString('latin1')) });
    }
  }
  for (const m of text.matchAll(BASE64)) {
    found.push({ start: m.index, end: m.index + m[0].length, form: 'base64', bytes: Uint8Array.from(Buffer.from(m[0], 'base64')) });
  }
  return found.sort((a, b) => a.start - b.start);
}
