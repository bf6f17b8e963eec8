// Reads the plain facts the Rust core decides from, off values the caller or the platform
// owns (thrown errors, navigator, headers). Every read is caught: a getter or Proxy trap that
// throws reads as undefined, so reporting an error can never throw.
import { names } from './abi.js';
import { describe } from './describe.js';

/** Longest string fact passed on, in UTF-16 units (the core matches short, known wordings). */
const MAX_FACT = 512;
/** Most locale tags read from an option or navigator.languages. */
export const MAX_TAGS = 16;

/** Header pairs looked at per collection, and the longest value kept (as the core's reader). */
const MAX_PAIRS = 256;
const MAX_VALUE = 4096;

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
const HAS_RESPONSE = 8;
/**
 * Properties other clients set to `true` on their errors (src/clients.rs `CLIENT_FLAGS`, in bit
 * order from bit 4).
 */
const CLIENT_FLAGS = ['isAxiosError', 'isKyError'];

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
 * The facts of a thrown value (src/bindings/status.rs `facts`): `strings` (name, message, code,
 * cause.code, cause.name, cause.message: strings or undefined), `status` (`status`, else
 * `response.status`) and `statusCode` (`statusCode`, else `response.statusCode`), NaN for none,
 * `flags`, and `response` (the value's response, for its headers).
 */
export function errorFacts(error) {
  const cause = get(error, 'cause');
  const response = get(error, 'response');
  let status = numberFact(get(error, 'status'));
  if (status !== status) status = numberFact(get(response, 'status'));
  let statusCode = numberFact(get(error, 'statusCode'));
  if (statusCode !== statusCode) statusCode = numberFact(get(response, 'statusCode'));
  let flags = (isError(error) ? IS_ERROR : 0) | onlineFlags();
  if (response !== null && typeof response === 'object') flags |= HAS_RESPONSE;
  for (let i = 0; i < CLIENT_FLAGS.length; i++) {
    if (get(error, CLIENT_FLAGS[i]) === true) flags |= 16 << i;
  }
  return {
    strings: [
      stringFact(get(error, 'name')), stringFact(get(error, 'message')), stringFact(get(error, 'code')),
      stringFact(get(cause, 'code')), stringFact(get(cause, 'name')), stringFact(get(cause, 'message')),
    ],
    status,
    statusCode,
    flags,
    response,
  };
}

/**
 * `headers` reduced to the pairs a decision reads, joined as `name\0value\0…` (names
 * lowercase); undefined when absent. Headers, a Map (anything with entries()), an array of
 * [name, value] pairs or a plain object; every read caught. Anything else is a TypeError naming
 * `what`, or undefined when there is no `what`.
 */
export function joinHeaders(headers, what) {
  if (headers === undefined || headers === null) return undefined;
  if (typeof headers !== 'object') {
    if (what === undefined) return undefined;
    throw new TypeError(`${what} must be a Headers object or a plain object, got ${describe(headers)}`);
  }
  const wanted = names.headers;
  let joined = '';
  const add = (name, value) => {
    if (typeof value === 'number') value = String(value);
    if (typeof name !== 'string' || typeof value !== 'string' || value.length > MAX_VALUE) return;
    const lower = name.toLowerCase();
    if (wanted.has(lower) && !value.includes('\0')) joined += `${lower}\0${value}\0`;
  };
  try {
    if (Array.isArray(headers)) {
      const n = Math.min(headers.length, MAX_PAIRS);
      for (let i = 0; i < n; i++) add(get(headers[i], 0), get(headers[i], 1));
    } else if (typeof get(headers, 'entries') === 'function') {
      let n = 0;
      for (const pair of headers.entries()) {
        if (++n > MAX_PAIRS) break;
        add(get(pair, 0), get(pair, 1));
      }
    } else {
      const keys = Object.keys(headers);
      const n = Math.min(keys.length, MAX_PAIRS);
      for (let i = 0; i < n; i++) add(keys[i], get(headers, keys[i]));
    }
  } catch { /* a throwing iterator or trap ends the pairs read so far */ }
  return joined;
}
