use crate::json::{json, Value};

use super::super::{
    BudgetOptions, Jitter, RetryOptions, RetryPolicy, StatusSet, DEFAULT_STATUS_CODES, OPTION_KEYS,
};
use crate::error::{ArgError, ArgErrorKind};

fn parse(v: Value) -> Result<RetryOptions, ArgError> {
    RetryOptions::from_json(&v)
}

fn err(v: Value) -> ArgError {
    match parse(v) {
        Ok(o) => panic!("expected an error, got {o:?}"),
        Err(e) => e,
    }
}

fn range(v: Value, message: &str) {
    let e = err(v);
    assert_eq!((e.kind, e.message.as_str()), (ArgErrorKind::Range, message));
}

fn type_err(v: Value, message: &str) {
    let e = err(v);
    assert_eq!((e.kind, e.message.as_str()), (ArgErrorKind::Type, message));
}

#[test]
fn defaults_are_the_designed_ones() {
    let o = RetryOptions::default();
    assert_eq!(o.limit, 2);
    assert_eq!(
        o.methods,
        ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]
    );
    let codes: Vec<u16> = o.status_codes.iter().collect();
    assert_eq!(codes, [408, 413, 425, 429, 500, 502, 503, 504]);
    assert_eq!(codes, DEFAULT_STATUS_CODES);
    // The documented constants agree with the catalog, which the defaults are built from.
    let catalog: Vec<u16> = crate::catalog::default_retry_statuses().collect();
    assert_eq!(catalog, DEFAULT_STATUS_CODES);
    assert_eq!(
        crate::catalog::DEFAULT_AFTER_STATUSES,
        crate::retry::DEFAULT_AFTER_STATUS_CODES
    );
    assert_eq!(
        o.after_status_codes.iter().collect::<Vec<_>>(),
        [413, 429, 503]
    );
    assert_eq!(o.max_retry_after_ms, 60_000.0);
    assert_eq!((o.base_delay_ms, o.max_delay_ms), (300.0, 10_000.0));
    assert_eq!(o.jitter, Jitter::Full);
    assert!(o.retry_on_timeout && o.retry_non_idempotent_with_key);
    assert_eq!(
        o.budget,
        Some(BudgetOptions {
            max_tokens: 10.0,
            token_ratio: 0.5
        })
    );
    assert_eq!(o.seed, None);
    assert_eq!(o.validate(), Ok(()));
}

#[test]
fn loose_input_shapes() {
    assert_eq!(parse(json!(null)), Ok(RetryOptions::default()));
    assert_eq!(parse(json!({})), Ok(RetryOptions::default()));
    assert_eq!(parse(json!(true)), Ok(RetryOptions::default()));
    assert_eq!(parse(json!(false)).map(|o| o.limit), Ok(0));
    assert_eq!(parse(json!(5)).map(|o| o.limit), Ok(5));
    assert_eq!(parse(json!({"limit": null})), Ok(RetryOptions::default()));
    type_err(
        json!("3"),
        "retry options must be an object, a number or a boolean, got \"3\"",
    );
    range(
        json!(101),
        "retry must be an integer from 0 to 100, got 101",
    );
}

#[test]
fn every_option_is_read() {
    let o = parse(json!({
        "limit": 4.0,
        "methods": ["get", "Post", "GET", "x-custom"],
        "statusCodes": [500, 520],
        "afterStatusCodes": [],
        "maxRetryAfterMs": 1500.5,
        "baseDelayMs": 0,
        "maxDelayMs": 2000,
        "jitter": "equal",
        "retryOnTimeout": false,
        "retryNonIdempotentWithKey": false,
        "budget": {"maxTokens": 20, "tokenRatio": 0.5},
        "seed": 42,
    }));
    let Ok(o) = o else { panic!("{o:?}") };
    assert_eq!(o.limit, 4);
    assert_eq!(o.methods, ["GET", "POST", "X-CUSTOM"]);
    assert_eq!(o.status_codes, StatusSet::from_codes(&[500, 520]));
    assert!(o.after_status_codes.is_empty());
    assert_eq!(o.max_retry_after_ms, 1500.5);
    assert_eq!((o.base_delay_ms, o.max_delay_ms), (0.0, 2000.0));
    assert_eq!(o.jitter, Jitter::Equal);
    assert!(!o.retry_on_timeout && !o.retry_non_idempotent_with_key);
    assert_eq!(
        o.budget,
        Some(BudgetOptions {
            max_tokens: 20.0,
            token_ratio: 0.5
        })
    );
    assert_eq!(o.seed, Some(42));
    assert_eq!(o.validate(), Ok(()));
}

#[test]
fn budget_shapes() {
    let budget = |v: Value| parse(json!({ "budget": v })).map(|o| o.budget);
    assert_eq!(budget(json!(false)), Ok(None));
    assert_eq!(budget(json!(true)), Ok(Some(BudgetOptions::default())));
    assert_eq!(budget(json!({})), Ok(Some(BudgetOptions::default())));
    assert_eq!(
        budget(json!({"tokenRatio": 1})),
        Ok(Some(BudgetOptions {
            max_tokens: 10.0,
            token_ratio: 1.0
        }))
    );
}

#[test]
fn seeds_from_any_number() {
    let seed = |v: Value| parse(json!({ "seed": v })).map(|o| o.seed);
    assert_eq!(seed(json!(0)), Ok(Some(0)));
    assert_eq!(seed(json!(9007199254740991u64)), Ok(Some((1 << 53) - 1)));
    // Numbers are JavaScript numbers: 2^64 (what u64::MAX rounds to) and negative integers
    // are not u64 integers, so their bits seed.
    assert_eq!(seed(json!(u64::MAX)), Ok(Some(2f64.powi(64).to_bits())));
    assert_eq!(seed(json!(-1)), Ok(Some((-1f64).to_bits())));
    assert_eq!(seed(json!(1e6)), Ok(Some(1_000_000)));
    assert_eq!(seed(json!(0.25)), Ok(Some(0.25f64.to_bits())));
    type_err(
        json!({"seed": "x"}),
        "seed must be a finite number, got \"x\"",
    );
}

#[test]
fn range_errors_name_the_option() {
    range(
        json!({"limit": -1}),
        "limit must be an integer from 0 to 100, got -1",
    );
    range(
        json!({"limit": 1.5}),
        "limit must be an integer from 0 to 100, got 1.5",
    );
    range(
        json!({"limit": 1e6}),
        "limit must be an integer from 0 to 100, got 1000000",
    );
    range(
        json!({"maxDelayMs": -5}),
        "maxDelayMs must be a finite number >= 0, got -5",
    );
    range(
        json!({"baseDelayMs": -0.5}),
        "baseDelayMs must be a finite number >= 0, got -0.5",
    );
    range(
        json!({"maxRetryAfterMs": -1}),
        "maxRetryAfterMs must be a finite number >= 0, got -1",
    );
    range(
        json!({"statusCodes": [500, 600]}),
        "statusCodes[1] must be an integer from 100 to 599, got 600",
    );
    range(
        json!({"afterStatusCodes": [429.5]}),
        "afterStatusCodes[0] must be an integer from 100 to 599, got 429.5",
    );
    range(
        json!({"budget": {"maxTokens": 0}}),
        "budget.maxTokens must be a number greater than 0 and at most 1000, got 0",
    );
    range(
        json!({"budget": {"tokenRatio": 2}}),
        "budget.tokenRatio must be a number greater than 0 and at most 1, got 2",
    );
}

#[test]
fn type_errors_name_the_option() {
    type_err(
        json!({"jitter": "partial"}),
        "jitter must be 'full', 'equal' or 'none', got \"partial\"",
    );
    type_err(
        json!({"jitter": 1}),
        "jitter must be 'full', 'equal' or 'none', got 1",
    );
    type_err(
        json!({"limit": "2"}),
        "limit must be an integer from 0 to 100, got \"2\"",
    );
    type_err(
        json!({"maxDelayMs": {}}),
        "maxDelayMs must be a finite number >= 0, got an object",
    );
    type_err(
        json!({"statusCodes": 503}),
        "statusCodes must be an array of status codes, got 503",
    );
    type_err(
        json!({"statusCodes": ["503"]}),
        "statusCodes[0] must be an integer from 100 to 599, got \"503\"",
    );
    type_err(
        json!({"methods": ["GET", "GE T"]}),
        "methods[1] must be an HTTP method name (a token of 1 to 32 characters), got \"GE T\"",
    );
    type_err(
        json!({"methods": [""]}),
        "methods[0] must be an HTTP method name (a token of 1 to 32 characters), got \"\"",
    );
    type_err(
        json!({"methods": [true]}),
        "methods[0] must be a method name string, got true",
    );
    type_err(
        json!({"methods": "GET"}),
        "methods must be an array of method names, got \"GET\"",
    );
    type_err(
        json!({"retryOnTimeout": "yes"}),
        "retryOnTimeout must be a boolean, got \"yes\"",
    );
    type_err(
        json!({"budget": 5}),
        "budget must be false or an object { maxTokens, tokenRatio }, got 5",
    );
    type_err(
        json!({"budget": {"max": 5}}),
        "budget.max is not a budget option (expected maxTokens or tokenRatio)",
    );
    let e = err(json!({"limt": 3}));
    assert_eq!(e.kind, ArgErrorKind::Type);
    assert_eq!(
        e.message,
        format!(
            "limt is not a retry option (expected one of {})",
            OPTION_KEYS.join(", ")
        )
    );
    assert!(e
        .message
        .starts_with("limt is not a retry option (expected one of limit, methods"));
    // Long junk is cut in messages.
    let e = err(json!({"jitter": "x".repeat(1000)}));
    assert!(e.message.len() < 120, "{}", e.message);
}

#[test]
fn a_path_prefix_is_prepended() {
    let e = RetryOptions::from_json_at(&json!({"limit": -1}), "retry");
    assert_eq!(
        e.map_err(|e| e.message),
        Err("retry.limit must be an integer from 0 to 100, got -1".to_owned())
    );
    let e = RetryOptions::from_json_at(&json!({"budget": {"maxTokens": -1}}), "opts.retry");
    assert!(matches!(e, Err(e) if e.message.starts_with("opts.retry.budget.maxTokens must")));
    let e = RetryOptions::from_json_at(&json!([]), "retry");
    assert!(matches!(e, Err(e) if e.message.starts_with("retry must be an object")));
}

#[test]
fn option_keys_are_all_accepted() {
    for key in OPTION_KEYS {
        assert!(parse(json!({ key: null })).is_ok(), "{key}");
    }
}

#[test]
fn validate_checks_hand_built_options() {
    let check = |edit: fn(&mut RetryOptions)| {
        let mut o = RetryOptions::default();
        edit(&mut o);
        RetryPolicy::new(o).map(|_| ()).map_err(|e| e.message)
    };
    assert_eq!(check(|_| {}), Ok(()));
    assert_eq!(
        check(|o| o.limit = 101),
        Err("limit must be an integer from 0 to 100, got 101".to_owned())
    );
    assert_eq!(
        check(|o| o.max_delay_ms = f64::NAN),
        Err("maxDelayMs must be a finite number >= 0, got NaN".to_owned())
    );
    assert_eq!(
        check(|o| o.base_delay_ms = f64::INFINITY),
        Err("baseDelayMs must be a finite number >= 0, got Infinity".to_owned())
    );
    assert!(check(|o| o.methods.push("BAD METHOD".into())).is_err());
    assert!(check(|o| o.budget = Some(BudgetOptions {
        max_tokens: 10.0,
        token_ratio: 0.0
    }))
    .is_err());
}

#[test]
fn status_sets() {
    let mut s = StatusSet::new();
    assert!(s.is_empty());
    assert!(!s.insert(99) && !s.insert(600) && !s.insert(u16::MAX));
    assert!(s.insert(100) && s.insert(599) && s.insert(503));
    assert_eq!(s.len(), 3);
    assert!(s.contains(503) && !s.contains(500) && !s.contains(u16::MAX));
    s.remove(503);
    s.remove(u16::MAX);
    assert_eq!(s.iter().collect::<Vec<_>>(), [100, 599]);
    assert_eq!(format!("{s:?}"), "{100, 599}");
}
