//! The `#[wasm_bindgen]` exports: convert and validate JavaScript values, call the core, and
//! answer with plain data or a thrown `TypeError` / `RangeError`. Nothing here decides anything,
//! and nothing here may panic: on wasm32 a panic aborts and leaves the module unusable.

mod convert;
mod json;
mod messages;
mod out;
mod problem;
mod retry;
mod status;

pub use messages::{add_descriptions, add_messages, list_locales, user_message};
pub use problem::parse_error_body;
pub use retry::{retry_header_names, retry_reasons, scratch, wasm_memory, JsRetryPolicy};
pub use status::{classify, classify_error, list_statuses, wasm_memory_bytes};
