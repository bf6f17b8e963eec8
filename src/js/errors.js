// The error classes createFetch throws. Plain data holders: the kind, message and details come
// from the Rust core through the functions passed to makeErrors().

const HTTP_ERROR = 'HttpError';
const NETWORK_ERROR = 'NetworkError';

/**
 * The constructor argument as a plain object of `keys`: anything that is not an object gives
 * `{}`, and a throwing getter or Proxy trap reads as undefined (an error class must not throw
 * while an error is being reported).
 */
function fields(init, keys) {
  const out = {};
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) return out;
  for (const key of keys) {
    try { out[key] = init[key]; } catch { out[key] = undefined; }
  }
  return out;
}

/** A value as the error message shows it, without ever throwing (Symbols, toString traps). */
function show(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  try { return String(value); } catch { return typeof value === 'function' ? '[function]' : '[object]'; }
}

/**
 * `userMessage` for one of our errors: a locale userMessage rejects falls back to the default
 * locale, and an unknown kind to `fallback` (a NetworkError is a network error whatever its
 * `kind` was set to).
 */
function messageFor(userMessage, error, fallback) {
  const tries = [];
  for (const input of fallback ? [error, fallback] : [error]) {
    if (error.locale !== undefined) tries.push([input, { locale: error.locale }]);
    tries.push([input, undefined]);
  }
  let last;
  for (const [input, options] of tries) {
    try { return userMessage(input, options); } catch (e) { last = e; }
  }
  throw last;
}

/** Builds HttpError / NetworkError over the core's userMessage(). */
export function makeErrors({ userMessage }) {
  /**
   * A final response that was not ok (after any retries), or a call held back by the server's
   * wait past its deadline or timeoutMs: then `response` is null and `retryAfterMs` is the wait
   * left.
   */
  class HttpError extends Error {
    constructor(init) {
      const { response, status, reason, kind, details = null, contentLanguage = null, retryAfterMs = null, attempts = 1, method = 'GET', url = '', locale, decision = null } = fields(init,
        ['response', 'status', 'reason', 'kind', 'details', 'contentLanguage', 'retryAfterMs', 'attempts', 'method', 'url', 'locale', 'decision']);
      // No response: the call was held by the server's wait (another call's Retry-After) and
      // its deadline or timeoutMs ran out before anything more was sent.
      super(response === null
        ? `Request held for the server's wait (${show(status)} ${show(reason)}): ${show(method)} ${show(url)}`
        : `Request failed with status ${show(status)} ${show(reason)}: ${show(method)} ${show(url)}`);
      this.name = HTTP_ERROR;
      this.status = status;
      this.kind = kind;
      this.code = kind;
      this.reason = reason;
      this.details = details;
      // The response's Content-Language (or null): the language of the body's text, so
      // userMessage can tell whether server text suits the user's language.
      this.contentLanguage = contentLanguage;
      this.retryAfterMs = retryAfterMs;
      this.attempts = attempts;
      // The last retry decision: why retrying stopped (limit, budget, method, not_retryable, …).
      this.decision = decision;
      this.response = response;
      this.method = method;
      this.url = url;
      Object.defineProperty(this, 'locale', { value: locale, enumerable: false, writable: true });
    }

    /** The message for end users, in the locale createFetch was given (else navigator.languages). */
    get userMessage() {
      return messageFor(userMessage, this);
    }
  }

  /** A failure with no HTTP response: network error, offline or timeout. */
  class NetworkError extends Error {
    constructor(init) {
      const { kind = 'network_error', cause, attempts = 1, method = 'GET', url = '', locale, decision = null } = fields(init,
        ['kind', 'cause', 'attempts', 'method', 'url', 'locale', 'decision']);
      const what = kind === 'timeout' ? 'timed out' : kind === 'offline' ? 'failed: offline' : 'failed: network error';
      super(`Request ${what}: ${show(method)} ${show(url)}`, cause === undefined ? undefined : { cause });
      this.name = NETWORK_ERROR;
      this.kind = kind;
      this.code = kind;
      this.attempts = attempts;
      // The last retry decision: why retrying stopped (limit, budget, method, not_retryable, …).
      this.decision = decision;
      this.method = method;
      this.url = url;
      Object.defineProperty(this, 'locale', { value: locale, enumerable: false, writable: true });
    }

    /** The message for end users. */
    get userMessage() {
      return messageFor(userMessage, this, { kind: 'network_error' });
    }
  }

  /** True for an HttpError, also one from another realm or another copy of this package. */
  function isHttpError(value) {
    try {
      return value instanceof HttpError
        || (typeof value === 'object' && value !== null && value.name === HTTP_ERROR && typeof value.status === 'number');
    } catch {
      return false; // a Proxy whose traps throw, a revoked Proxy
    }
  }

  /** True for a NetworkError, also one from another realm or another copy of this package. */
  function isNetworkError(value) {
    try {
      return value instanceof NetworkError
        || (typeof value === 'object' && value !== null && value.name === NETWORK_ERROR && typeof value.kind === 'string');
    } catch {
      return false; // a Proxy whose traps throw, a revoked Proxy
    }
  }

  return { HttpError, NetworkError, isHttpError, isNetworkError };
}
