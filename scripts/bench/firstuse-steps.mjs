// The timed parts of a first-use sample, shared by the Chromium page and the Node child.

/** The first classify after import (compile + instantiate + first answer), then a second code. */
export function timeFirstUse(m, now) {
  const t0 = now();
  const a = m.classify(200).reason;
  const t1 = now();
  const b = m.classify(404).reason;
  const t2 = now();
  if (a !== 'OK' || b !== 'Not Found') throw new Error(`unexpected answers ${a} / ${b}`);
  return { first: t1 - t0, second: t2 - t1 };
}

/**
 * What the package does on first use, step by step: `wasmBytes` is the package's own decoder
 * (src/js/wasm.js, staged as target/js/wasm.js), then compile, instantiate and the first calls.
 */
export function timeSteps(wasmBytes, now) {
  const t0 = now();
  const bytes = wasmBytes();
  const t1 = now();
  const module = new WebAssembly.Module(bytes);
  const t2 = now();
  const instance = new WebAssembly.Instance(module, {});
  const t3 = now();
  // The exports the package's first classify calls, raw (their answers are OUT addresses): an
  // engine that compiles lazily compiles each function on its first call.
  const a = instance.exports.names();
  const t4 = now();
  const b = instance.exports.classify(200);
  const t5 = now();
  if (!(a > 0 && b > 0)) throw new Error('the raw exports answered no record');
  return {
    steps: {
      'text -> bytes': t1 - t0,
      'new WebAssembly.Module': t2 - t1,
      'new WebAssembly.Instance': t3 - t2,
      'first names() + classify(200) export calls': t5 - t3,
    },
  };
}
