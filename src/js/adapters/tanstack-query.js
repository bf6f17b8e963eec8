// http-triage/tanstack-query: `retry` and `retryDelay` for TanStack Query v5 from RetryPolicy.decide(),
// with `onSuccess` for the shared budget and `errorMessage` for a toast. Thin: every decision is
// made in the Rust core (classifyError, decide, userMessage).
import { RetryPolicy, classifyError, userMessage } from '../index.js';

const NO = { retry: false, delayMs: 0, reason: 'not_retryable' };

/** The response headers an error carries (a getter that throws reads as none). */
function headersOf(error) {
  try { return error.response.headers; } catch { /* none */ }
}

/**
 * `{ retry, retryDelay, onSuccess }` for a QueryClient's `defaultOptions.queries` or
 * `.mutations` (or one query's options). `options.policy`: a RetryPolicy (its budget is shared
 * with everything that uses it) or RetryPolicy options; `method` (default 'GET'; give 'POST' for
 * mutations) and `requestHeaders` (an `Idempotency-Key` there lets a POST retry) describe the
 * requests the query or mutation function sends.
 */
export function createRetry({ policy, method = 'GET', requestHeaders } = {}) {
  const p = policy instanceof RetryPolicy ? policy : new RetryPolicy(policy);
  // TanStack calls retryDelay(n, error) and then retry(n, error) for one failure: one decision
  // serves both, so the budget is charged once.
  let last = {};
  function decide(failureCount, error) {
    if (last.error === error && last.n === failureCount) return last.d;
    const c = classifyError(error);
    const d = c === null ? NO : p.decide({
      attempt: failureCount + 1,
      method,
      status: c.status,
      error: c.status === undefined ? c.kind : undefined,
      headers: c.status === undefined ? undefined : headersOf(error),
      requestHeaders,
    });
    last = { error, n: failureCount, d };
    if (d.retry) retried.push(d.reason);
    return d;
  }
  // A success after retries gives the budget back what the retry cost. TanStack tells neither
  // retry nor retryDelay which query fails, and has reset the failure count by the time
  // QueryCache's onSuccess runs, so each success takes back one pending retry's cost, if any
  // (with many queries at once a refund may land on another query's success; at most one per
  // retry made, so the budget never gains more than retries spent).
  const retried = [];
  return {
    retry: (failureCount, error) => decide(failureCount, error).retry,
    retryDelay: (failureCount, error) => decide(failureCount, error).delayMs,
    onSuccess: () => p.recordSuccess(retried.shift()),
  };
}

const queries = createRetry();
/** For `defaultOptions.queries`: GET requests, one policy shared by the module's queries. */
export const { retry, retryDelay, onSuccess } = queries;

/**
 * The message for a query's or mutation's error (`userMessage`), or null for an aborted request
 * or a cancelled query (TanStack's CancelledError, with its `revert` and `silent` fields), which
 * have nothing to tell the user.
 */
export function errorMessage(error, options) {
  const c = classifyError(error);
  if (c ? c.kind === 'aborted' : error instanceof Error && 'revert' in error && 'silent' in error) return null;
  return userMessage(error, options);
}
