// Node entry (20+): the node glue reads and instantiates the wasm synchronously on import.
import * as glue from './http_triage_node.js';
import { makeApi } from './core.js';

export const {
  classify, classifyError, listStatuses, userMessage, addMessages, listLocales, addDescriptions,
  parseErrorBody, RetryPolicy, createFetch, HttpError, NetworkError, isHttpError, isNetworkError,
  wasmMemoryBytes,
} = makeApi(glue);
