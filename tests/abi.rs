//! The ABI suite, natively: `cargo test --test abi`. The same tests run on wasm32 in Node
//! (tests/node.rs) and in headless Chromium (tests/web.rs).
#![cfg(not(target_arch = "wasm32"))]

mod common;

shared_suite!(test);
