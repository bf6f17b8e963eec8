// The public API, built over a wasm-bindgen glue module (web or node flavour).
// Everything here is plumbing: every decision is made by the Rust core behind `glue`.
import { makeErrors } from './errors.js';
import { makeCreateFetch } from './fetch.js';
import { makeRetryPolicy } from './policy.js';

/**
 * Builds the API over an initialised glue module.
 * @param {typeof import('./http_triage_web.js')} glue
 */
export function makeApi(glue) {
  // Answers for valid codes are immutable, so one frozen object per code is shared, until
  // addDescriptions() changes the descriptions: then both caches start over.
  let statusCache = new Array(600);
  let allStatuses = null;

  function classify(status) {
    if (typeof status === 'number') {
      const hit = statusCache[status];
      if (hit !== undefined) return hit;
    }
    const info = Object.freeze(glue.classify(status));
    statusCache[info.status] = info;
    return info;
  }

  function listStatuses() {
    if (allStatuses === null) {
      allStatuses = Object.freeze(glue.listStatuses().map((info) => Object.freeze(info)));
    }
    return allStatuses;
  }

  function classifyError(error) {
    return glue.classifyError(error);
  }

  function userMessage(input, options) {
    return glue.userMessage(input, options);
  }

  function addMessages(catalog) {
    return glue.addMessages(catalog);
  }

  function addDescriptions(pack) {
    glue.addDescriptions(pack);
    // Objects handed out earlier stay frozen with their old text; later calls see the new one.
    statusCache = new Array(600);
    allStatuses = null;
  }

  function parseErrorBody(body, contentType) {
    return glue.parseErrorBody(body, contentType);
  }

  function listLocales() {
    return glue.listLocales();
  }

  const RetryPolicy = makeRetryPolicy(glue);
  const { HttpError, NetworkError, isHttpError, isNetworkError } = makeErrors({ userMessage });
  const createFetch = makeCreateFetch({
    RetryPolicy, classify, classifyError, parseErrorBody, HttpError, NetworkError,
  });

  return {
    classify, classifyError, listStatuses, userMessage, addMessages, listLocales, addDescriptions,
    parseErrorBody, RetryPolicy, createFetch, HttpError, NetworkError, isHttpError, isNetworkError,
    wasmMemoryBytes: () => glue.wasmMemoryBytes(),
  };
}
