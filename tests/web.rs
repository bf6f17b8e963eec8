//! wasm-bindgen-test suite run in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

mod common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

shared_suite!();

#[wasm_bindgen_test]
fn browser_failed_to_fetch_follows_navigator_online() {
    let online = web_sys_online();
    let c = bindings::classify_error(js_sys::TypeError::new("Failed to fetch").into()).unwrap();
    let expected = if online { "network_error" } else { "offline" };
    assert_eq!(get(&c, "kind").as_string().unwrap(), expected);
}

fn web_sys_online() -> bool {
    let navigator = get(&js_sys::global(), "navigator");
    get(&navigator, "onLine").as_bool().unwrap_or(true)
}
