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

/** The most bytes written to the scratch buffer in one call (Rust caps the buffer at 1 MiB). */
const MAX_SCRATCH = 1 << 20;

/**
 * Writes strings into the Rust side's scratch buffer in wasm memory, so a decision passes its
 * strings without a malloc and a free each. `write(strings)` returns the UTF-8 byte length of
 * each (undefined stays -1), or null when the buffer cannot hold them.
 */
function makeScratch(glue) {
  const memory = glue.wasmMemory();
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(0);
  let base = 0;
  let capacity = 0;

  function put(s, at) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return encoder.encodeInto(s, bytes.subarray(at, at + s.length * 3)).written;
      bytes[at + i] = c;
    }
    return s.length;
  }

  return function write(a, b, c) {
    const bound = 3 * ((a?.length ?? 0) + (b?.length ?? 0) + (c?.length ?? 0));
    if (bound > capacity) {
      if (bound > MAX_SCRATCH) return null;
      const size = Math.max(bound, 1024);
      base = glue.scratch(size);
      if (base === 0) return null;
      capacity = size;
    }
    if (bytes.buffer !== memory.buffer) bytes = new Uint8Array(memory.buffer);
    let at = base;
    const la = a === undefined ? -1 : put(a, at);
    at += Math.max(la, 0);
    const lb = b === undefined ? -1 : put(b, at);
    at += Math.max(lb, 0);
    const lc = c === undefined ? -1 : put(c, at);
    return [la, lb, lc];
  };
}

/** Builds the RetryPolicy class over the glue's Rust class. */
export function makeRetryPolicy(glue) {
  const Inner = glue.RetryPolicy;
  const writeScratch = makeScratch(glue);
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
        // A body hint or a one-shot body: only the full reader passes these.
        if (context.bodyRetryAfterMs != null || context.replayable === false) break fast;
        const { attempt, method, status, error, headers, requestHeaders, elapsedMs, deadlineMs, now } = context;
        if (typeof attempt !== 'number' || !optionalNumber(status)
          || !optionalNumber(elapsedMs) || !optionalNumber(deadlineMs) || !optionalNumber(now)
          || (method != null && typeof method !== 'string')
          || (error != null && typeof error !== 'string')) break fast;
        const joined = joinHeaders(headers, WANTED);
        if (joined === null) break fast;
        const joinedRequest = joinHeaders(requestHeaders, WANTED);
        if (joinedRequest === null) break fast;
        const lengths = writeScratch(method ?? undefined, joined, joinedRequest);
        if (lengths === null) break fast;
        const code = policy.decidePrimitive(
          attempt, lengths[0], status, error, lengths[1], lengths[2], elapsedMs, deadlineMs, now,
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

    /** @param {string} [retryReason] the reason of the decision that made the successful attempt */
    recordSuccess(retryReason) {
      this.#policy().recordSuccess(typeof retryReason === 'string' ? retryReason : undefined);
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
