// What a scenario will do under the policy in the form, said before it runs: the simulator shows
// it under the scenario, and the e2e suite checks every run against it. It follows the rules the
// README states for createFetch and RetryPolicy (the retry limit; the budget: a retry costs 1
// token, 2 after a timeout, and is made only while the bucket holds that cost; Retry-After
// longer than maxRetryAfterMs is not waited for; a call held by an origin pause that outlasts
// timeoutMs fails at once with nothing sent), applied to the scenario's `model` (scenarios.mjs).
import { formatMs } from './dom.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `{ attempts, outcome, stop, text }` for `scenario` with `policy` = { limit, maxRetryAfterMs,
 * timeoutMs, tokens (the budget at the start), heldMs (what is left of an origin pause) }, or
 * null when it cannot be told (your own URL; a hanging server with no timeout).
 * `attempts` counts the requests the page's fetch sees; `outcome` is 'success' | 'http_error' |
 * 'network_error'; `stop` the last decision's reason ('ok' for a success).
 */
export function expectation(scenario, { limit, maxRetryAfterMs, timeoutMs, tokens = 10, heldMs = 0 }) {
  const m = scenario.model;
  if (!m) return null;
  if (heldMs > 0 && timeoutMs !== undefined && timeoutMs <= heldMs) {
    return {
      attempts: 0, outcome: 'http_error', stop: 'held',
      text: `0 attempts: this client holds calls to the origin for ${formatMs(heldMs)} more (the server's Retry-After), longer than the ${formatMs(timeoutMs)} timeout, so the call fails at once with nothing sent.`,
    };
  }
  const held = heldMs > 0 ? ` First it waits ${formatMs(heldMs)} for the origin's pause.` : '';
  if (m.failures === null && m.cost === 2 && timeoutMs === undefined) return null;
  if (m.retryable === false) {
    const why = m.stop === 'method' ? 'a POST without an Idempotency-Key could take effect twice' : 'the same request would fail the same way';
    return { attempts: 1, outcome: m.error, stop: m.stop, text: `1 attempt, which gets ${m.fails}; not retried: ${why}.${held}` };
  }
  if (m.waitMs !== undefined && m.waitMs > maxRetryAfterMs) {
    return {
      attempts: 1, outcome: m.error, stop: 'retry_after_too_long',
      text: `1 attempt, which gets ${m.fails}; not retried: the server asks for ${formatMs(m.waitMs)}, more than Max Retry-After (${formatMs(maxRetryAfterMs)}).${held}`,
    };
  }
  const cost = m.cost ?? 1;
  const affordable = Math.floor((tokens + 1e-9) / cost);
  const failures = m.failures ?? Infinity;
  const retries = Math.min(limit, failures, affordable);
  if (m.offlineMs) {
    // The request sent while offline spends no retry; the next one goes out once back online.
    return {
      attempts: 2, outcome: 'success', stop: 'ok',
      text: `2 attempts: the first, sent while offline, fails at once and spends no retry; the second goes out when the page is back online and gets ${m.ok}.${held}`,
    };
  }
  const attempts = retries + 1;
  if (retries >= failures) {
    return { attempts, outcome: 'success', stop: 'ok', text: `${plural(attempts, 'attempt')}; the last gets ${m.ok}.${held}` };
  }
  const stop = retries < limit ? 'budget' : 'limit';
  const each = attempts === 1 ? `1 attempt, which gets ${m.fails}` : `${attempts} attempts, each gets ${m.fails}`;
  const why = stop === 'budget'
    ? `${retries === 0 ? 'no retry' : 'it stops early'}: the retry budget holds ${Number(tokens.toFixed(1))} of 10 tokens, and a retry here costs ${cost}`
    : `it stops at the retry limit (${plural(limit, 'retry')})`;
  return { attempts, outcome: m.error, stop, text: `${each}; ${why}.${held}` };
}
