// http-triage/ofetch: options for ofetch 1 (`ofetch.create(createOptions())`) whose hooks make
// every retry decision with RetryPolicy.decide() and wait (ending the wait at once on abort);
// ofetch keeps its own loop. A FetchError is understood by userMessage() and classifyError().
import { RetryPolicy, classifyError } from '../index.js';

/** Resolves after `ms`, or at once when `signal` aborts (the retry then fails with AbortError). */
function pause(ms, signal) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); signal?.removeEventListener?.('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done(); else signal?.addEventListener?.('abort', done);
  });
}

/**
 * `{ retry, onRequest, onRequestError, onResponse, onResponseError }` for ofetch.
 * `options.policy`: a RetryPolicy (share one to share its budget) or RetryPolicy options;
 * `deadlineMs`: the whole call's time limit across attempts. A call that passes its own
 * `onRequest`, `onRequestError`, `onResponse` or `onResponseError` replaces these (ofetch does
 * not merge hooks).
 */
export function createOptions({ policy, deadlineMs } = {}) {
  const p = policy instanceof RetryPolicy ? policy : new RetryPolicy(policy);
  async function decide({ options: o, response, error }) {
    const s = o.httpTriage;
    // The call asked for no retries, or replaced onRequest (ofetch does not merge hooks).
    if (o.retry === false || !s) return;
    const c = response ? null : classifyError(error);
    const d = !response && c === null ? { retry: false } : p.decide({
      attempt: s.attempt,
      method: o.method,
      status: response?.status,
      error: c?.kind,
      headers: response?.headers,
      requestHeaders: o.headers,
      elapsedMs: Date.now() - s.started,
      deadlineMs,
    });
    // ofetch retries when `retry` > 0 and the status (500 without a response) is listed.
    o.retry = d.retry ? 1 : 0;
    if (d.retry) s.reason = d.reason;
    o.retryStatusCodes = [response?.status || 500];
    o.retryDelay = 0;
    if (d.retry) await pause(d.delayMs, s.signal);
  }
  return {
    retry: p.limit,
    onRequest({ options: o }) {
      // The caller's signal is kept for every attempt (ofetch would reuse its own timeout's
      // aborted signal on a retry; without one it makes a fresh timeout per attempt).
      const s = (o.httpTriage ??= { attempt: 0, started: Date.now(), signal: o.signal });
      o.signal = s.signal;
      s.attempt += 1;
    },
    onRequestError: decide,
    // A success after retries gives the budget back what the last retry cost.
    onResponse({ options: o, response }) {
      if (response.ok) p.recordSuccess(o.httpTriage?.reason);
    },
    onResponseError: decide,
  };
}
