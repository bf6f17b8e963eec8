//! wasm-bindgen-test suite run in Node: `cargo test --target wasm32-unknown-unknown --test node`.
#![cfg(target_arch = "wasm32")]

mod common;

shared_suite!();

#[wasm_bindgen_test]
fn node_has_no_online_flag_so_failures_stay_network_errors() {
    let c = bindings::classify_error(js_sys::TypeError::new("fetch failed").into()).unwrap();
    assert_eq!(get(&c, "kind").as_string().unwrap(), "network_error");
}
