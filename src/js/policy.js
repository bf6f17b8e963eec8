// RetryPolicy: a thin class over the Rust policy. decide() hands the context over as
// primitives (headers joined into one string) so a decision costs one crossing; anything
// unusual (an error object, a Map, a getter that throws, a bad value) goes through the full
// reader in Rust, which also words the TypeError / RangeError.

/** The separator of joined headers (Rust: Headers::JOIN); no Headers name or value holds it. */
const JOIN = '\0';
/** Header pairs looked at, as the Rust reader does. */
const MAX_PAIRS = 256;
/** Longer values are ignored by the Rust side anyway (it counts bytes; bytes >= UTF-16 units). */
const MAX_VALUE = 4096;

/** A number or absent. */
const optionalNumber = (v) => v === undefined || v === null || typeof v === 'number';

/**
 * Joins the headers named in `wanted` (lowercase names: the ones a decision reads) into
 * `name\0value\0…` for the fast path: `undefined` when absent, `null` when only the full
 * reader can take them (arrays of pairs, Maps, other classes, NUL inside). Pairs are counted
 * as the full reader counts them, so the same pairs are in reach.
 */
function joinHeaders(headers, wanted) {
  if (headers === undefined || headers === null) return undefined;
  if (typeof headers !== 'object') return null;
  let joined = '';
  let pairs = 0;
  if (typeof Headers === 'function' && headers instanceof Headers) {
    for (const [name, value] of headers) {
      if (++pairs > MAX_PAIRS) break;
      if (wanted.has(name)) joined += name + JOIN + value + JOIN;
    }
    return joined;
  }
  const proto = Object.getPrototypeOf(headers);
  if (proto !== Object.prototype && proto !== null) return null;
  // Own enumerable properties, as the full reader takes them (Object.keys).
  const keys = Object.keys(headers);
  const count = Math.min(keys.length, MAX_PAIRS);
  for (let i = 0; i < count; i++) {
    const key = keys[i];
    if (!wanted.has(key) && !wanted.has(key.toLowerCase())) continue;
    let value = headers[key];
    if (typeof value === 'number') value = String(value);
    else if (typeof value !== 'string') continue;
    if (value.length > MAX_VALUE) continue;
    if (value.includes(JOIN)) return null; // a wanted name is a token: no NUL in it
    joined += key + JOIN + value + JOIN;
  }
  return joined;
}

/** Builds the RetryPolicy class over the glue's Rust class. */
export function makeRetryPolicy(glue) {
  const Inner = glue.RetryPolicy;
  const REASONS = Object.freeze(glue.retryReasons());
  const WANTED = new Set(glue.retryHeaderNames());

  class RetryPolicy {
    #inner;

    /** @param {object} [options] validated by Rust; a bad option throws TypeError / RangeError */
    constructor(options) {
      this.#inner = new Inner(options);
    }

    #policy() {
      if (this.#inner === null) throw new TypeError('RetryPolicy was freed; create a new one');
      return this.#inner;
    }

    decide(context) {
      const policy = this.#policy();
      fast: try {
        if (context === null || typeof context !== 'object') break fast;
        const { attempt, method, status, error, headers, requestHeaders, elapsedMs, deadlineMs, now } = context;
        if (typeof attempt !== 'number' || !optionalNumber(status)
          || !optionalNumber(elapsedMs) || !optionalNumber(deadlineMs) || !optionalNumber(now)
          || (method != null && typeof method !== 'string')
          || (error != null && typeof error !== 'string')) break fast;
        const joined = joinHeaders(headers, WANTED);
        if (joined === null) break fast;
        const joinedRequest = joinHeaders(requestHeaders, WANTED);
        if (joinedRequest === null) break fast;
        const code = policy.decidePrimitive(
          attempt, method, status, error, joined, joinedRequest, elapsedMs, deadlineMs, now,
        );
        if (code < 0) break fast;
        const decision = { retry: (code & 16) !== 0, delayMs: policy.lastDelayMs, reason: REASONS[code & 15] };
        if ((code & 32) !== 0) decision.retryAfterMs = policy.lastRetryAfterMs;
        return decision;
      } catch {
        // A getter or iterator threw: the full reader below reads the context again.
      }
      return policy.decide(context);
    }

    recordSuccess() {
      this.#policy().recordSuccess();
    }

    get maxRetryAfterMs() {
      return this.#policy().maxRetryAfterMs;
    }

    get limit() {
      return this.#policy().limit;
    }

    get budgetTokens() {
      return this.#policy().budgetTokens;
    }

    free() {
      if (this.#inner !== null) {
        this.#inner.free();
        this.#inner = null;
      }
    }
  }
  if (typeof Symbol.dispose === 'symbol') {
    RetryPolicy.prototype[Symbol.dispose] = RetryPolicy.prototype.free;
  }
  return RetryPolicy;
}
