//! http-triage: classify HTTP outcomes, write end-user messages, read API error bodies and
//! decide retries. The core modules are plain Rust and test natively; only `bindings`
//! (compiled for wasm32) touches JavaScript.
#![deny(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

pub mod catalog;
pub mod classify;
pub mod error;
pub mod failure;
pub mod json;
pub mod kind;
pub mod messages;
pub mod problem;
pub mod retry;
mod substr;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

/// The wasm heap: a small coalescing free list (lol_alloc) in place of dlmalloc, for size.
/// Allocations are few and short-lived (argument strings, answers), so its O(free list)
/// operations stay cheap; `make bench` checks memory stays flat over 10^6 calls.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

pub use catalog::{Registry, Retry, Row, StatusClass};
pub use classify::{classify, StatusInfo};
pub use error::{ArgError, ArgErrorKind};
pub use failure::{classify_failure, FailureClass, FailureFacts, FETCH_FAILURES};
pub use kind::Kind;
