// Makes the wasm instance, synchronously, from bytes carried inside this module: no asset URL,
// no fetch, no file read and no top-level await, so the package loads the same way in every
// bundler, dev server, worker, service worker and runtime. Called on first use only.
//
// The bytes are a string literal the build writes (scripts/wasm-text.mjs): one character per
// byte, after 30 pairs of byte values that trade places (control bytes, which minifiers escape,
// with rare printable ones). A strict Content-Security-Policy must allow wasm compilation:
// script-src 'wasm-unsafe-eval'.
import { WASM } from './wasm-bytes.js';

/** The swapped pairs at the start of WASM (scripts/wasm-text.mjs `PAIRS`). */
const PAIRS = 30;

/** A new instance of the module (it imports nothing). */
export function instantiate() {
  const map = new Uint8Array(256);
  for (let i = 0; i < 256; i++) map[i] = i;
  for (let i = 0; i < 2 * PAIRS; i += 2) {
    const a = WASM.charCodeAt(i);
    const b = WASM.charCodeAt(i + 1);
    map[a] = b;
    map[b] = a;
  }
  const n = WASM.length - 2 * PAIRS;
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = map[WASM.charCodeAt(i + 2 * PAIRS)];
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
}
