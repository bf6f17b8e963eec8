// Makes the wasm instance, synchronously, from bytes carried inside this module: no asset URL,
// no fetch, no file read and no top-level await, so the package loads the same way in every
// bundler, dev server, worker, service worker and runtime. Called on first use only.
//
// The bytes are a string literal the build writes (scripts/wasm-text.mjs), one character per
// byte. A strict Content-Security-Policy must allow wasm compilation: script-src
// 'wasm-unsafe-eval'.
import { WASM } from './wasm-bytes.js';

/** A new instance of the module (it imports nothing). */
export function instantiate() {
  const n = WASM.length;
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = WASM.charCodeAt(i);
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
}
