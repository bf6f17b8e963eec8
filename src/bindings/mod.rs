//! The WebAssembly exports: a small C-style ABI over the core, and the only module that knows
//! how JavaScript talks to it (src/js/abi.js is its other half).
//!
//! The rule that shapes it: **no JavaScript runs while a wasm frame is on the stack.** The
//! JavaScript layer reads every input (getters, Proxies, `Headers`, `navigator`) into plain
//! numbers and UTF-8 bytes before the call, and builds every output object after it. The
//! module imports nothing, so no exception can unwind through wasm (which would leak its shadow
//! stack) and no caller code can re-enter it mid-call. Each export is one crossing: arguments
//! are numbers (string and tape lengths in the IN buffer), the answer is a number or the
//! address of one OUT record (see [`io`]). Argument errors come back as records too, and the
//! JavaScript layer throws them as `TypeError` / `RangeError`.
//!
//! Nothing here decides anything, and nothing here may panic: on wasm32 a panic aborts, and the
//! JavaScript layer would then have to start a new instance.
//!
//! The functions are plain Rust too (exported unmangled only on wasm32), so native tests and
//! the wasm-bindgen-test suites call them directly and read the records with
//! [`io::output_from`].
#![allow(unsafe_code)] // `no_mangle` on the exports is the only reason
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod io;
pub mod messages;
pub mod problem;
pub mod retry;
pub mod status;

/// The address of the IN buffer, at least `len` bytes long (0 when `len` is over 16 MiB).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn input(len: u32) -> u32 {
    io::reserve_input(len as usize) as u32
}

/// One record with the names JavaScript maps the answers' indices to: kinds (by `Kind as u8`),
/// status classes, error-body formats, retry reasons, then the header names a retry decision
/// reads. Each list is a `u32` count and strings.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn names() -> u32 {
    use crate::catalog::StatusClass;
    use crate::kind::Kind;
    use crate::problem::Format;
    use crate::retry::{RetryReason, DECISION_HEADERS};
    let classes = [100, 200, 300, 400, 500].map(|c| StatusClass::of(c).map_or("", |c| c.as_str()));
    io::answer(|out| {
        let mut list = |names: &mut dyn Iterator<Item = &'static str>, len: usize| {
            out.u32(len as u32);
            names.for_each(|n| out.lasting(n));
        };
        list(&mut Kind::ALL.iter().map(|k| k.as_str()), Kind::ALL.len());
        list(&mut classes.into_iter(), classes.len());
        list(
            &mut Format::ALL.iter().map(|f| f.as_str()),
            Format::ALL.len(),
        );
        list(
            &mut RetryReason::ALL.iter().map(|r| r.as_str()),
            RetryReason::ALL.len(),
        );
        list(&mut DECISION_HEADERS.into_iter(), DECISION_HEADERS.len());
    }) as u32
}

#[cfg(test)]
mod tests {
    use crate::catalog::StatusClass;
    use crate::kind::Kind;
    use crate::problem::Format;
    use crate::retry::RetryReason;

    /// Records write `value as u8`; JavaScript indexes the lists of [`super::names`] with it.
    #[test]
    fn enum_discriminants_index_the_name_lists() {
        assert!(Kind::ALL.iter().enumerate().all(|(i, k)| *k as usize == i));
        assert!(Format::ALL
            .iter()
            .enumerate()
            .all(|(i, f)| *f as usize == i));
        assert!(RetryReason::ALL
            .iter()
            .enumerate()
            .all(|(i, r)| *r as usize == i));
        for (i, code) in [100, 200, 300, 400, 500].into_iter().enumerate() {
            assert_eq!(StatusClass::of(code).map(|c| c as usize), Some(i));
        }
    }
}
