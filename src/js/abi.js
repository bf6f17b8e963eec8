// The JavaScript half of the ABI in src/bindings (read its module docs first): the wasm
// instance, made on first use; the IN buffer that arguments are written into; and the reader
// of the OUT records the exports answer with. Nothing here decides anything.
import { instantiate } from './wasm.js';

/** Set in a string's length when the string is a reference to lasting text (an address follows). */
const REF = 0x80000000;
/** Record status bytes (src/bindings/io.rs). */
const TYPE_ERROR = 1;
const RANGE_ERROR = 2;
/** Strings up to this long are encoded by a copy loop; longer ones by TextEncoder. */
const SHORT = 64;

// Jest's jsdom environment has neither: the hand-written fallbacks below serve there.
const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : null;

/** The exports, or null before first use (and after a trap, until the next use). */
let ex = null;
let u8 = new Uint8Array(0);
let dv = new DataView(u8.buffer);
/** The IN buffer: its address and the capacity this side knows of. */
let inAt = 0;
let inCap = 0;
/** Bytes written into IN for the call being prepared. */
let at = 0;
/** Read position in the OUT record being read. */
let p = 0;
/** The record's text: where it is, and once a string is read, decoded. */
let textAt = 0;
let textLen = 0;
let recordText = null;
/** Lasting text decoded once, by address; emptied when the message store changes. */
let lasting = new Map();
/** The names answers index into (kinds, classes, formats, reasons, decision headers). */
export let names = null;
/** Instances made so far: a RetryPolicy made under an older one must be made again. */
export let generation = 0;
/** What registered into the store (tapes of catalogs and packs), replayed into a new instance. */
const registered = [];

/**
 * The exports, instantiating the module on first use. Once: each later call is a null check.
 * @returns {Record<string, Function> & { memory: WebAssembly.Memory }}
 */
export function wasm() {
  if (ex === null) start();
  return ex;
}

/**
 * Calls a wasm export from one call site that sees every export, so it stays megamorphic.
 * Node 20's V8 (11.3) crashes (SIGSEGV) in TurboFan code that inlined a JS-to-wasm call site
 * specialised to one export, once that code runs after the wasm memory grew; a site that never
 * names a single export is never specialised that way. Thirteen arguments: the most any export
 * takes (extra ones are ignored by wasm).
 */
function via(f, a, b, c, d, e, g, h, i, j, k, l, m, n) {
  return f(a, b, c, d, e, g, h, i, j, k, l, m, n);
}

function start() {
  const raw = instantiate().exports;
  ex = { memory: raw.memory };
  for (const name of Object.keys(raw)) {
    const f = raw[name];
    if (typeof f === 'function') {
      ex[name] = (a, b, c, d, e, g, h, i, j, k, l, m, n) => via(f, a, b, c, d, e, g, h, i, j, k, l, m, n);
    }
  }
  generation += 1;
  inCap = 0;
  lasting = new Map();
  fresh();
  names = null;
  read(ex.names());
  names = {
    kinds: list(), classes: list(), formats: list(), reasons: list(), headers: new Set(list()),
  };
  for (const [fn, bytes] of registered) {
    begin();
    put(bytes);
    ex[fn](at);
  }
}

function list() {
  const out = [];
  for (let n = u32(); n > 0; n--) out.push(str());
  return out;
}

/**
 * Runs `fn` (which calls exports); if the wasm traps (a RuntimeError: only a bug or memory
 * exhaustion can cause one, as no import can throw), the instance is dropped and made again on
 * next use, with every registered catalog and pack replayed, and the error is rethrown.
 */
export function guard(fn) {
  try {
    return fn();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) ex = null;
    throw error;
  }
}

/** A copy of the bytes written into IN for this call. */
export function copyWritten() {
  return u8.slice(inAt, inAt + at);
}

/** Remembers a successful registration (export name, tape bytes of IN) for replay. */
export function remember(fn) {
  registered.push([fn, copyWritten()]);
  lasting = new Map();
}

/** Forgets decoded lasting text (the store changed). */
export function forget() {
  lasting = new Map();
}

/**
 * Makes the views current after the memory grew: growing detaches the old buffer, whose views
 * then have no bytes (cheaper to test than reading memory.buffer on every call).
 */
function fresh() {
  if (u8.byteLength === 0) {
    u8 = new Uint8Array(ex.memory.buffer);
    dv = new DataView(u8.buffer);
  }
}

// ── Writing IN ─────────────────────────────────────────────────────────────────────────────

/** Starts writing the arguments of a call. */
export function begin() {
  if (ex === null) start();
  at = 0;
  fresh();
}

/** Bytes written so far. */
export function written() {
  return at;
}

/** Makes room for `n` more bytes. */
function room(n) {
  if (at + n > inCap) {
    const want = Math.max(at + n, 4096);
    const addr = ex.input(want);
    if (addr === 0) throw new RangeError('argument is too large');
    // If IN moved, Rust's resize copied what was written so far.
    inAt = addr;
    inCap = want;
    fresh();
  }
}

/**
 * Writes `s` as UTF-8 and returns its byte length; -1 (nothing written) for a non-string.
 * Lone surrogates become U+FFFD, as TextEncoder makes them.
 */
export function text(s) {
  if (typeof s !== 'string') return -1;
  room(s.length * 3);
  const start = inAt + at;
  let n;
  if (s.length > SHORT && encoder !== null) {
    // Long: the engine's encoder (a copy loop here costs ~4 ns a character).
    n = encoder.encodeInto(s, u8.subarray(start, inAt + inCap)).written;
  } else {
    n = 0;
    for (; n < s.length; n++) {
      const c = s.charCodeAt(n);
      if (c > 0x7f) break;
      u8[start + n] = c;
    }
    if (n < s.length) {
      const rest = s.slice(n);
      n += encoder === null ? encodeUtf8(rest, start + n) : encoder.encodeInto(rest, u8.subarray(start + n, inAt + inCap)).written;
    }
  }
  at += n;
  return n;
}

/** UTF-8 of `s` written at `to`, as TextEncoder writes it (lone surrogates as U+FFFD). */
function encodeUtf8(s, to) {
  let o = to;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i += 1;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x80) u8[o++] = c;
    else if (c < 0x800) { u8[o++] = 0xc0 | (c >> 6); u8[o++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { u8[o++] = 0xe0 | (c >> 12); u8[o++] = 0x80 | ((c >> 6) & 63); u8[o++] = 0x80 | (c & 63); }
    else {
      u8[o++] = 0xf0 | (c >> 18); u8[o++] = 0x80 | ((c >> 12) & 63);
      u8[o++] = 0x80 | ((c >> 6) & 63); u8[o++] = 0x80 | (c & 63);
    }
  }
  return o - to;
}

/** The string of the UTF-8 bytes [start, end) (valid UTF-8: Rust wrote it). */
function decodeUtf8(start, end) {
  let s = '';
  for (let i = start; i < end;) {
    const b = u8[i++];
    let c = b;
    if (b >= 0xf0) c = ((b & 7) << 18) | ((u8[i++] & 63) << 12) | ((u8[i++] & 63) << 6) | (u8[i++] & 63);
    else if (b >= 0xe0) c = ((b & 15) << 12) | ((u8[i++] & 63) << 6) | (u8[i++] & 63);
    else if (b >= 0xc0) c = ((b & 31) << 6) | (u8[i++] & 63);
    s += String.fromCodePoint(c);
  }
  return s;
}

/**
 * Writes `list` (strings or undefined) as src/bindings/io.rs `strings` reads them: a u32 byte
 * length each (0xffffffff for absent), then the UTF-8 of each string. Returns the bytes written.
 */
export function strings(list) {
  const header = at;
  for (let i = 0; i < list.length; i++) putU32(0);
  for (let i = 0; i < list.length; i++) {
    const n = text(list[i]);
    dv.setUint32(inAt + header + 4 * i, n < 0 ? 0xffffffff : n, true);
  }
  return at;
}

/** Writes raw bytes. */
export function put(bytes) {
  room(bytes.length);
  u8.set(bytes, inAt + at);
  at += bytes.length;
}

/** Writes one byte. */
export function putU8(v) {
  room(1);
  u8[inAt + at++] = v;
}

/** Writes a little-endian u32. */
export function putU32(v) {
  room(4);
  dv.setUint32(inAt + at, v, true);
  at += 4;
}

/** Writes a little-endian f64. */
export function putF64(v) {
  room(8);
  dv.setFloat64(inAt + at, v, true);
  at += 8;
}

/** Overwrites a u32 written earlier at byte `offset` of this call's input. */
export function patchU32(offset, v) {
  dv.setUint32(inAt + offset, v, true);
}

// ── Reading OUT ────────────────────────────────────────────────────────────────────────────

/**
 * Starts reading the record at `addr`; throws the TypeError / RangeError an error record
 * carries.
 */
export function read(addr) {
  fresh();
  const status = u8[addr];
  textAt = addr + dv.getUint32(addr + 1, true);
  textLen = dv.getUint32(addr + 5, true);
  recordText = null;
  p = addr + 9;
  if (status === TYPE_ERROR) throw new TypeError(str());
  if (status === RANGE_ERROR) throw new RangeError(str());
}

export function u8at() {
  return u8[p++];
}

export function u32() {
  const v = dv.getUint32(p, true);
  p += 4;
  return v;
}

export function f64() {
  const v = dv.getFloat64(p, true);
  p += 8;
  return v;
}

/** A number, or undefined for NaN (none). */
export function optF64() {
  const v = f64();
  return v === v ? v : undefined;
}

/** A string: a slice of the record's text (decoded once for all), or lasting text. */
export function str() {
  const a = u32();
  const b = u32();
  if (a < REF) {
    if (recordText === null) recordText = utf8(textAt, textLen);
    return recordText.slice(a, a + b);
  }
  let s = lasting.get(b);
  if (s === undefined) {
    s = utf8(b, a - REF);
    lasting.set(b, s);
  }
  return s;
}

/** An optional string: a presence byte, then the string. */
export function optStr() {
  return u8[p++] === 0 ? undefined : str();
}

/** A value written as a tape (src/bindings/io.rs `Out::tape`). */
export function tapeValue() {
  switch (u8[p++]) {
    case 1: return false;
    case 2: return true;
    case 3: return f64();
    case 4: return str();
    case 5: {
      const items = [];
      for (let n = u32(); n > 0; n--) items.push(tapeValue());
      return items;
    }
    case 6: {
      const pairs = [];
      for (let n = u32(); n > 0; n--) pairs.push([str(), tapeValue()]);
      return Object.fromEntries(pairs);
    }
    default: return null;
  }
}

function utf8(start, len) {
  if (decoder === null) return decodeUtf8(start, start + len);
  return decoder.decode(u8.subarray(start, start + len));
}

/** The size of the module's memory in bytes (0 before first use). */
export function memoryBytes() {
  return ex === null ? 0 : ex.memory.buffer.byteLength;
}
