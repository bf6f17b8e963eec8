// The public functions over the wasm exports: read the arguments into plain values, make one
// call, build the answer object. Every decision is the Rust core's (src/bindings says which
// export does what); argument errors are thrown here from the records Rust answers with, and
// from the few type checks that must happen before anything can be passed.
import {
  begin, f64, guard, names, optF64, optStr, read, remember, str, strings, tapeValue,
  text, u32, u8at, wasm, written, memoryBytes,
} from './abi.js';
import { errorFacts, get, joinHeaders, navigatorLanguages, stringFact, MAX_TAGS } from './facts.js';
import { TOO_DEEP, writeParsed, writeTape } from './tape.js';
import { describe } from './describe.js';

/** Writes `value` as a tape with `limits`; throws what `what` is when it is too deep or large. */
function tape(value, limits, what) {
  const stop = writeTape(value, limits);
  if (stop === TOO_DEEP) throw new TypeError(`${what} is nested too deeply`);
  if (stop !== 0) throw new RangeError(`${what} is too large`);
  return written();
}

/** True for a non-null, non-array object (what catalogs and packs must be). */
function isPlainArgument(v) {
  if (v === null || typeof v !== 'object') return false;
  try {
    return !Array.isArray(v);
  } catch {
    return false;
  }
}

// ── Status codes ───────────────────────────────────────────────────────────────────────────

/** Frozen answers by code (a dense array: no hole can let a polluted prototype answer). */
let statusCache = new Array(600).fill(null);
let allStatuses = null;

function statusInfo() {
  const status = u32();
  const cls = u8at();
  const kind = u8at();
  const flags = u8at();
  return Object.freeze({
    status,
    reason: str(),
    class: names.classes[cls],
    kind: names.kinds[kind],
    registered: (flags & 1) !== 0,
    ok: (flags & 2) !== 0,
    retryable: (flags & 4) !== 0,
    description: str(),
    spec: str(),
  });
}

/**
 * Classifies an HTTP status code (an integer from 100 to 599). The answer is frozen and shared.
 * @throws TypeError for non-numbers and non-integers; RangeError outside 100..=599
 */
export function classify(status) {
  if (typeof status === 'number' && status >= 100 && status < 600) {
    const hit = statusCache[status | 0];
    if (hit !== null && hit.status === status) return hit;
  } else if (typeof status !== 'number') {
    throw new TypeError(`status must be an integer from 100 to 599, got ${describe(status)}`);
  }
  return guard(() => {
    read(wasm().classify(status));
    const info = statusInfo();
    statusCache[info.status] = info;
    return info;
  });
}

/** Every code in the catalog (registered and unofficial), in order; frozen. */
export function listStatuses() {
  if (allStatuses === null) {
    allStatuses = guard(() => {
      read(wasm().list_statuses());
      const list = [];
      for (let n = u32(); n > 0; n--) list.push(statusInfo());
      return Object.freeze(list);
    });
  }
  return allStatuses;
}

// ── Thrown values ──────────────────────────────────────────────────────────────────────────

/** Classifies anything a fetch call can throw: `{ kind, retryable, status? }`, or null. */
export function classifyError(error) {
  const f = errorFacts(error);
  return guard(() => {
    begin();
    read(wasm().classify_error(strings(f.strings), f.status, f.statusCode, f.flags));
    if (u8at() === 0) return null;
    const kind = names.kinds[u8at()];
    const retryable = u8at() === 1;
    const status = optF64();
    return status === undefined ? { kind, retryable } : { kind, retryable, status };
  });
}

// ── Messages ───────────────────────────────────────────────────────────────────────────────

/** Flag bits (src/bindings/messages.rs `flag`). */
const NUMBER = 1 << 8;
const OBJECT = 1 << 9;
const RETRY_AFTER = 1 << 10;
const SERVER_DETAIL = 1 << 11;
const PHRASE = 1 << 12;
const HAS_HIGHLIGHTED = 1 << 13;
const HIGHLIGHTED = 1 << 14;
const NO_SIGN_IN = 1 << 15;
const SUPPORT_LINK = 1 << 16;
const FIELD_ERRORS = 1 << 17;
/** The units a wait phrase request names (src/messages/wait.rs `Unit`). */
const UNITS = ['second', 'minute', 'hour', 'day'];
/** The problem+json members that state a body's own language (src/messages/input.rs). */
const BODY_LANGUAGE = ['lang', 'language', 'locale'];

/** The facts of a value that is not an object. */
const NO_FACTS = { strings: [undefined, undefined, undefined, undefined, undefined, undefined], status: NaN, statusCode: NaN, flags: 0 };
/** `flag::HAS_RESPONSE` (src/bindings/status.rs). */
const HAS_RESPONSE = 8;

/** `Intl` objects per class, locale and options (at most 64 each kept). */
const intl = new Map();

/** `new Intl[name](locale, options)[method](...args)` as a string, or undefined when Intl cannot. */
function ask(name, locale, options, method, a, b) {
  try {
    const key = `${name} ${options?.numeric ?? ''} ${locale}`;
    let f = intl.get(key);
    if (f === undefined) {
      f = new Intl[name](locale, options);
      if (intl.size < 256) intl.set(key, f);
    }
    const s = f[method](a, b);
    return typeof s === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The locale tags of `option` (a tag or an array of tags), joined by NUL. */
function localeTags(option) {
  let tags;
  if (option === undefined || option === null) {
    tags = navigatorLanguages();
  } else if (typeof option === 'string') {
    tags = [option];
  } else {
    let isList = false;
    try {
      isList = Array.isArray(option);
    } catch { /* a revoked Proxy */ }
    if (!isList) throw new TypeError('options.locale must be a BCP 47 language tag or an array of them');
    tags = [];
    const n = Math.min(Number(get(option, 'length')) || 0, MAX_TAGS);
    for (let i = 0; i < n; i++) {
      const tag = get(option, i);
      if (typeof tag !== 'string') throw new TypeError(`options.locale[${i}] must be a string (a BCP 47 language tag)`);
      tags.push(tag);
    }
  }
  return tags.map((t) => (t.length > 256 ? t.slice(0, 256) : t)).join('\0');
}

/** A boolean option as flag bits: `on` when true, 0 when false or absent; TypeError otherwise. */
function booleanOption(options, key) {
  const v = get(options, key);
  if (v !== undefined && v !== null && typeof v !== 'boolean') throw new TypeError(`options.${key} must be a boolean`);
  return v;
}

/**
 * The message an end user should see for `input` (a status, a StatusInfo, an HttpError,
 * NetworkError, any fetch error or another client's error; anything else gets kind `unknown`):
 * `{ title, message, action, kind, locale, dir }`. Never throws for its input; options of the
 * wrong type throw TypeError.
 */
export function userMessage(input, options) {
  if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
    throw new TypeError('options must be an object');
  }
  const tags = localeTags(get(options, 'locale'));
  let flags = 0;
  const retryAfter = get(options, 'retryAfterMs');
  if (retryAfter !== undefined && retryAfter !== null) {
    if (typeof retryAfter !== 'number') throw new TypeError('options.retryAfterMs must be a number of milliseconds');
    flags |= RETRY_AFTER;
  }
  if (get(options, 'includeServerDetail') === true) flags |= SERVER_DETAIL;
  const serverLanguage = get(options, 'serverLanguage');
  if (serverLanguage !== undefined && serverLanguage !== null && typeof serverLanguage !== 'string') {
    throw new TypeError('options.serverLanguage must be a BCP 47 language tag');
  }
  const highlighted = booleanOption(options, 'highlightedFields');
  if (typeof highlighted === 'boolean') flags |= HAS_HIGHLIGHTED | (highlighted ? HIGHLIGHTED : 0);
  if (booleanOption(options, 'signIn') === false) flags |= NO_SIGN_IN;
  if (booleanOption(options, 'supportLink') === true) flags |= SUPPORT_LINK;

  const s = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  let status = NaN;
  let inputWait = NaN;
  let f = NO_FACTS;
  if (typeof input === 'number') flags |= NUMBER;
  else if (input !== null && (typeof input === 'object' || typeof input === 'function')) {
    flags |= OBJECT;
    f = errorFacts(input);
    const n = get(input, 'status');
    if (typeof n === 'number') status = n;
    const w = get(input, 'retryAfterMs');
    if (typeof w === 'number') inputWait = w;
    const details = get(input, 'details');
    const userFacing = get(details, 'userFacing');
    const extensions = get(details, 'extensions');
    s[0] = stringFact(get(input, 'kind'));
    s[1] = stringFact(get(userFacing, 'message'));
    s[2] = stringFact(get(userFacing, 'locale'));
    s[3] = stringFact(get(details, 'detail'));
    s[4] = stringFact(get(details, 'title'));
    for (const key of BODY_LANGUAGE) s[5] ??= stringFact(get(extensions, key));
    s[6] = stringFact(get(input, 'contentLanguage'));
    // Another client's error carries its response: its Retry-After can say when to come back.
    if (f.flags & HAS_RESPONSE) s[7] = joinHeaders(get(f.response, 'headers'));
    const fieldErrors = get(details, 'fieldErrors');
    try {
      if (Array.isArray(fieldErrors) && fieldErrors.length > 0) flags |= FIELD_ERRORS;
    } catch { /* a revoked Proxy */ }
  }
  flags |= f.flags;
  const number = typeof input === 'number' ? input : NaN;
  const wait = typeof retryAfter === 'number' ? retryAfter : NaN;
  const language = typeof serverLanguage === 'string' ? serverLanguage.slice(0, 256) : undefined;
  return guard(() => {
    const list = [...f.strings, ...s, tags, language, undefined, undefined, undefined];
    const call = (second) => {
      begin();
      read(wasm().user_message(strings(list), number, status, f.status, f.statusCode, wait, inputWait, Date.now(),
        second ? flags | PHRASE : flags));
    };
    call(false);
    if (u8at() === 1) {
      // The message needs "in 30 seconds" in a locale: ask the platform's Intl, then the core
      // finishes with its answers ("always" numeric: "auto" would make 36 hours "the day after
      // tomorrow"; "auto" for 0 gives "now").
      const locale = str();
      const value = f64();
      const unit = UNITS[u8at()];
      const last = list.length;
      list[last - 3] = ask('RelativeTimeFormat', locale, { numeric: value === 0 ? 'auto' : 'always' }, 'format', value, unit);
      list[last - 2] = ask('PluralRules', locale, undefined, 'select', value);
      list[last - 1] = ask('NumberFormat', locale, undefined, 'format', value);
      call(true);
      u8at();
    }
    return {
      title: str(), message: str(), action: str(), kind: names.kinds[u8at()], locale: str(),
      dir: u8at() === 1 ? 'rtl' : 'ltr',
    };
  });
}

/** Limits of a catalog's tape: 8 levels, 20,000 values, strings cut at 8,192 UTF-16 units. */
const CATALOG_LIMITS = { depth: 8, nodes: 20_000, string: 8_192 };
/** Limits of a description pack's tape: 4 levels, 2,048 values, strings cut at 16,896 units. */
const DESCRIPTION_LIMITS = { depth: 4, nodes: 2_048, string: 16_896 };

/** Registers a message catalog (a locale pack or an app's overrides); returns its locale tag. */
export function addMessages(catalog) {
  if (!isPlainArgument(catalog)) throw new TypeError('catalog must be an object');
  return guard(() => {
    begin();
    const len = tape(catalog, CATALOG_LIMITS, 'catalog');
    read(wasm().add_messages(len));
    const tag = str();
    remember('add_messages');
    return tag;
  });
}

/** Registers long developer descriptions (the `http-triage/descriptions.js` pack, or an app's). */
export function addDescriptions(pack) {
  if (!isPlainArgument(pack)) throw new TypeError('pack must be an object');
  guard(() => {
    begin();
    const len = tape(pack, DESCRIPTION_LIMITS, 'pack');
    read(wasm().add_descriptions(len));
    remember('add_descriptions');
  });
  // Objects handed out earlier stay frozen with their old text; later calls see the new one.
  statusCache = new Array(600).fill(null);
  allStatuses = null;
}

/** The locale tags that have messages (built-in English and every registered catalog). */
export function listLocales() {
  return guard(() => {
    read(wasm().list_locales());
    const tags = [];
    for (let n = u32(); n > 0; n--) tags.push(str());
    return tags;
  });
}

// ── Error bodies ───────────────────────────────────────────────────────────────────────────

/** The most UTF-16 units of a text body passed on (the core reads the first 64 KiB of bytes). */
const MAX_BODY = 64 * 1024;
/** Limits of a body parsed from text: what the 64 KiB of text can hold, 127 levels deep. */
const TEXT_LIMITS = { depth: 127, nodes: 65_536, string: 4_096 };
/** Limits of a body given already parsed: deeper or larger objects give null. */
const OBJECT_LIMITS = { depth: 32, nodes: 10_000, string: 4_096 };
/** Body kinds (src/bindings/problem.rs `body`). */
const TEXT = 0;
const TAPE = 1;
const SCALAR = 2;
/** Leading whitespace and byte order marks. */
const LEADING = /^[\s\uFEFF]+/;
/**
 * Text worth handing to JSON.parse: an object or array, or the whole text one JSON scalar (so
 * plain text such as "not found" never costs a thrown SyntaxError).
 */
const JSON_LIKE = /^(?:[{[]|(?:true|false|null|-?\d[\d.eE+-]*|"[^]*")\s*$)/;

/**
 * What an API error body says: `{ format, title?, detail?, code?, type?, instance?, status?,
 * retryAfterMs?, userFacing?, fieldErrors, extensions? }`, or null. Never throws. JSON text is
 * read by the engine's JSON.parse; the core decides what it means.
 */
export function parseErrorBody(body, contentType) {
  const type = stringFact(contentType);
  try {
    return guard(() => {
      begin();
      let kind = TEXT;
      let len;
      if (typeof body === 'string') {
        const cut = body.length > MAX_BODY ? body.slice(0, MAX_BODY) : body;
        const start = cut.replace(LEADING, '');
        let parsed;
        let isJson = false;
        if (JSON_LIKE.test(start)) {
          try {
            parsed = JSON.parse(start);
            isJson = true;
          } catch { /* not JSON: the core reads it as text */ }
        }
        if (parsed !== null && typeof parsed === 'object') {
          kind = TAPE;
          if (writeParsed(parsed, TEXT_LIMITS) !== 0) return null;
          len = written();
        } else {
          if (isJson) kind = SCALAR;
          len = text(cut);
        }
      } else if (body !== null && typeof body === 'object') {
        kind = TAPE;
        if (writeTape(body, OBJECT_LIMITS) !== 0) return null;
        len = written();
      } else {
        return null;
      }
      const typeLen = text(type);
      read(wasm().parse_error_body(kind, len, typeLen));
      return u8at() === 0 ? null : details();
    });
  } catch {
    return null; // only a trap or an exhausted memory gets here
  }
}

function details() {
  const d = { format: names.formats[u8at()] };
  const status = optF64();
  const retryAfterMs = optF64();
  const title = optStr();
  const detail = optStr();
  const code = optStr();
  const type = optStr();
  const instance = optStr();
  if (title !== undefined) d.title = title;
  if (detail !== undefined) d.detail = detail;
  if (code !== undefined) d.code = code;
  if (type !== undefined) d.type = type;
  if (instance !== undefined) d.instance = instance;
  if (status !== undefined) d.status = status;
  if (retryAfterMs !== undefined) d.retryAfterMs = retryAfterMs;
  if (u8at() === 1) {
    const message = str();
    const locale = optStr();
    d.userFacing = locale === undefined ? { message } : { message, locale };
  }
  const fieldErrors = [];
  for (let n = u32(); n > 0; n--) fieldErrors.push({ field: str(), message: str() });
  d.fieldErrors = fieldErrors;
  const count = u32();
  if (count > 0) {
    // Server-chosen names ("constructor", "__proto__"): Object.fromEntries defines each as an
    // own property, never assigning through Object.prototype (frozen or not).
    const pairs = [];
    for (let n = count; n > 0; n--) pairs.push([str(), tapeValue()]);
    d.extensions = Object.fromEntries(pairs);
  }
  return d;
}

/** The size of the module's linear memory in bytes (diagnostics: benchmarks and leak tests). */
export function wasmMemoryBytes() {
  return memoryBytes();
}
