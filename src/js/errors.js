// The error classes createFetch throws. Plain data holders: the kind, message and details come
// from the Rust core through the functions passed to makeErrors().

const HTTP_ERROR = 'HttpError';
const NETWORK_ERROR = 'NetworkError';

/** Builds HttpError / NetworkError over the core's userMessage(). */
export function makeErrors({ userMessage }) {
  /** A final response that was not ok (after any retries). */
  class HttpError extends Error {
    constructor({ response, status, reason, kind, details = null, retryAfterMs = null, attempts = 1, method = 'GET', url = '', locale } = {}) {
      super(`Request failed with status ${status} ${reason}: ${method} ${url}`);
      this.name = HTTP_ERROR;
      this.status = status;
      this.kind = kind;
      this.code = kind;
      this.reason = reason;
      this.details = details;
      this.retryAfterMs = retryAfterMs;
      this.attempts = attempts;
      this.response = response;
      this.method = method;
      this.url = url;
      Object.defineProperty(this, 'locale', { value: locale, enumerable: false, writable: true });
    }

    /** The message for end users, in the locale createFetch was given (else navigator.languages). */
    get userMessage() {
      return userMessage(this, this.locale === undefined ? undefined : { locale: this.locale });
    }
  }

  /** A failure with no HTTP response: network error, offline or timeout. */
  class NetworkError extends Error {
    constructor({ kind = 'network_error', cause, attempts = 1, method = 'GET', url = '', locale } = {}) {
      const what = kind === 'timeout' ? 'timed out' : kind === 'offline' ? 'failed: offline' : 'failed: network error';
      super(`Request ${what}: ${method} ${url}`, cause === undefined ? undefined : { cause });
      this.name = NETWORK_ERROR;
      this.kind = kind;
      this.code = kind;
      this.attempts = attempts;
      this.method = method;
      this.url = url;
      Object.defineProperty(this, 'locale', { value: locale, enumerable: false, writable: true });
    }

    /** The message for end users. */
    get userMessage() {
      return userMessage(this, this.locale === undefined ? undefined : { locale: this.locale });
    }
  }

  /** True for an HttpError, also one from another realm or another copy of this package. */
  function isHttpError(value) {
    return value instanceof HttpError
      || (typeof value === 'object' && value !== null && value.name === HTTP_ERROR && typeof value.status === 'number');
  }

  /** True for a NetworkError, also one from another realm or another copy of this package. */
  function isNetworkError(value) {
    return value instanceof NetworkError
      || (typeof value === 'object' && value !== null && value.name === NETWORK_ERROR && typeof value.kind === 'string');
  }

  return { HttpError, NetworkError, isHttpError, isNetworkError };
}
