//! The two buffers every export talks through, and the formats written into them.
//!
//! * **IN**: the JavaScript layer writes an export's string and structured arguments here
//!   (UTF-8 from `TextEncoder.encodeInto`, numbers little-endian), then passes their byte
//!   lengths as plain arguments. [`input`] reserves it; its address only changes when it grows.
//! * **OUT**: every export that answers more than a number writes one record here and returns
//!   its address: a status byte ([`OK`], [`TYPE_ERROR`], [`RANGE_ERROR`]) then the payload, or
//!   for an error the message as a string. The JavaScript reader (src/js/abi.js) mirrors
//!   [`Out`] field by field.
//!
//! Strings in OUT are a `u32` byte length then UTF-8, or, for text that lives as long as the
//! message store is unchanged (the built-in tables and registered catalogs), a reference: the
//! length with [`REF`] set, then the address. The reader decodes a reference once and caches
//! it by address until `addMessages` / `addDescriptions` next change the store.
//!
//! The tape ([`read_tape`]) is how a JavaScript value (a catalog, options, a parsed body)
//! crosses: pre-order, one tag byte per value, read into a [`Value`] here.

use std::cell::RefCell;

use crate::error::{ArgError, ArgErrorKind};
use crate::json::{Map, Value};

/// Status byte of a successful record.
pub(crate) const OK: u8 = 0;
/// Status byte of a record that is a `TypeError` message.
pub(crate) const TYPE_ERROR: u8 = 1;
/// Status byte of a record that is a `RangeError` message.
pub(crate) const RANGE_ERROR: u8 = 2;
/// Set in a string's length when the string is a reference (an address follows).
pub const REF: u32 = 1 << 31;

/// The largest input the IN buffer grows to (16 MiB): the JavaScript layer bounds what it
/// writes far below this.
const MAX_INPUT: usize = 16 << 20;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The text of the record being written, appended to it when it is done.
    static TEXT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Makes IN at least `len` bytes long and returns its address (0 when `len` is over the
/// bound or IN is in use). The JavaScript layer calls this only when its cached capacity is
/// too small.
pub(crate) fn reserve_input(len: usize) -> usize {
    if len > MAX_INPUT {
        return 0;
    }
    INPUT.with(|b| match b.try_borrow_mut() {
        Ok(mut b) => {
            if b.len() < len {
                b.resize(len.next_power_of_two().max(4096), 0);
            }
            b.as_mut_ptr() as usize
        }
        Err(_) => 0,
    })
}

/// Runs `f` with the first `len` bytes of IN (fewer when IN is shorter: the reads then fail
/// as truncated input would).
pub(crate) fn with_input<R>(len: usize, f: impl FnOnce(&[u8]) -> R) -> R {
    INPUT.with(|b| match b.try_borrow() {
        Ok(b) => f(b.get(..len).unwrap_or(&b[..])),
        Err(_) => f(&[]),
    })
}

/// Writes IN from Rust (native tests, and wasm tests that call the exports as Rust).
pub fn set_input(bytes: &[u8]) {
    reserve_input(bytes.len());
    INPUT.with(|b| {
        if let Ok(mut b) = b.try_borrow_mut() {
            if let Some(dst) = b.get_mut(..bytes.len()) {
                dst.copy_from_slice(bytes);
            }
        }
    });
}

/// A copy of the last record an export wrote (tests: every answer is written at OUT's start,
/// and the address an export returns is only meaningful inside wasm memory).
pub fn last_output() -> Vec<u8> {
    OUTPUT.with(|b| b.try_borrow().map(|b| b.clone()).unwrap_or_default())
}

/// `value` as the tape [`read_tape`] reads from IN, strings as a `u32` byte length then UTF-8
/// (tests build their inputs with it; src/js/tape.js writes the same).
pub fn write_tape(value: &Value) -> Vec<u8> {
    fn put(v: &Value, out: &mut Vec<u8>) {
        let string = |s: &str, out: &mut Vec<u8>| {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        match v {
            Value::Null => out.push(tag::NULL),
            Value::Bool(b) => out.push(if *b { tag::TRUE } else { tag::FALSE }),
            Value::Number(n) => {
                out.push(tag::NUMBER);
                out.extend_from_slice(&n.to_le_bytes());
            }
            Value::String(s) => {
                out.push(tag::STRING);
                string(s, out);
            }
            Value::Array(items) => {
                out.push(tag::ARRAY);
                out.extend_from_slice(&(items.len() as u32).to_le_bytes());
                items.iter().for_each(|i| put(i, out));
            }
            Value::Object(map) => {
                out.push(tag::OBJECT);
                out.extend_from_slice(&(map.len() as u32).to_le_bytes());
                for (k, v) in map {
                    string(k, out);
                    put(v, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    put(value, &mut out);
    out
}

/// Writes one record into OUT, replacing the last one, and returns its address.
pub(crate) fn answer(f: impl FnOnce(&mut Out)) -> usize {
    OUTPUT.with(|b| {
        TEXT.with(|t| match (b.try_borrow_mut(), t.try_borrow_mut()) {
            (Ok(mut buf), Ok(mut text)) => {
                buf.clear();
                text.clear();
                let mut out = Out {
                    buf: &mut buf,
                    text: &mut text,
                    utf16: 0,
                };
                out.u8(OK);
                out.u32(0);
                out.u32(0);
                f(&mut out);
                let at = (buf.len() as u32).to_le_bytes();
                let len = (text.len() as u32).to_le_bytes();
                if let Some(header) = buf.get_mut(1..9) {
                    header.copy_from_slice(&[at, len].concat());
                }
                buf.extend_from_slice(&text);
                buf.as_ptr() as usize
            }
            _ => 0,
        })
    })
}

/// The record of an [`ArgError`]: its class and message.
pub(crate) fn error(err: &ArgError) -> usize {
    answer(|out| {
        out.set_status(match err.kind {
            ArgErrorKind::Type => TYPE_ERROR,
            ArgErrorKind::Range => RANGE_ERROR,
        });
        out.str(&err.message);
    })
}

/// A record: a successful payload written by `f`, or the error.
pub(crate) fn result(r: Result<impl FnOnce(&mut Out), ArgError>) -> usize {
    match r {
        Ok(f) => answer(f),
        Err(e) => error(&e),
    }
}

/// A writer of one OUT record.
#[derive(Debug)]
pub(crate) struct Out<'a> {
    buf: &'a mut Vec<u8>,
    /// The record's text so far, and its length in UTF-16 units.
    text: &'a mut Vec<u8>,
    utf16: u32,
}

impl Out<'_> {
    fn set_status(&mut self, status: u8) {
        if let Some(first) = self.buf.first_mut() {
            *first = status;
        }
    }

    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// A string copied into the record's text: its UTF-16 offset and length there.
    pub(crate) fn str(&mut self, s: &str) {
        // UTF-16 units: one per character, two for those that take four UTF-8 bytes.
        let bytes = s.as_bytes();
        let len = bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
            + bytes.iter().filter(|&&b| b >= 0xf0).count();
        self.u32(self.utf16);
        self.u32(len as u32 & !REF);
        self.text.extend_from_slice(bytes);
        self.utf16 = self.utf16.wrapping_add(len as u32);
    }

    /// A string that stays where it is until the message store changes: its byte length with
    /// [`REF`] set and its address (in wasm memory; natively, where addresses do not fit 32
    /// bits, a copy).
    pub(crate) fn lasting(&mut self, s: &str) {
        if cfg!(target_arch = "wasm32") {
            self.u32(s.len() as u32 | REF);
            self.u32(s.as_ptr() as usize as u32);
        } else {
            self.str(s);
        }
    }

    /// An optional string: a presence byte, then the string.
    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        self.u8(u8::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }

    /// A value as a tape (the tags of [`read_tape`]; strings as [`Out::str`] writes them),
    /// nested at most 64 levels (deeper values are written as `null`).
    pub(crate) fn tape(&mut self, value: &Value) {
        self.tape_at(value, 64);
    }

    fn tape_at(&mut self, value: &Value, depth: u32) {
        match value {
            Value::Null => self.u8(tag::NULL),
            Value::Bool(b) => self.u8(if *b { tag::TRUE } else { tag::FALSE }),
            Value::Number(n) => {
                self.u8(tag::NUMBER);
                self.f64(*n);
            }
            Value::String(s) => {
                self.u8(tag::STRING);
                self.str(s);
            }
            _ if depth == 0 => self.u8(tag::NULL),
            Value::Array(items) => {
                self.u8(tag::ARRAY);
                self.u32(items.len() as u32);
                items.iter().for_each(|v| self.tape_at(v, depth - 1));
            }
            Value::Object(map) => {
                self.u8(tag::OBJECT);
                self.u32(map.len() as u32);
                for (k, v) in map {
                    self.str(k);
                    self.tape_at(v, depth - 1);
                }
            }
        }
    }

    /// An optional number: NaN stands for none (no answer of ours is NaN).
    pub(crate) fn opt_f64(&mut self, v: Option<f64>) {
        self.f64(v.unwrap_or(f64::NAN));
    }
}

/// Reads `lens.len()` consecutive strings from `bytes`: each length is a UTF-8 byte count, or
/// negative for an absent string. `None` when the bytes run out or are not UTF-8.
pub(crate) fn split<const N: usize>(mut bytes: &[u8], lens: [i32; N]) -> Option<[Option<&str>; N]> {
    let mut out = [None; N];
    for (slot, len) in out.iter_mut().zip(lens) {
        let Ok(len) = usize::try_from(len) else {
            continue;
        };
        let (piece, rest) = bytes.split_at_checked(len)?;
        bytes = rest;
        *slot = Some(core::str::from_utf8(piece).ok()?);
    }
    Some(out)
}

/// Reads `N` strings written as src/js/abi.js `strings()` writes them: `N` little-endian `u32`
/// byte lengths (`u32::MAX` for an absent string), then the UTF-8 of each present string in
/// order. Returns the strings and the bytes after them; `None` when the bytes run out or are
/// not UTF-8.
pub(crate) fn strings<const N: usize>(bytes: &[u8]) -> Option<([Option<&str>; N], &[u8])> {
    let mut lens = [-1i32; N];
    let mut rest = bytes;
    for len in &mut lens {
        let (head, tail) = rest.split_first_chunk::<4>()?;
        let n = u32::from_le_bytes(*head);
        *len = if n == u32::MAX {
            -1
        } else {
            i32::try_from(n).ok()?
        };
        rest = tail;
    }
    let total: usize = lens.iter().map(|&l| l.max(0) as usize).sum();
    let (text, after) = rest.split_at_checked(total)?;
    Some((split(text, lens)?, after))
}

/// Tape tags: one byte per value, in pre-order.
mod tag {
    pub const NULL: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    /// An `f64`, little-endian.
    pub const NUMBER: u8 = 3;
    /// A `u32` byte length, then UTF-8.
    pub const STRING: u8 = 4;
    /// A `u32` count, then that many values.
    pub const ARRAY: u8 = 5;
    /// A `u32` count, then that many (key string without tag, value) pairs.
    pub const OBJECT: u8 = 6;
}

/// Reads one value from a tape written by src/js/tape.js. Nesting is bounded by what the
/// writer allows (it stops at its own depth limit), and again here at 64 levels so a
/// malformed tape cannot overflow the stack; any malformed tape gives `None`. `finite`
/// turns NaN and the infinities into `null` (JSON's rule); without it they stay numbers, so
/// option validation can name them.
pub(crate) fn read_tape(bytes: &[u8], finite: bool) -> Option<Value> {
    let mut tape = Tape { bytes, finite };
    let value = tape.value(64)?;
    tape.bytes.is_empty().then_some(value)
}

struct Tape<'a> {
    bytes: &'a [u8],
    finite: bool,
}

impl<'a> Tape<'a> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        Some(*head)
    }

    fn count(&mut self) -> Option<usize> {
        let n = u32::from_le_bytes(self.take()?) as usize;
        // Every value takes at least a byte: a count beyond what is left is malformed.
        (n <= self.bytes.len()).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.count()?;
        let (piece, rest) = self.bytes.split_at_checked(len)?;
        self.bytes = rest;
        core::str::from_utf8(piece).ok().map(str::to_owned)
    }

    fn value(&mut self, depth: u32) -> Option<Value> {
        let [t] = self.take()?;
        Some(match t {
            tag::NULL => Value::Null,
            tag::FALSE => Value::Bool(false),
            tag::TRUE => Value::Bool(true),
            tag::NUMBER => {
                let n = f64::from_le_bytes(self.take()?);
                if self.finite {
                    Value::from(n)
                } else {
                    Value::Number(n)
                }
            }
            tag::STRING => Value::String(self.string()?),
            tag::ARRAY if depth > 0 => {
                let n = self.count()?;
                let mut items = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    items.push(self.value(depth - 1)?);
                }
                Value::Array(items)
            }
            tag::OBJECT if depth > 0 => {
                let n = self.count()?;
                let mut members = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    let key = self.string()?;
                    members.push((key, self.value(depth - 1)?));
                }
                Value::Object(Map::from_pairs(members))
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn tape(value: &Value) -> Vec<u8> {
        write_tape(value)
    }

    #[test]
    fn tapes_round_trip() {
        let v = crate::json::json!({"a": [1, 2.5, "é", null, true, false], "b": {"c": {}}});
        assert_eq!(read_tape(&tape(&v), true), Some(v));
    }

    #[test]
    fn malformed_tapes_are_refused_without_panicking() {
        let v = crate::json::json!({"key": ["value", 1, {"deep": [null]}]});
        let bytes = tape(&v);
        for cut in 0..bytes.len() {
            assert_eq!(read_tape(&bytes[..cut], true), None, "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(read_tape(&extra, true), None);
        // A count far beyond the bytes, a bad tag, bad UTF-8, nesting beyond 64.
        assert_eq!(read_tape(&[tag::ARRAY, 255, 255, 255, 255], true), None);
        assert_eq!(read_tape(&[9], true), None);
        assert_eq!(read_tape(&[tag::STRING, 1, 0, 0, 0, 0xff], true), None);
        let mut deep = Vec::new();
        for _ in 0..65 {
            deep.extend_from_slice(&[tag::ARRAY, 1, 0, 0, 0]);
        }
        deep.push(tag::NULL);
        assert_eq!(read_tape(&deep, true), None);
    }

    #[test]
    fn non_finite_numbers_follow_the_flag() {
        let mut bytes = vec![tag::NUMBER];
        bytes.extend_from_slice(&f64::NAN.to_le_bytes());
        assert_eq!(read_tape(&bytes, true), Some(Value::Null));
        assert!(matches!(read_tape(&bytes, false), Some(Value::Number(n)) if n.is_nan()));
    }

    #[test]
    fn strings_read_a_length_header_then_the_text() {
        let mut bytes = Vec::new();
        for len in [3u32, u32::MAX, 2] {
            bytes.extend_from_slice(&len.to_le_bytes());
        }
        bytes.extend_from_slice(b"GETok!");
        let (got, rest) = strings::<3>(&bytes).unwrap();
        assert_eq!(got, [Some("GET"), None, Some("ok")]);
        assert_eq!(rest, b"!");
        assert!(
            strings::<4>(&bytes).is_none(),
            "the header runs past the bytes"
        );
        bytes[0] = 200;
        assert!(strings::<3>(&bytes).is_none(), "a length past the bytes");
    }

    #[test]
    fn split_reads_consecutive_strings() {
        let bytes = "GETretry-after\u{0}2\u{0}".as_bytes();
        let [a, b, c] = split(bytes, [3, -1, 14]).unwrap();
        assert_eq!(
            (a, b, c),
            (Some("GET"), None, Some("retry-after\u{0}2\u{0}"))
        );
        assert!(split(bytes, [100]).is_none());
        assert!(split(&[0xff], [1]).is_none());
    }
}
