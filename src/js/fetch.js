// createFetch: a drop-in fetch that retries. This file is the thin loop only (timers,
// AbortSignal, the fetch call, reading a bounded error body, the origin pauses); every decision
// (retry or not, how long to wait, why) comes from RetryPolicy.decide() in the Rust core.

/** How much of an error body is read for HttpError.details and the body's retry hint. */
const DETAILS_MAX_BYTES = 64 * 1024;
/** How long reading an error body may take (the deadline, timeoutMs and an abort end it sooner). */
const DETAILS_MAX_MS = 2_000;
/** Consecutive offline waits one call makes at most (a flapping `online` event cannot loop it). */
const MAX_OFFLINE_WAITS = 5;
/** A Request input's body is replayed from a copy of at most this many bytes; longer: sent once. */
const REPLAY_MAX_BYTES = 1024 * 1024;
/** Origins one createFetch keeps paused at most; expired pauses go first, then the oldest. */
const MAX_COOLDOWNS = 256;
/** The BroadcastChannel that carries origin pauses to the app's other tabs. */
const CHANNEL_NAME = 'http-triage:cooldown';
/** Longest origin accepted from another tab (an origin is scheme://host:port). */
const MAX_ORIGIN_LENGTH = 2048;

/** The longest delay setTimeout takes (2^31 - 1 ms, 24.8 days): longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const isRequest = (x) => typeof Request !== 'undefined' && x instanceof Request;
const monotonic = () => (globalThis.performance?.now ? performance.now() : Date.now());

/**
 * True for a body that can be read only once: a web ReadableStream (any realm), a Node.js
 * Readable, any async iterable (undici accepts those). Strings, Blobs, ArrayBuffers, typed
 * arrays, FormData and URLSearchParams can be sent again.
 */
function isOneShot(body) {
  if (body === null || (typeof body !== 'object' && typeof body !== 'function')) return false;
  try {
    return typeof body.getReader === 'function'
      || typeof body[Symbol.asyncIterator] === 'function'
      || (typeof body.pipe === 'function' && typeof body.on === 'function');
  } catch {
    return true; // a Proxy whose traps throw: do not risk sending it twice
  }
}

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

// The caller's signal reaches an attempt's controller through one listener per caller signal,
// not AbortSignal.any(): on Node 20 every AbortSignal.any() call leaves an entry on a long-lived
// source signal for good, and a listener per call would pile up the same way. The controllers
// are held weakly: an attempt that ends without handing a response out unlinks at once; one
// whose response the caller holds stays reachable (so an abort still cancels its body) until
// that response is garbage, then its entry is swept.
/** Caller signal -> Set of WeakRef(attempt controller). */
const links = new WeakMap();
const canWeakRef = typeof WeakRef === 'function';

/** Links `own` to `userSignal`; returns the function that unlinks it. */
function link(userSignal, own) {
  let set = links.get(userSignal);
  if (set === undefined) {
    set = new Set();
    set.sweepAt = 64;
    links.set(userSignal, set);
    const entries = set;
    userSignal.addEventListener('abort', () => {
      for (const ref of entries) ref.deref()?.abort(userSignal.reason);
      entries.clear();
    }, { once: true });
  }
  if (set.size >= set.sweepAt) {
    for (const ref of set) if (ref.deref() === undefined) set.delete(ref);
    set.sweepAt = Math.max(64, 2 * set.size);
  }
  const ref = canWeakRef ? new WeakRef(own) : { deref: () => own };
  set.add(ref);
  const entries = set;
  return () => entries.delete(ref);
}

/** Response -> its attempt's controller, kept alive while the response is. */
const kept = new WeakMap();

/**
 * A signal for one attempt: the caller's signal, the per-attempt timeout and the deadline.
 * `done()` ends the attempt's timers and link; `keep(response)` ends the timers but lets the
 * caller's abort reach the response body for as long as the response lives.
 */
function attemptSignal(userSignal, timeoutMs, deadlineLeftMs) {
  const state = { timedOut: false, deadline: false };
  // Without a timeout or deadline there is nothing of ours to abort: pass the caller's signal
  // (or none) straight through, so the success path costs no AbortController.
  if (timeoutMs === undefined && deadlineLeftMs === undefined) {
    return { signal: userSignal, state, done: () => {}, keep: () => {} };
  }
  const own = new AbortController();
  const timers = [];
  const fire = (flag, message) => () => {
    state[flag] = true;
    own.abort(new DOMException(message, 'TimeoutError'));
  };
  if (timeoutMs !== undefined) timers.push(later(fire('timedOut', `The attempt took longer than ${timeoutMs} ms.`), timeoutMs));
  if (deadlineLeftMs !== undefined) timers.push(later(fire('deadline', 'The request ran past its deadline.'), deadlineLeftMs));
  let unlink = () => {};
  if (userSignal?.aborted) own.abort(userSignal.reason);
  else if (userSignal) unlink = link(userSignal, own);
  const stop = () => timers.forEach((cancel) => cancel());
  return {
    signal: own.signal,
    state,
    done: () => { stop(); unlink(); },
    keep: (response) => { stop(); kept.set(response, own); },
  };
}

/**
 * Reads at most DETAILS_MAX_BYTES of a clone of the body, within DETAILS_MAX_MS and until
 * `signal` aborts (the attempt's timeout, the deadline, the caller's abort).
 */
async function readBoundedText(response, signal) {
  if (!response.body || response.bodyUsed) return { text: '', complete: true };
  const reader = response.clone().body.getReader();
  const chunks = [];
  let size = 0;
  let complete = false;
  let timer;
  let onAbort;
  const stop = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ stop: true }), DETAILS_MAX_MS);
    onAbort = () => resolve({ stop: true });
    if (signal?.aborted) onAbort(); else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    while (size < DETAILS_MAX_BYTES) {
      const next = await Promise.race([reader.read(), stop]);
      if (next.stop || next.done) { complete = !!next.done; break; }
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    complete = false;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
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

/**
 * What each attempt sends: `next()` gives the attempt's input, `replayable()` whether the body
 * can be sent again, `release()` drops what was kept for a replay.
 * - `init.body` (or none): the input as given; a one-shot body is sent once.
 * - A Request with a body: the first attempt sends a clone while its other half is copied, up to
 *   REPLAY_MAX_BYTES; later attempts send that copy. A longer body (a big stream) is sent once:
 *   the copy stops at the bound and nothing more is held.
 */
function bodySource(input, request, init) {
  const initBody = init?.body;
  if (initBody !== undefined && initBody !== null) {
    const once = isOneShot(initBody);
    return { next: () => input, replayable: () => !once, release: () => {} };
  }
  if (!request || request.body === null || request.bodyUsed) {
    return { next: () => input, replayable: () => true, release: () => {} };
  }
  const first = request.clone();
  const reader = request.body.getReader();
  let chunks = [];
  let size = 0;
  let state = 'reading';
  const drop = () => { chunks = []; reader.cancel().catch(() => {}); };
  (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (state !== 'reading') return;
        if (done) { state = 'complete'; return; }
        size += value.byteLength;
        if (size > REPLAY_MAX_BYTES) { state = 'too_long'; drop(); return; }
        chunks.push(value);
      }
    } catch {
      state = 'too_long';
      chunks = [];
    }
  })();
  let sent = 0;
  let copy;
  return {
    next() {
      sent += 1;
      if (sent === 1) return first;
      if (copy === undefined) {
        copy = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) { copy.set(c, at); at += c.byteLength; }
        chunks = [];
      }
      return new Request(request, { body: copy });
    },
    replayable: () => state === 'complete',
    release() { if (state === 'reading') { state = 'released'; drop(); } chunks = []; copy = undefined; },
  };
}

// ---- Origin pauses shared across tabs (BroadcastChannel, where it exists) ----

/** WeakRefs to the pause tables of the live createFetch instances that honour other tabs' pauses. */
const tables = new Set();
let tablesSweepAt = 64;
let channel;

/**
 * The channel, opened on first use; null where BroadcastChannel is missing or refused, and outside
 * a page or a web worker: a server runtime has no tabs, and an open channel would keep Deno's
 * process alive.
 */
function cooldownChannel() {
  if (channel !== undefined) return channel;
  channel = null;
  const browser = typeof document !== 'undefined' || typeof WorkerGlobalScope !== 'undefined';
  if (!browser || typeof BroadcastChannel !== 'function' || typeof WeakRef !== 'function') return channel;
  try {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.unref?.(); // Node.js: the channel must not keep the process alive
    channel.onmessage = (event) => {
      const data = event?.data;
      if (data === null || typeof data !== 'object') return;
      const { origin, until, status } = data;
      if (typeof origin !== 'string' || origin.length > MAX_ORIGIN_LENGTH || typeof until !== 'number'
        || !Number.isInteger(status) || status < 400 || status > 599) return;
      for (const ref of tables) {
        const table = ref.deref();
        if (table === undefined) tables.delete(ref);
        else table.pause(origin, until - Date.now(), status, false);
      }
    };
  } catch {
    channel = null; // e.g. an opaque origin, where the constructor throws
  }
  return channel;
}

/**
 * The origins one createFetch instance holds back: origin -> { until (Date.now() ms), status }.
 * Bounded: at most MAX_COOLDOWNS entries, expired ones dropped first, then the oldest.
 */
function pauseTable(maxRetryAfterMs) {
  const entries = new Map();
  const table = {
    entries,
    /** Pauses `origin` for `waitMs` (at most maxRetryAfterMs); `share` tells the other tabs. */
    pause(origin, waitMs, status, share) {
      if (!(waitMs > 0)) return;
      const until = Date.now() + Math.min(waitMs, maxRetryAfterMs);
      const current = entries.get(origin);
      if (current !== undefined && current.until >= until) return;
      if (current === undefined && entries.size >= MAX_COOLDOWNS) {
        const now = Date.now();
        for (const [key, entry] of entries) if (entry.until <= now) entries.delete(key);
        if (entries.size >= MAX_COOLDOWNS) entries.delete(entries.keys().next().value);
      }
      entries.set(origin, { until, status });
      if (share) {
        try { cooldownChannel()?.postMessage({ origin, until, status }); } catch { /* closed or refused */ }
      }
    },
    /** The pause on `origin` still running, or undefined (an expired one is dropped). */
    get(origin) {
      const entry = entries.get(origin);
      if (entry !== undefined && entry.until <= Date.now()) { entries.delete(origin); return undefined; }
      return entry;
    },
  };
  if (cooldownChannel()) {
    // Instances that were dropped leave dead refs: sweep them as the set doubles.
    if (tables.size >= tablesSweepAt) {
      for (const ref of tables) if (ref.deref() === undefined) tables.delete(ref);
      tablesSweepAt = Math.max(64, 2 * tables.size);
    }
    tables.add(new WeakRef(table));
  }
  return table;
}

/** Builds createFetch over the core's RetryPolicy and the error classes. */
export function makeCreateFetch({ RetryPolicy, classify, classifyError, parseErrorBody, HttpError, NetworkError }) {
  return function createFetch(options = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    // With `retry: false` a zero-retry policy still reads the server's timing (for
    // HttpError.retryAfterMs); it never retries and pauses nobody.
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
    // `retry: false` honours no server wait, so it pauses nobody and is paused by nobody.
    const cooldowns = retry === false ? null : pauseTable(maxRetryAfterMs);

    return async function triageFetch(input, init) {
      const started = monotonic();
      const request = isRequest(input) ? input : null;
      const userSignal = init?.signal ?? request?.signal ?? undefined;
      const method = String(init?.method ?? request?.method ?? 'GET').toUpperCase();
      const url = request ? request.url : String(input instanceof URL ? input.href : input);
      // The origin is parsed only when the pause table has an entry or a pause is set.
      let origin;
      const originKey = () => (origin ??= originOf(url));
      const requestHeaders = init?.headers ?? request?.headers;
      if (userSignal?.aborted) throw userSignal.reason;
      const body = bodySource(input, request, init);
      const deadlineLeft = () => (deadlineMs === undefined ? undefined : deadlineMs - (monotonic() - started));
      const info = (status) => classify(status);

      let attempt = 0;
      let offlineWaits = 0;
      let ownPause = 0;
      let lastReason;
      try {
        for (;;) {
          if (userSignal?.aborted) throw userSignal.reason;
          // Another call to this origin (here or in another tab) was told to wait: so is this one.
          const held = cooldowns !== null && cooldowns.entries.size !== 0 ? cooldowns.get(originKey()) : undefined;
          // A pause this call set itself was already waited out by its retry delay.
          if (held !== undefined && held.until > ownPause) {
            const waitMs = held.until - Date.now();
            const left = deadlineLeft();
            // The wait outlasts the deadline or the per-attempt timeout: say so now, with the
            // server's status and wait, rather than end in a timeout with nothing sent.
            if ((left !== undefined && left <= waitMs) || (timeoutMs !== undefined && timeoutMs <= waitMs)) {
              const { reason, kind } = info(held.status);
              throw new HttpError({
                response: null, status: held.status, reason, kind, details: null, retryAfterMs: waitMs,
                attempts: attempt, method, url, locale, decision: null,
              });
            }
            onRetry?.({ attempt, delayMs: waitMs, reason: 'cooldown', retryAfterMs: waitMs });
            await sleep(waitMs, userSignal);
            continue;
          }
          attempt += 1;
          const { signal, state, done, keep } = attemptSignal(userSignal, timeoutMs, deadlineLeft());
          let response;
          let failure;
          try {
            response = await baseFetch(body.next(), signal === undefined ? init : { ...init, signal });
          } catch (error) {
            failure = error;
          }
          if (userSignal?.aborted) {
            done();
            response?.body?.cancel().catch(() => {});
            throw userSignal.reason;
          }

          if (failure !== undefined) {
            done();
            let kind;
            if (state.timedOut || state.deadline) kind = 'timeout';
            else kind = classifyError(failure)?.kind;
            // Not a fetch failure (a bug in a custom fetch, say): pass it through untouched.
            if (kind !== 'network_error' && kind !== 'offline' && kind !== 'timeout') throw failure;
            const context = { attempt, method, error: kind, requestHeaders, elapsedMs: monotonic() - started, deadlineMs };
            if (!body.replayable()) context.replayable = false;
            const decision = policy.decide(context);
            if (decision.retry) {
              if (decision.reason === 'offline' || globalThis.navigator?.onLine === false) {
                if (offlineWaits < MAX_OFFLINE_WAITS) {
                  offlineWaits += 1;
                  if (decision.reason === 'offline') attempt -= 1; // waiting for the network spends no attempt
                  onRetry?.({ attempt, delayMs: 0, reason: 'offline', retryAfterMs: null, error: failure });
                  await waitOnline(userSignal, deadlineLeft() ?? maxRetryAfterMs);
                  continue;
                }
              } else {
                lastReason = decision.reason;
                onRetry?.({ attempt, delayMs: decision.delayMs, reason: decision.reason, retryAfterMs: decision.retryAfterMs ?? null, error: failure });
                await sleep(decision.delayMs, userSignal);
                continue;
              }
            }
            throw new NetworkError({ kind, cause: failure, attempts: attempt, method, url, locale, decision });
          }

          const status = response?.status;
          if (typeof status !== 'number' || !Number.isInteger(status)) {
            done();
            throw new TypeError(`options.fetch must resolve to a Response, got ${response === null ? 'null' : typeof response === 'object' ? 'an object without a numeric status' : typeof response}`);
          }
          if (response.ok || status < 400 || status > 599) {
            keep(response);
            policy.recordSuccess(lastReason);
            return response;
          }
          // The error body is read before deciding (it may say how long to wait), still under
          // this attempt's timeout, the deadline and the caller's signal.
          const { text, complete } = await readBoundedText(response, signal);
          if (userSignal?.aborted) {
            done();
            response.body?.cancel().catch(() => {});
            throw userSignal.reason;
          }
          if (!complete) response.body?.cancel().catch(() => {});
          const details = parseErrorBody(text, response.headers.get('content-type') ?? undefined);
          const context = {
            attempt, method, status, headers: response.headers, requestHeaders,
            elapsedMs: monotonic() - started, deadlineMs,
          };
          if (typeof details?.retryAfterMs === 'number') context.bodyRetryAfterMs = details.retryAfterMs;
          if (!body.replayable()) context.replayable = false;
          const decision = policy.decide(context);
          const retryAfterMs = decision.retryAfterMs ?? null;
          // A wait the policy honours pauses the origin's other calls (and tabs); one it
          // refuses as too long pauses nobody.
          if (cooldowns !== null && retryAfterMs > 0 && retryAfterMs <= maxRetryAfterMs) {
            cooldowns.pause(originKey(), retryAfterMs, status, true);
            ownPause = cooldowns.get(originKey())?.until ?? 0;
          }
          if (decision.retry) {
            done();
            response.body?.cancel().catch(() => {});
            lastReason = decision.reason;
            onRetry?.({ attempt, delayMs: decision.delayMs, reason: decision.reason, status, retryAfterMs });
            await sleep(decision.delayMs, userSignal);
            continue;
          }
          keep(response);
          if (!throwHttpErrors) return response;
          const { reason, kind } = info(status);
          throw new HttpError({
            response, status, reason, kind, details, contentLanguage: response.headers?.get?.('content-language') ?? null,
            retryAfterMs, attempts: attempt, method, url, locale, decision,
          });
        }
      } finally {
        body.release();
      }
    };
  };
}
