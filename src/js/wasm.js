// Makes the wasm instance, synchronously, from bytes carried inside this module: no asset URL,
// no fetch, no file read and no top-level await, so the package loads the same way in every
// bundler, dev server, worker, service worker and runtime. Called on first use only.
//
// The bytes are a string literal the build writes (scripts/wasm-text.mjs): one character per
// byte, after 30 pairs of byte values that trade places (control bytes, which minifiers escape,
// with rare printable ones). Turning 140,000 characters into bytes one charCodeAt at a time
// takes ~7 ms in code that runs once (the engine never optimises it), so the engine's
// TextEncoder makes the UTF-8 of the text and a 132-byte wasm decoder (scripts/decode.wat) turns
// that into the bytes; without TextEncoder (Jest's jsdom) a loop does it. A strict
// Content-Security-Policy must allow wasm compilation: script-src 'wasm-unsafe-eval'.
import { WASM } from './wasm-bytes.js';

/** The swapped pairs at the start of WASM (scripts/wasm-text.mjs `PAIRS`). */
const PAIRS = 30;

/** scripts/decode.wat, compiled (tests/js/loading.test.mjs checks it is). */
const DECODER = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 127, 127, 127, 1, 127, 2, 8, 1, 1, 109, 1, 109, 2, 0, 1,
  3, 2, 1, 0, 7, 5, 1, 1, 100, 0, 0, 10, 91, 1, 89, 1, 3, 127, 3, 64, 32, 0, 32, 3, 77, 69, 4, 64, 32,
  3, 45, 0, 0, 34, 4, 65, 128, 1, 79, 4, 127, 32, 3, 45, 0, 1, 65, 63, 113, 32, 4, 65, 31, 113, 65, 6,
  116, 114, 33, 4, 32, 3, 65, 2, 106, 5, 32, 3, 65, 1, 106, 11, 33, 3, 32, 2, 32, 5, 106, 32, 1, 32, 4,
  106, 45, 0, 0, 58, 0, 0, 32, 5, 65, 1, 106, 33, 5, 12, 1, 11, 11, 32, 5, 11,
];

/** The wasm bytes, decoded from the text. */
export function wasmBytes() {
  const map = new Uint8Array(256);
  for (let i = 0; i < 256; i++) map[i] = i;
  for (let i = 0; i < 2 * PAIRS; i += 2) {
    const a = WASM.charCodeAt(i);
    const b = WASM.charCodeAt(i + 1);
    map[a] = b;
    map[b] = a;
  }
  const n = WASM.length - 2 * PAIRS;
  if (typeof TextEncoder === 'function') {
    const utf8 = new TextEncoder().encode(WASM.slice(2 * PAIRS));
    const out = utf8.length + 256;
    const memory = new WebAssembly.Memory({ initial: Math.ceil((out + n) / 65536) });
    const heap = new Uint8Array(memory.buffer);
    heap.set(utf8, 0);
    heap.set(map, utf8.length);
    const decoder = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(DECODER)), { m: { m: memory } });
    const written = decoder.exports.d(utf8.length, utf8.length, out);
    if (written === n) return heap.subarray(out, out + n);
  }
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = map[WASM.charCodeAt(i + 2 * PAIRS)];
  return bytes;
}

/** A new instance of the module (it imports nothing). */
export function instantiate() {
  return new WebAssembly.Instance(new WebAssembly.Module(wasmBytes()), {});
}
