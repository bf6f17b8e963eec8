//! Rough timing of `decide` (run: `cargo test --release -- --ignored --nocapture perf`).

use std::hint::black_box;
use std::time::Instant;

use super::super::{RetryContext, RetryPolicy};
use super::{headers, NOW};

#[test]
#[ignore = "timing; run in release with --ignored --nocapture"]
fn perf_decide() {
    let h = headers(&[
        ("content-type", "application/json"),
        ("content-length", "123"),
        ("date", "Tue, 14 Nov 2023 22:13:20 GMT"),
        ("server", "nginx"),
        ("cache-control", "no-store"),
        ("x-request-id", "abc123"),
        ("vary", "Accept-Encoding"),
        ("retry-after", "2"),
    ]);
    let mut policy = RetryPolicy::default();
    policy.set_seed(1);
    let cases = [
        (
            "503 + Retry-After + 8 headers",
            RetryContext::new(1, "GET", NOW)
                .with_status(503)
                .with_headers(&h),
        ),
        (
            "500 + 8 headers",
            RetryContext::new(1, "GET", NOW)
                .with_status(500)
                .with_headers(&h),
        ),
        (
            "network error",
            RetryContext::new(2, "GET", NOW).with_failure(crate::kind::Kind::NetworkError),
        ),
    ];
    for (name, ctx) in cases {
        let n = 1_000_000u32;
        let start = Instant::now();
        for _ in 0..n {
            policy.record_success(None);
            black_box(policy.decide(black_box(&ctx)));
        }
        let ns = start.elapsed().as_nanos() as f64 / f64::from(n);
        println!("decide, {name}: {ns:.1} ns");
    }
}
