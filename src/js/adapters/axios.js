// http-triage/axios: an interceptor pair that retries by RetryPolicy.decide() and gives the final
// AxiosError `userMessage` and `details`. Thin: timers, the request's signal and axios's own
// request() are here; every decision is made in the Rust core.
import { RetryPolicy, classifyError, userMessage, parseErrorBody } from '../index.js';

/** Where a request's attempt count and start time travel on its config (copied by axios on retry). */
const KEY = 'httpTriage';

/** Resolves after `ms`, or at once when `signal` aborts (axios then rejects with CanceledError). */
function pause(ms, signal) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); signal?.removeEventListener?.('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done(); else signal?.addEventListener?.('abort', done);
  });
}

/**
 * Installs a request and a response interceptor on an axios instance (or the default `axios`).
 * `options.policy`: a RetryPolicy (share one to share its budget) or RetryPolicy options;
 * `deadlineMs`: the whole call's time limit across attempts; `locale`: for `userMessage`.
 * Returns the interceptor ids, for `instance.interceptors.request.eject(ids.request)` and
 * `instance.interceptors.response.eject(ids.response)`.
 */
export function interceptors(instance, { policy, deadlineMs, locale } = {}) {
  const p = policy instanceof RetryPolicy ? policy : new RetryPolicy(policy);
  const request = instance.interceptors.request.use((config) => {
    (config[KEY] ??= { attempt: 0, started: Date.now() }).attempt += 1;
    return config;
  });
  const response = instance.interceptors.response.use((res) => {
    // A success after retries gives the budget back what the last retry cost.
    p.recordSuccess(res?.config?.[KEY]?.reason);
    return res;
  }, async (error) => {
    const config = error?.config;
    const state = config?.[KEY];
    const c = state && classifyError(error);
    if (!c) throw error;
    const res = error.response;
    const decision = p.decide({
      attempt: state.attempt,
      method: String(config.method ?? 'GET').toUpperCase(),
      status: c.status,
      error: c.status === undefined ? c.kind : undefined,
      headers: res?.headers,
      requestHeaders: config.headers,
      elapsedMs: Date.now() - state.started,
      deadlineMs,
    });
    if (decision.retry) {
      state.reason = decision.reason;
      await pause(decision.delayMs, config.signal);
      return instance.request(config);
    }
    error.decision = decision;
    error.userMessage = userMessage(error, { locale });
    error.details = res ? parseErrorBody(res.data ?? '', res.headers?.['content-type']) : null;
    throw error;
  });
  return { request, response };
}
