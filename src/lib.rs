//! http-triage: classify HTTP outcomes, write end-user messages, read API error bodies and
//! decide retries. The core modules are plain Rust and test natively; only `bindings`
//! (compiled for wasm32) touches JavaScript.
#![deny(missing_docs, missing_debug_implementations)]
#![deny(unsafe_code)] // allowed only in `bindings`, for `no_mangle`

pub mod catalog;
pub mod classify;
pub mod clients;
pub mod error;
pub mod failure;
pub mod json;
pub mod kind;
pub mod messages;
pub mod problem;
pub mod retry;
mod substr;
pub mod text;

pub mod bindings;

/// The wasm heap: rlsf's TLSF allocator, O(1) allocation and free whatever the heap's history
/// (lol_alloc's free list made freeing O(n): 100,000 policies freed in interleaved order took
/// seconds), for ~0.25 KB brotli more than lol_alloc and ~2.2 KB less than std's dlmalloc.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

pub use catalog::{Registry, Retry, Row, StatusClass};
pub use classify::{classify, StatusInfo};
pub use error::{ArgError, ArgErrorKind};
pub use failure::{classify_failure, FailureClass, FailureFacts, FETCH_FAILURES};
pub use kind::Kind;
