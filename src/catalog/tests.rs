//! Checks of the table against the IANA registry and of the facts derived from it.

use super::*;

/// The IANA HTTP Status Code Registry's assigned codes and descriptions (as of RFC 9110 and
/// the registrations since), typed in independently of the table so each phrase is checked.
const IANA: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (104, "Upload Resumption Supported"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
];

/// Codes the issue asks for beyond the registry, all `registered: false`.
const UNOFFICIAL: &[u16] = &[
    306, 418, 444, 494, 495, 496, 497, 498, 499, 509, 520, 521, 522, 523, 524, 525, 526, 530, 598,
    599,
];

/// Codes that real APIs' error pages single out; their descriptions get the fullest text.
pub(crate) const SEED_CODES: &[u16] = &[
    200, 201, 202, 204, 400, 401, 403, 404, 405, 406, 409, 415, 426, 429, 500, 502, 503, 504,
];

#[test]
fn rows_are_sorted_unique_and_in_range() {
    let rows = rows();
    for pair in rows.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    assert!(rows.iter().all(|r| (100..=599).contains(&r.code)));
    assert_eq!(rows.len(), IANA.len() + UNOFFICIAL.len());
}

#[test]
fn every_registered_phrase_matches_the_registry() {
    for &(code, phrase) in IANA {
        let row = row(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(row.reason, phrase, "reason of {code}");
        assert!(row.registered(), "{code} is registered");
    }
    assert_eq!(row(104).unwrap().registry, Registry::Temporary);
    for &code in UNOFFICIAL {
        let row = row(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(row.registry, Registry::Unofficial, "{code}");
        assert!(!row.registered());
    }
    assert_eq!(row(306).unwrap().reason, "Switch Proxy");
    assert_eq!(row(418).unwrap().reason, "I'm a teapot");
}

#[test]
fn pre_rfc9110_names_are_gone() {
    for row in rows() {
        for old in [
            "Payload Too Large",
            "Unprocessable Entity",
            "Request Entity Too Large",
            "Requested Range Not Satisfiable",
            "Request-URI Too Long",
            "Non Authoritative",
        ] {
            assert!(
                !row.reason.contains(old),
                "{} uses the old name {old}",
                row.code
            );
        }
    }
}

#[test]
fn every_kind_of_a_status_is_reachable() {
    for &kind in Kind::ALL {
        if kind.is_failure() || kind == Kind::Unknown {
            assert!(rows().iter().all(|r| r.kind != kind));
            continue;
        }
        let has_row = rows().iter().any(|r| r.kind == kind);
        let is_fallback = [100, 200, 300, 400, 500]
            .iter()
            .any(|&c| StatusClass::of(c).map(|cl| cl.fallback().kind) == Some(kind));
        assert!(has_row || is_fallback, "no status has kind {kind}");
    }
}

#[test]
fn kinds_agree_with_classes() {
    for row in rows() {
        let expected_class_kinds: &[Kind] = match row.class() {
            StatusClass::Informational => &[Kind::Informational],
            StatusClass::Success => &[Kind::Success],
            StatusClass::Redirection => &[Kind::Redirect, Kind::NotModified],
            StatusClass::ClientError => &[
                Kind::BadRequest,
                Kind::Unauthorized,
                Kind::PaymentRequired,
                Kind::Forbidden,
                Kind::NotFound,
                Kind::MethodNotAllowed,
                Kind::NotAcceptable,
                Kind::RequestTimeout,
                Kind::Conflict,
                Kind::Gone,
                Kind::PreconditionFailed,
                Kind::PayloadTooLarge,
                Kind::UriTooLong,
                Kind::UnsupportedMediaType,
                Kind::RangeNotSatisfiable,
                Kind::ValidationFailed,
                Kind::Locked,
                Kind::TooEarly,
                Kind::UpgradeRequired,
                Kind::RateLimited,
                Kind::HeaderTooLarge,
                Kind::UnavailableForLegalReasons,
                Kind::ClientError,
            ],
            StatusClass::ServerError => &[
                Kind::ServerError,
                Kind::NotImplemented,
                Kind::BadGateway,
                Kind::ServiceUnavailable,
                Kind::GatewayTimeout,
                Kind::Unauthorized, // 511: sign in to the network
            ],
        };
        assert!(
            expected_class_kinds.contains(&row.kind),
            "{} has kind {}",
            row.code,
            row.kind
        );
    }
}

#[test]
fn default_retry_set_is_the_designed_one() {
    let set: Vec<u16> = default_retry_statuses().collect();
    assert_eq!(set, [408, 413, 425, 429, 500, 502, 503, 504]);
    assert_eq!(row(413).unwrap().retry, Retry::WithTiming);
}

#[test]
fn unofficial_codes_retry_like_their_class_base() {
    for row in rows().iter().filter(|r| !r.registered()) {
        let base = row.class().fallback();
        assert_eq!(
            row.retry, base.retry,
            "{} retries like {}",
            row.code, base.code
        );
    }
}

/// The long developer descriptions: text data shipped as the opt-in descriptions pack.
const LONG_EN: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/descriptions/en.json"));

/// `descriptions/en.json` as (code key, text) pairs, sorted by key.
fn long_texts() -> Vec<(String, String)> {
    let pack: serde_json::Value =
        serde_json::from_str(LONG_EN).expect("descriptions/en.json is JSON");
    let members: Vec<&String> = pack.as_object().expect("an object").keys().collect();
    assert_eq!(members, ["locale", "statuses"]);
    assert_eq!(pack["locale"], "en");
    let statuses = pack["statuses"].as_object().expect("a statuses object");
    statuses
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().expect("a string").to_string()))
        .collect()
}

fn long_text(code: u16) -> String {
    long_texts()
        .into_iter()
        .find(|(k, _)| k == &code.to_string())
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("descriptions/en.json lacks {code}"))
}

/// One line, one sentence, the key fact: 40 to 110 characters, ending with a full stop.
fn assert_one_line(code: u16, d: &str) {
    let chars = d.chars().count();
    assert!(
        (40..=110).contains(&chars),
        "{code}: {chars} characters: {d}"
    );
    assert!(d.ends_with('.'), "{code} ends with a full stop: {d}");
    assert!(
        !d.contains(". ") && !d.contains('\n'),
        "{code} is one sentence: {d}"
    );
    assert!(!d.contains("  ") && !d.contains("TODO"), "{code}: {d}");
}

#[test]
fn built_in_descriptions_are_one_line() {
    for row in rows() {
        assert_one_line(row.code, row.description);
    }
}

#[test]
fn class_fallback_descriptions_are_one_line() {
    for base in [100, 200, 300, 400, 500] {
        let fallback = StatusClass::of(base).unwrap().fallback();
        assert_one_line(base, fallback.description);
        assert!(
            fallback.description.contains(&base.to_string()),
            "{base}: the fallback names the code it is treated as"
        );
    }
}

#[test]
fn built_in_lines_carry_the_key_fact() {
    let has = |code: u16, words: &[&str]| {
        let d = row(code).unwrap().description.to_lowercase();
        for w in words {
            assert!(
                d.contains(&w.to_lowercase()),
                "{code} should mention {w:?}: {d}"
            );
        }
    };
    has(405, &["Allow"]);
    has(426, &["upgrade", "version"]);
    has(429, &["Retry-After"]);
    has(503, &["maintenance", "overload", "Retry-After"]);
    has(499, &["nginx", "ArcGIS"]);
    has(401, &["credentials"]);
    has(403, &["permission"]);
    has(406, &["Accept"]);
    has(415, &["Content-Type"]);
    has(409, &["conflict"]);
    has(202, &["asynchronous"]);
    has(104, &["temporary"]);
    has(530, &["Cloudflare", "Pantheon"]);
    has(413, &["Retry-After"]);
}

#[test]
fn the_long_pack_has_one_entry_per_row_and_nothing_else() {
    let texts = long_texts();
    let keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
    let codes: Vec<String> = rows().iter().map(|r| r.code.to_string()).collect();
    assert_eq!(
        keys, codes,
        "descriptions/en.json has one entry per row and nothing else"
    );
    for (row, (_, long)) in rows().iter().zip(&texts) {
        assert!(!long.contains("TODO"), "{} has no description", row.code);
        assert!(
            long.len() >= 120,
            "{} description is too thin: {long}",
            row.code
        );
        assert!(long.len() <= 1200, "{} description is too long", row.code);
        assert!(!long.contains("  "), "{} has doubled spaces", row.code);
        assert!(
            long.len() > 2 * row.description.len(),
            "{}: the long text says more than the built-in line",
            row.code
        );
    }
    for &code in SEED_CODES {
        assert!(
            long_text(code).len() >= 250,
            "seed code {code} deserves the fullest text"
        );
    }
}

#[test]
fn long_descriptions_say_what_real_api_pages_say() {
    let has = |code: u16, words: &[&str]| {
        let d = long_text(code).to_lowercase();
        for w in words {
            assert!(
                d.contains(&w.to_lowercase()),
                "{code} should mention {w:?}: {d}"
            );
        }
    };
    has(405, &["Allow"]);
    has(426, &["version", "retired"]);
    has(429, &["Retry-After"]);
    has(503, &["Retry-After", "maintenance"]);
    has(401, &["credentials"]);
    has(403, &["permission"]);
    has(406, &["Accept"]);
    has(415, &["Content-Type"]);
    has(409, &["conflict"]);
    has(202, &["asynchronous"]);
    has(104, &["temporary"]);
    has(499, &["nginx", "ArcGIS"]);
    has(530, &["Cloudflare"]);
}
