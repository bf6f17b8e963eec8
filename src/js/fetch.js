// createFetch: a drop-in fetch that retries. This file is the thin loop only (timers,
// AbortSignal, the fetch call, reading a bounded error body); every decision (retry or not, how
// long to wait, why) comes from RetryPolicy.decide() in the Rust core.

/** How much of an error body is read for HttpError.details. */
const DETAILS_MAX_BYTES = 64 * 1024;
/** How long reading an error body for details may take. */
const DETAILS_MAX_MS = 2_000;
/** Consecutive offline waits one call makes at most (a flapping `online` event cannot loop it). */
const MAX_OFFLINE_WAITS = 5;

/** The longest delay setTimeout takes (2^31 - 1 ms, 24.8 days): longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const isRequest = (x) => typeof Request !== 'undefined' && x instanceof Request;
const isStream = (x) => typeof ReadableStream !== 'undefined' && x instanceof ReadableStream;
const monotonic = () => (globalThis.performance?.now ? performance.now() : Date.now());

/**
 * Calls `fn` after `ms` (any finite length: delays over MAX_TIMER_MS are chained, where a bare
 * setTimeout would fire at once). Returns a function that cancels it.
 */
function later(fn, ms) {
  const end = Date.now() + Math.max(0, ms);
  let timer;
  const arm = (left) => { timer = setTimeout(() => { const rest = end - Date.now(); if (rest > 0) arm(rest); else fn(); }, Math.min(left, MAX_TIMER_MS)); };
  if (ms > MAX_TIMER_MS) arm(ms); else timer = setTimeout(fn, Math.max(0, ms));
  return () => clearTimeout(timer);
}

/** Reads `options[key]`; a throwing getter or Proxy trap becomes a TypeError naming the option. */
function option(options, key) {
  try {
    return options[key];
  } catch (cause) {
    throw new TypeError(`options.${key} could not be read`, { cause });
  }
}

/**
 * `locale`: undefined, null, a string, or an array whose first 16 entries (all userMessage
 * reads) are strings; an array is copied, so a Proxy or later changes cannot break the errors.
 */
function checkLocale(value) {
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  try {
    if (Array.isArray(value)) {
      const tags = Array.from({ length: Math.min(value.length, 16) }, (_, i) => value[i]);
      if (tags.every((tag) => typeof tag === 'string')) return tags;
    }
  } catch { /* a Proxy whose traps throw: rejected below */ }
  throw new TypeError('options.locale must be a BCP 47 language tag or an array of them');
}

function checkMs(value, name) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number of milliseconds`);
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  return value;
}

function originOf(url) {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return url;
  }
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. A wait of 0
 * takes no timer (a timer of 0 still waits for the next turn of the event loop, >= 1 ms in
 * Node), so a zero-delay retry costs what a raw retry loop costs.
 */
function sleep(ms, signal) {
  if (!(ms > 0)) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    const onAbort = () => { cancel(); reject(signal.reason); };
    const cancel = later(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when the runtime reports it is online again (or after `maxMs`), rejects on abort. */
function waitOnline(signal, maxMs) {
  const target = globalThis;
  if (globalThis.navigator?.onLine !== false || typeof target.addEventListener !== 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => { cancel(); target.removeEventListener('online', done); signal?.removeEventListener('abort', onAbort); resolve(); };
    const onAbort = () => { cancel(); target.removeEventListener('online', done); reject(signal.reason); };
    const cancel = later(done, maxMs);
    target.addEventListener('online', done, { once: true });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A signal for one attempt: the caller's signal, the per-attempt timeout and the deadline. */
function attemptSignal(userSignal, timeoutMs, deadlineLeftMs) {
  const state = { timedOut: false, deadline: false };
  // Without a timeout or deadline there is nothing of ours to abort: pass the caller's signal
  // (or none) straight through, so the success path costs no AbortController.
  if (timeoutMs === undefined && deadlineLeftMs === undefined) {
    return { signal: userSignal, state, done: () => {} };
  }
  const own = new AbortController();
  const timers = [];
  const fire = (flag, message) => () => {
    state[flag] = true;
    own.abort(new DOMException(message, 'TimeoutError'));
  };
  if (timeoutMs !== undefined) timers.push(later(fire('timedOut', `The attempt took longer than ${timeoutMs} ms.`), timeoutMs));
  if (deadlineLeftMs !== undefined) timers.push(later(fire('deadline', 'The request ran past its deadline.'), deadlineLeftMs));
  let signal = own.signal;
  let unlink = () => {};
  if (userSignal) {
    if (typeof AbortSignal.any === 'function') {
      signal = AbortSignal.any([userSignal, own.signal]);
    } else {
      const relay = () => own.abort(userSignal.reason);
      if (userSignal.aborted) relay(); else userSignal.addEventListener('abort', relay, { once: true });
      unlink = () => userSignal.removeEventListener('abort', relay);
    }
  }
  return { signal, state, done: () => { timers.forEach((cancel) => cancel()); unlink(); } };
}

/** Reads at most DETAILS_MAX_BYTES of a clone of the body, for parseErrorBody. */
async function readBoundedText(response) {
  if (!response.body || response.bodyUsed) return { text: '', complete: true };
  const reader = response.clone().body.getReader();
  const chunks = [];
  let size = 0;
  let complete = false;
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve({ timeout: true }), DETAILS_MAX_MS); });
  try {
    while (size < DETAILS_MAX_BYTES) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next.timeout || next.done) { complete = !!next.done; break; }
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    complete = false;
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(Math.min(size, DETAILS_MAX_BYTES));
  let offset = 0;
  for (const c of chunks) {
    const part = c.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  return { text: new TextDecoder().decode(bytes), complete };
}

/** Builds createFetch over the core's RetryPolicy and the error classes. */
export function makeCreateFetch({ RetryPolicy, classify, classifyError, parseErrorBody, HttpError, NetworkError }) {
  return function createFetch(options = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    // With `retry: false` a zero-retry policy still reads the server's timing (for
    // HttpError.retryAfterMs and the origin cooldown); it never retries.
    const retry = option(options, 'retry');
    let isPolicy;
    try { isPolicy = retry instanceof RetryPolicy; } catch { isPolicy = false; } // a revoked Proxy
    const policy = retry === false ? new RetryPolicy({ limit: 0, budget: false })
      : isPolicy ? retry
        : new RetryPolicy(retry ?? undefined);
    const baseFetch = option(options, 'fetch') ?? globalThis.fetch;
    if (typeof baseFetch !== 'function') throw new TypeError('options.fetch must be a function (no global fetch found)');
    const timeoutMs = checkMs(option(options, 'timeoutMs'), 'options.timeoutMs');
    const deadlineMs = checkMs(option(options, 'deadlineMs'), 'options.deadlineMs');
    const onRetry = option(options, 'onRetry') ?? undefined;
    if (onRetry !== undefined && typeof onRetry !== 'function') throw new TypeError('options.onRetry must be a function');
    const throwHttpErrors = option(options, 'throwHttpErrors') ?? true;
    if (typeof throwHttpErrors !== 'boolean') throw new TypeError('options.throwHttpErrors must be a boolean');
    const locale = checkLocale(option(options, 'locale'));
    const maxRetryAfterMs = policy.maxRetryAfterMs;
    /** origin -> Date.now() until which calls to it wait (the server asked for a pause). */
    const cooldowns = new Map();

    function pauseOrigin(origin, waitMs) {
      if (!(waitMs > 0)) return;
      const until = Date.now() + Math.min(waitMs, maxRetryAfterMs);
      if ((cooldowns.get(origin) ?? 0) < until) cooldowns.set(origin, until);
    }

    return async function triageFetch(input, init) {
      const started = monotonic();
      const request = isRequest(input) ? input : null;
      const userSignal = init?.signal ?? request?.signal ?? undefined;
      const method = String(init?.method ?? request?.method ?? 'GET').toUpperCase();
      const url = request ? request.url : String(input instanceof URL ? input.href : input);
      // The origin is parsed only when the cooldown map has an entry or a pause is set.
      let origin;
      const originKey = () => (origin ??= originOf(url));
      const requestHeaders = init?.headers ?? request?.headers;
      // A stream body can be sent only once: such a request is never retried.
      const replayable = !isStream(init?.body);
      const pristine = request && !request.bodyUsed ? request.clone() : request;
      const deadlineLeft = () => (deadlineMs === undefined ? undefined : deadlineMs - (monotonic() - started));
      const timeoutError = (attempts, cause) => new NetworkError({ kind: 'timeout', cause, attempts, method, url, locale });

      let attempt = 0;
      let offlineWaits = 0;
      let ownPause = 0;
      for (;;) {
        if (userSignal?.aborted) throw userSignal.reason;
        // Another call to this origin was told to wait: so is this one.
        let pausedFor = 0;
        if (cooldowns.size !== 0) {
          const until = cooldowns.get(originKey());
          if (until !== undefined) {
            const left = until - Date.now();
            if (left <= 0) cooldowns.delete(originKey()); // expired: keep the map empty
            // A pause this call set itself was already waited out by its retry delay.
            else if (until > ownPause) pausedFor = left;
          }
        }
        if (pausedFor > 0) {
          const left = deadlineLeft();
          // The pause outlasts this call's deadline: waiting would only end in a timeout.
          if (left !== undefined && left <= pausedFor) throw timeoutError(attempt, undefined);
          onRetry?.({ attempt, delayMs: pausedFor, reason: 'cooldown', retryAfterMs: null });
          await sleep(pausedFor, userSignal);
        }
        if (userSignal?.aborted) throw userSignal.reason;
        attempt += 1;
        const { signal, state, done } = attemptSignal(userSignal, timeoutMs, deadlineLeft());
        let response;
        let failure;
        try {
          const target = pristine ? pristine.clone() : input;
          response = await baseFetch(target, signal === undefined ? init : { ...init, signal });
        } catch (error) {
          failure = error;
        } finally {
          done();
        }
        if (userSignal?.aborted) {
          response?.body?.cancel().catch(() => {});
          throw userSignal.reason;
        }
        const elapsedMs = monotonic() - started;

        if (failure !== undefined) {
          let kind;
          if (state.timedOut || state.deadline) kind = 'timeout';
          else kind = classifyError(failure)?.kind;
          // Not a fetch failure (a bug in a custom fetch, say): pass it through untouched.
          if (kind === undefined || kind === 'aborted' || (!['network_error', 'offline', 'timeout'].includes(kind))) throw failure;
          const decision = replayable && !state.deadline
            ? policy.decide({ attempt, method, error: kind, requestHeaders, elapsedMs, deadlineMs })
            : null;
          if (decision?.retry) {
            if (decision.reason === 'offline' || globalThis.navigator?.onLine === false) {
              if (offlineWaits < MAX_OFFLINE_WAITS) {
                offlineWaits += 1;
                if (decision.reason === 'offline') attempt -= 1; // waiting for the network spends no attempt
                onRetry?.({ attempt, delayMs: 0, reason: 'offline', retryAfterMs: null, error: failure });
                await waitOnline(userSignal, deadlineLeft() ?? maxRetryAfterMs);
                continue;
              }
            } else {
              onRetry?.({ attempt, delayMs: decision.delayMs, reason: decision.reason, retryAfterMs: decision.retryAfterMs ?? null, error: failure });
              await sleep(decision.delayMs, userSignal);
              continue;
            }
          }
          throw new NetworkError({ kind, cause: failure, attempts: attempt, method, url, locale, decision });
        }

        const status = response?.status;
        if (typeof status !== 'number' || !Number.isInteger(status)) {
          throw new TypeError(`options.fetch must resolve to a Response, got ${response === null ? 'null' : typeof response === 'object' ? 'an object without a numeric status' : typeof response}`);
        }
        if (response.ok || status < 400 || status > 599) {
          policy.recordSuccess();
          return response;
        }
        const decision = replayable
          ? policy.decide({ attempt, method, status, headers: response.headers, requestHeaders, elapsedMs, deadlineMs })
          : null;
        const retryAfterMs = decision?.retryAfterMs ?? null;
        if (retryAfterMs > 0) {
          pauseOrigin(originKey(), retryAfterMs);
          ownPause = cooldowns.get(originKey()) ?? 0;
        }
        if (decision?.retry) {
          response.body?.cancel().catch(() => {});
          onRetry?.({ attempt, delayMs: decision.delayMs, reason: decision.reason, status, retryAfterMs });
          await sleep(decision.delayMs, userSignal);
          continue;
        }
        if (!throwHttpErrors) return response;
        const { text, complete } = await readBoundedText(response);
        if (!complete) response.body?.cancel().catch(() => {});
        const info = classify(status);
        throw new HttpError({
          response,
          status,
          reason: info.reason,
          kind: info.kind,
          details: parseErrorBody(text, response.headers.get('content-type') ?? undefined),
          contentLanguage: response.headers.get('content-language'),
          retryAfterMs,
          attempts: attempt,
          method,
          url,
          locale,
          decision,
        });
      }
    };
  };
}
