// Words for RetryPolicy reasons: why a wait was as long as it was, and why retrying stopped.
import { formatMs } from './dom.js';

/**
 * Why a wait lasted what it did. `wait`: { reason, retryAfterMs?, header? } where reason is the
 * onRetry reason and header the timing header the response carried ('retry-after' | 'ratelimit').
 */
export function describeWait(wait, { short = false } = {}) {
  if (short) {
    switch (wait.reason) {
      case 'retry_after': return wait.header === 'ratelimit' ? 'server\'s RateLimit' : 'server\'s Retry-After';
      case 'status': return 'backoff + jitter';
      case 'network': return 'backoff, no response';
      case 'timeout': return 'backoff, timed out';
      case 'offline': return 'until online';
      case 'cooldown': return 'origin paused';
      default: return wait.reason;
    }
  }
  switch (wait.reason) {
    case 'retry_after':
      if (wait.header === 'ratelimit') return 'the RateLimit field said when (t=…), used as is';
      return 'the server\'s Retry-After, used as is (no jitter)';
    case 'status': return `backoff with jitter after ${wait.status ?? 'a retryable status'}`;
    case 'network': return 'backoff after a network failure';
    case 'timeout': return 'backoff after a timeout';
    case 'offline': return 'waiting for the browser to be back online (no retry spent)';
    case 'cooldown': return 'the origin is paused by an earlier Retry-After';
    default: return wait.reason;
  }
}

/** Why the last decision stopped retrying (`decision` from RetryPolicy.decide). */
export function describeStop(decision, { limit }) {
  if (!decision) return null;
  switch (decision.reason) {
    case 'limit': return `Retry limit reached: ${limit} ${limit === 1 ? 'retry' : 'retries'} after the first attempt.`;
    case 'budget': return 'Retry budget exhausted: recent failures used it up, so this client stops retrying until calls succeed again.';
    case 'method': return 'Not retried: a POST (or PATCH) without an Idempotency-Key could take effect twice.';
    case 'not_retryable': return 'Not retried: sending the same request again would fail the same way.';
    case 'retry_after_too_long': return `Not retried: the server asked to wait ${formatMs(decision.retryAfterMs)}, longer than maxRetryAfterMs.`;
    case 'deadline': return 'Not retried: another attempt would not finish before the deadline.';
    case 'aborted': return 'Cancelled.';
    case 'held': return 'Held: this client pauses calls to the origin for the server\'s Retry-After, and the wait left is longer than the timeout, so the call failed at once with nothing sent (attempts: 0, response: null).';
    default: return decision.reason;
  }
}
