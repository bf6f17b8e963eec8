// http-triage/ky: options for ky 2 (`ky.create(createOptions())` or `ky.extend(...)`) whose
// `retry.shouldRetry` and `retry.delay` come from RetryPolicy.decide(), with hooks that feed the
// budget and give the final error `userMessage` and `details`. Thin: ky keeps its own loop, timers
// and abort; every decision is made in the Rust core.
import { RetryPolicy, classifyError, userMessage, parseErrorBody } from '../index.js';

/** Every method: whether one may be retried is the policy's decision (Idempotency-Key). */
const METHODS = ['get', 'post', 'put', 'patch', 'head', 'delete', 'options', 'trace', 'query'];

/**
 * `{ retry, hooks }` for ky. `options.policy`: a RetryPolicy (share one to share its budget) or
 * RetryPolicy options; `locale`: for `userMessage`. ky's `totalTimeout` is the deadline.
 */
export function createOptions({ policy, locale } = {}) {
  const p = policy instanceof RetryPolicy ? policy : new RetryPolicy(policy);
  const limit = p.limit;
  return {
    retry: { limit, methods: METHODS },
    hooks: {
      // One retry state per request: shouldRetry decides, delay gives that decision's wait.
      init: [(options) => {
        if ((options.retry?.limit ?? options.retry) === 0) return; // the call asked for no retries
        const started = Date.now();
        let decision;
        // Kept by reference in ky's normalized options: afterResponse finds the last retry here.
        const state = { reason: undefined };
        options.retry = {
          limit,
          methods: METHODS,
          httpTriage: state,
          shouldRetry({ error, retryCount }) {
            const c = classifyError(error);
            const { request, response } = error;
            decision = c === null ? { retry: false, delayMs: 0 } : p.decide({
              attempt: retryCount,
              method: request?.method ?? options.method,
              status: c.status,
              error: c.status === undefined ? c.kind : undefined,
              headers: response?.headers,
              requestHeaders: request?.headers ?? options.headers,
              elapsedMs: Date.now() - started,
              deadlineMs: options.totalTimeout || undefined,
            });
            if (decision.retry) state.reason = decision.reason;
            return decision.retry;
          },
          delay: () => decision.delayMs,
        };
      }],
      // A success after retries gives the budget back what the last retry cost.
      afterResponse: [({ options, response, retryCount }) => {
        if (response.ok) p.recordSuccess(retryCount > 0 ? options?.retry?.httpTriage?.reason : undefined);
      }],
      beforeError: [({ error }) => {
        if (classifyError(error) !== null) {
          error.userMessage = userMessage(error, { locale });
          error.details = error.response ? parseErrorBody(error.data ?? '', error.response.headers.get('content-type')) : null;
        }
        return error;
      }],
    },
  };
}
