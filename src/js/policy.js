// RetryPolicy: a handle on a Rust policy (options, budget, jitter source). decide() reads the
// context into plain values (the headers a decision reads, joined into one string) and makes
// one call; every rule is the core's.
import { begin, copyWritten, f64, generation, guard, names, optF64, put, putU32, read, text, u32, u8at, wasm } from './abi.js';
import { classifyError } from './core.js';
import { describe } from './describe.js';
import { get, joinHeaders } from './facts.js';
import { writeTape, TOO_DEEP } from './tape.js';

/** The failure kinds `context.error` may name, by the index the export takes. */
const FAILURES = ['network_error', 'offline', 'timeout', 'aborted'];
/** Set in the failure index when the body can be sent only once (src/bindings/retry.rs). */
const ONE_SHOT = 16;
/** Limits of the options' tape. */
const OPTION_LIMITS = { depth: 4, nodes: 2_000, string: 256 };

/**
 * Frees the Rust policies of RetryPolicy objects the garbage collector took: their handles are
 * gathered and freed in one call once the collector's callbacks are done (dropping 50,000
 * instances must not stall the event loop with 50,000 calls).
 */
const collected = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((slot) => {
    if (slot.handle === 0 || slot.generation !== generation) return;
    if (dead.length === 0) queueMicrotask(freeDead);
    dead.push(slot.handle);
    slot.handle = 0;
  })
  : null;
/** Handles of collected policies, freed together by freeDead(). */
let dead = [];

function freeDead() {
  const handles = dead;
  dead = [];
  try {
    guard(() => {
      begin();
      for (const h of handles) putU32(h);
      wasm().policy_free_many(handles.length);
    });
  } catch { /* a new instance: the handles are gone with the old one */ }
}

function release(slot) {
  if (slot.handle !== 0 && slot.generation === generation) wasm().policy_free(slot.handle);
  slot.handle = 0;
}

/** An optional number member of the context; undefined when absent. */
function optionalNumber(context, key) {
  const v = get(context, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || v !== v) throw new TypeError(`context.${key} must be a number, got ${describe(v)}`);
  return v;
}

/** The index of the failure in `context.error` (-1 for none). */
function failureIndex(error) {
  if (error === undefined || error === null) return -1;
  if (typeof error === 'string') {
    const i = FAILURES.indexOf(error);
    if (i < 0) throw new TypeError(`context.error must be an error or one of 'network_error', 'offline', 'timeout', 'aborted', got '${error.slice(0, 40)}'`);
    return i;
  }
  return FAILURES.indexOf(classifyError(error)?.kind);
}

/** Whether to retry after a failed attempt, and when: a policy shared by every call it serves. */
export class RetryPolicy {
  /** `{ handle, generation }`: the Rust policy (0 once freed). */
  #slot;
  /** The options as tape bytes, to make the policy again in a new instance. */
  #options;
  #seed;

  /** @param {object} [options] validated by Rust; a bad option throws TypeError / RangeError */
  constructor(options) {
    this.#seed = Math.random();
    this.#options = guard(() => {
      begin();
      const stop = writeTape(options === undefined ? null : options, OPTION_LIMITS);
      if (stop === TOO_DEEP) throw new TypeError('options are nested too deeply');
      if (stop !== 0) throw new RangeError('options are too large');
      return copyWritten();
    });
    this.#slot = { handle: 0, generation: 0 };
    this.#make();
    collected?.register(this, this.#slot, this.#slot);
  }

  /** Makes the Rust policy from the options (again, after a new instance). */
  #make() {
    guard(() => {
      begin();
      put(this.#options);
      read(wasm().policy_new(this.#options.length, this.#seed));
      this.#slot.handle = u32();
      this.#slot.generation = generation;
    });
  }

  /** The handle, made again if the instance changed; throws when freed. */
  #handle() {
    const slot = this.#slot;
    if (slot.handle === 0) throw new TypeError('RetryPolicy was freed; create a new one');
    if (slot.generation !== generation) this.#make();
    return slot.handle;
  }

  /**
   * Decides whether to retry after a failed attempt: `{ retry, delayMs, reason, retryAfterMs? }`.
   * @throws TypeError / RangeError naming a bad context member; TypeError once freed
   */
  decide(context) {
    if (context === null || typeof context !== 'object') throw new TypeError(`context must be an object, got ${describe(context)}`);
    const attempt = get(context, 'attempt');
    if (typeof attempt !== 'number') throw new TypeError(`context.attempt must be an integer >= 1, got ${describe(attempt)}`);
    const method = get(context, 'method');
    if (method !== undefined && method !== null && typeof method !== 'string') {
      throw new TypeError("context.method must be an HTTP method name such as 'GET'");
    }
    let status = get(context, 'status');
    if (status === undefined || status === null) status = NaN;
    else if (typeof status !== 'number' || status !== status) throw new TypeError(`context.status must be an integer from 100 to 599, got ${describe(status)}`);
    let failure = failureIndex(get(context, 'error')) + 1;
    if (get(context, 'replayable') === false) failure |= ONE_SHOT;
    const headers = joinHeaders(get(context, 'headers'), 'context.headers');
    const requestHeaders = joinHeaders(get(context, 'requestHeaders'), 'context.requestHeaders');
    const elapsedMs = optionalNumber(context, 'elapsedMs') ?? NaN;
    const deadlineMs = optionalNumber(context, 'deadlineMs') ?? NaN;
    const now = optionalNumber(context, 'now') ?? Date.now();
    const bodyWait = optionalNumber(context, 'bodyRetryAfterMs') ?? NaN;
    return guard(() => {
      const handle = this.#handle();
      begin();
      const m = text(method ?? undefined);
      const h = text(headers);
      const r = text(requestHeaders);
      read(wasm().policy_decide(handle, attempt, status, failure, elapsedMs, deadlineMs, bodyWait, now, m, h, r));
      const retry = u8at() === 1;
      const reason = names.reasons[u8at()];
      const delayMs = f64();
      const retryAfterMs = optF64();
      return retryAfterMs === undefined ? { retry, delayMs, reason } : { retry, delayMs, reason, retryAfterMs };
    });
  }

  /**
   * Records a successful call (refills the budget). `retryReason`: the reason of the decision
   * that made the successful attempt (none for a first-attempt success). Does nothing once freed.
   */
  recordSuccess(retryReason) {
    const slot = this.#slot;
    if (slot.handle === 0) return;
    const reason = typeof retryReason === 'string' ? names.reasons.indexOf(retryReason) : -1;
    guard(() => wasm().policy_success(this.#handle(), reason));
  }

  #info() {
    return guard(() => {
      read(wasm().policy_info(this.#handle()));
      return { limit: u32(), maxRetryAfterMs: f64(), budgetTokens: optF64() ?? null };
    });
  }

  /** The longest server-requested wait that is honoured, in ms. */
  get maxRetryAfterMs() {
    return this.#info().maxRetryAfterMs;
  }

  /** The retries after the first attempt. */
  get limit() {
    return this.#info().limit;
  }

  /** Tokens left in the retry budget (null when the budget is off). */
  get budgetTokens() {
    return this.#info().budgetTokens;
  }

  /** True once free() was called. */
  get freed() {
    return this.#slot.handle === 0;
  }

  /** Releases the Rust policy now (the garbage collector does it otherwise). */
  free() {
    const slot = this.#slot;
    if (slot.handle === 0) return;
    // No unregister (it costs about as much as the free itself): the registry's callback finds
    // the handle already 0 and does nothing. policy_free cannot trap (no allocation).
    release(slot);
  }
}

if (typeof Symbol.dispose === 'symbol') {
  RetryPolicy.prototype[Symbol.dispose] = RetryPolicy.prototype.free;
}
