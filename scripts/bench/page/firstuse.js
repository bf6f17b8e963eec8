// One first-use sample in a fresh page: ?what=package|steps. The result goes to window.result.
//   package: imports /pkg/index.js (not timed), then times the first classify(200), which
//            compiles and instantiates the wasm synchronously and answers; then a second
//            classify of another code (one crossing, the instance made).
//   steps:   the same work the package does on first use, step by step, over the same bytes
//            (/js/wasm-bytes.js, the text module the build inlines): text -> bytes, new
//            WebAssembly.Module, new WebAssembly.Instance.
import { timeFirstUse, timeSteps } from '/bench/firstuse-steps.mjs';

const what = new URLSearchParams(location.search).get('what');
try {
  if (what === 'steps') {
    const { wasmBytes } = await import('/js/wasm.js');
    window.result = timeSteps(wasmBytes, () => performance.now());
  } else {
    const m = await import('/pkg/index.js');
    await new Promise((r) => setTimeout(r, 0));
    window.result = { ...timeFirstUse(m, () => performance.now()), isolated: globalThis.crossOriginIsolated === true };
  }
} catch (e) {
  window.result = { error: String(e?.stack ?? e) };
}
