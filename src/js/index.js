// Browser and bundler entry: instantiates the wasm with top-level await, so every export works
// right after `import`. Bundlers (Vite, webpack 5, Rollup, esbuild) pick the wasm up as an asset
// through the `new URL(…, import.meta.url)` below.
import init, * as glue from './http_triage_web.js';
import { makeApi } from './core.js';

await init({ module_or_path: new URL('./http_triage_bg.wasm', import.meta.url) });

export const {
  classify, classifyError, listStatuses, userMessage, addMessages, listLocales, addDescriptions,
  parseErrorBody, RetryPolicy, createFetch, HttpError, NetworkError, isHttpError, isNetworkError,
  wasmMemoryBytes,
} = makeApi(glue);
