// Writes a JavaScript value into IN as a tape (the pre-order format src/bindings/io.rs reads):
// how catalogs, description packs, retry options and parsed error bodies cross into Rust.
//
// Reading the value is the part that can run caller code (getters, Proxy traps), so it happens
// here, in JavaScript, before the wasm call, and every read is caught: a throwing getter reads
// as undefined, a throwing Proxy trap as an empty object. Depth, value count and string length
// are bounded, so a hostile or cyclic object costs bounded time and memory.
import { patchU32, putF64, putU32, putU8, text, written } from './abi.js';

/** Tags (src/bindings/io.rs `tag`). */
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;

/** Why a tape stopped. */
export const TOO_DEEP = 1;
export const TOO_LARGE = 2;

/**
 * Writes `value`: strings cut to `limits.string` UTF-16 units, functions, symbols, bigints and
 * undefined array items as null, undefined members skipped (as JSON.stringify does). Returns 0,
 * or TOO_DEEP / TOO_LARGE when `limits.depth` levels or `limits.nodes` values are exceeded.
 * @param {unknown} value
 * @param {{ depth: number, nodes: number, string: number }} limits
 */
export function writeTape(value, limits) {
  const state = { nodes: limits.nodes, string: limits.string };
  try {
    one(value, limits.depth, state);
    return 0;
  } catch (stop) {
    if (stop === TOO_DEEP || stop === TOO_LARGE) return stop;
    throw stop;
  }
}

function one(v, depth, state) {
  if (state.nodes-- <= 0) throw TOO_LARGE;
  switch (typeof v) {
    case 'string':
      putU8(STRING);
      putString(v.length > state.string ? v.slice(0, state.string) : v);
      return;
    case 'number':
      putU8(NUMBER);
      putF64(v);
      return;
    case 'boolean':
      putU8(v ? TRUE : FALSE);
      return;
    case 'object':
      if (v !== null) break;
    // falls through: null
    default:
      putU8(NULL);
      return;
  }
  if (depth <= 0) throw TOO_DEEP;
  if (isArray(v)) {
    const length = Math.min(toLength(get(v, 'length')), state.nodes + 1);
    putU8(ARRAY);
    putU32(length);
    for (let i = 0; i < length; i++) one(get(v, i), depth - 1, state);
    return;
  }
  let keys;
  try {
    keys = Reflect.ownKeys(v);
  } catch {
    keys = [];
  }
  putU8(OBJECT);
  const countAt = written();
  putU32(0);
  let count = 0;
  for (const key of keys) {
    if (typeof key !== 'string') continue;
    if (state.nodes <= 0) throw TOO_LARGE;
    const item = get(v, key);
    if (item === undefined) continue;
    putString(key.length > state.string ? key.slice(0, state.string) : key);
    one(item, depth - 1, state);
    count += 1;
  }
  patchU32(countAt, count);
}

/**
 * Writes what `JSON.parse` made (plain objects and arrays of strings, numbers, booleans and
 * null: nothing to guard against, so no reads are caught) with `limits`; returns 0, TOO_DEEP or
 * TOO_LARGE as writeTape does.
 */
export function writeParsed(value, limits) {
  const state = { nodes: limits.nodes, string: limits.string };
  try {
    parsed(value, limits.depth, state);
    return 0;
  } catch (stop) {
    if (stop === TOO_DEEP || stop === TOO_LARGE) return stop;
    throw stop;
  }
}

function parsed(v, depth, state) {
  if (state.nodes-- <= 0) throw TOO_LARGE;
  if (typeof v === 'string') {
    putU8(STRING);
    putString(v.length > state.string ? v.slice(0, state.string) : v);
  } else if (typeof v === 'number') {
    putU8(NUMBER);
    putF64(v);
  } else if (typeof v === 'boolean') {
    putU8(v ? TRUE : FALSE);
  } else if (v === null) {
    putU8(NULL);
  } else if (depth <= 0) {
    throw TOO_DEEP;
  } else if (Array.isArray(v)) {
    putU8(ARRAY);
    putU32(v.length);
    for (let i = 0; i < v.length; i++) parsed(v[i], depth - 1, state);
  } else {
    const keys = Object.keys(v);
    putU8(OBJECT);
    putU32(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      putString(key.length > state.string ? key.slice(0, state.string) : key);
      parsed(v[key], depth - 1, state);
    }
  }
}

/** A u32 byte length, then the UTF-8 (written in place, the length patched after). */
function putString(s) {
  const lengthAt = written();
  putU32(0);
  patchU32(lengthAt, text(s));
}

/** `target[key]`, or undefined when a getter or Proxy trap throws. */
function get(target, key) {
  try {
    return target[key];
  } catch {
    return undefined;
  }
}

function isArray(v) {
  try {
    return Array.isArray(v);
  } catch {
    return false; // a revoked Proxy
  }
}

function toLength(n) {
  return typeof n === 'number' && n > 0 ? Math.min(Math.floor(n), 2 ** 32 - 1) : 0;
}
