// Reads the plain facts the Rust core decides from, off values the caller or the platform
// owns (thrown errors, navigator). Every read is caught: a getter or Proxy trap that throws
// reads as undefined, so reporting an error can never throw.

/** Longest string fact passed on, in UTF-16 units (the core matches short, known wordings). */
const MAX_FACT = 512;
/** Most locale tags read from an option or navigator.languages. */
export const MAX_TAGS = 16;

/** `target[key]`, or undefined when `target` is not an object or reading it throws. */
export function get(target, key) {
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return undefined;
  try {
    return target[key];
  } catch {
    return undefined;
  }
}

/** A string fact, cut to its bound; undefined for anything else. */
export function stringFact(v) {
  if (typeof v !== 'string') return undefined;
  return v.length > MAX_FACT ? v.slice(0, MAX_FACT) : v;
}

/** A number, or NaN (none). */
export function numberFact(v) {
  return typeof v === 'number' ? v : NaN;
}

/** True for an Error of any realm (DOMException included). */
export function isError(v) {
  try {
    if (v instanceof Error) return true;
    const tag = Object.prototype.toString.call(v);
    return tag === '[object Error]' || tag === '[object DOMException]';
  } catch {
    return false;
  }
}

/** Flag bits (src/bindings/status.rs `flag`). */
export const IS_ERROR = 1;
const HAS_ONLINE = 2;
const ONLINE = 4;

/** The navigator of a window or worker, or undefined (Node before 21, Deno without one). */
function navigatorOf() {
  try {
    return typeof navigator === 'object' && navigator !== null ? navigator : undefined;
  } catch {
    return undefined;
  }
}

/** `navigator.onLine` as flag bits: unknown where the runtime has no such flag. */
export function onlineFlags() {
  const online = get(navigatorOf(), 'onLine');
  if (typeof online !== 'boolean') return 0;
  return HAS_ONLINE | (online ? ONLINE : 0);
}

/** True only when the runtime says it is offline. */
export function isOffline() {
  return get(navigatorOf(), 'onLine') === false;
}

/** `navigator.languages` (else `navigator.language`) as up to MAX_TAGS strings. */
export function navigatorLanguages() {
  const nav = navigatorOf();
  const tags = [];
  const list = get(nav, 'languages');
  try {
    if (list !== null && typeof list === 'object') {
      const n = Math.min(Number(get(list, 'length')) || 0, MAX_TAGS);
      for (let i = 0; i < n; i++) {
        const tag = get(list, i);
        if (typeof tag === 'string') tags.push(tag);
      }
    }
  } catch { /* a hostile length: no tags from it */ }
  if (tags.length === 0) {
    const tag = get(nav, 'language');
    if (typeof tag === 'string') tags.push(tag);
  }
  return tags;
}

/**
 * The facts of a thrown value: name, message, code, cause.code (strings or undefined), status
 * (`status`, else `response.status`; NaN for none), and flag bits.
 */
export function errorFacts(error) {
  const cause = get(error, 'cause');
  let status = numberFact(get(error, 'status'));
  if (status !== status) status = numberFact(get(get(error, 'response'), 'status'));
  return {
    name: stringFact(get(error, 'name')),
    message: stringFact(get(error, 'message')),
    code: stringFact(get(error, 'code')),
    causeCode: stringFact(get(cause, 'code')),
    status,
    flags: (isError(error) ? IS_ERROR : 0) | onlineFlags(),
  };
}
