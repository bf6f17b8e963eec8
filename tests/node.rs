//! The ABI suite in Node, as wasm32: `cargo test --target wasm32-unknown-unknown --test node`.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::wasm_bindgen_test;

shared_suite!(wasm_bindgen_test);
