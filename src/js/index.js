// The package entry (ESM; the build also makes the CommonJS copy from this same source). It
// loads nothing at import time: the wasm is instantiated on first use, synchronously.
import { classify, classifyError, listStatuses, userMessage, addMessages, listLocales, addDescriptions, parseErrorBody, wasmMemoryBytes } from './core.js';
import { RetryPolicy } from './policy.js';
import { makeErrors } from './errors.js';
import { makeCreateFetch } from './fetch.js';

const { HttpError, NetworkError, isHttpError, isNetworkError } = /* @__PURE__ */ makeErrors({ userMessage });
const createFetch = /* @__PURE__ */ makeCreateFetch({
  RetryPolicy, classify, classifyError, parseErrorBody, HttpError, NetworkError,
});

export {
  classify, classifyError, listStatuses, userMessage, addMessages, listLocales, addDescriptions,
  parseErrorBody, RetryPolicy, createFetch, HttpError, NetworkError, isHttpError, isNetworkError,
  wasmMemoryBytes,
};
