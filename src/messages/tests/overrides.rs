//! App overrides for the documented meanings of real APIs (fixtures in `../fixtures`).

use crate::json::{json, Value};

use super::{english, message, store_with};
use crate::kind::Kind;
use crate::messages::{MessageRequest, MessageStore, UserMessage};

const API_KEY_VERSION: &str = include_str!("../fixtures/api_key_version.json");
const RETRY_OR_SUPPORT: &str = include_str!("../fixtures/retry_or_support.json");
const QUOTA_UPSTREAM: &str = include_str!("../fixtures/quota_upstream.json");

fn fixture(text: &str) -> Value {
    crate::json::parse(text).unwrap_or_else(|e| panic!("fixture is not JSON: {e}"))
}

/// Every kind under every status the fixtures touch (and a few they do not), in English and
/// French, before any override.
fn snapshot(store: &MessageStore) -> Vec<UserMessage<'static>> {
    let mut out = Vec::new();
    for status in [
        None,
        Some(400),
        Some(401),
        Some(403),
        Some(426),
        Some(429),
        Some(500),
        Some(502),
        Some(503),
    ] {
        for &kind in Kind::ALL {
            for locales in [&["en"][..], &["fr"][..]] {
                out.push(message(store, kind, status, locales));
            }
        }
    }
    out
}

/// The kinds the tagged French fixture covers; French users see English for the others.
const FRENCH_KINDS: [Kind; 3] = [Kind::NotFound, Kind::Unauthorized, Kind::RateLimited];

/// Asserts that only the messages for `(kind, status)` pairs in `changed` differ, and only
/// where the text comes from English (French covers some kinds itself).
fn only_changed(before: &[UserMessage<'_>], after: &[UserMessage<'_>], changed: &[(Kind, u16)]) {
    let statuses = [
        None,
        Some(400),
        Some(401),
        Some(403),
        Some(426),
        Some(429),
        Some(500),
        Some(502),
        Some(503),
    ];
    let mut i = 0;
    for status in statuses {
        for &kind in Kind::ALL {
            for english in [true, false] {
                let from_english = english || !FRENCH_KINDS.contains(&kind);
                let touched = from_english && status.is_some_and(|s| changed.contains(&(kind, s)));
                let (b, a) = (&before[i], &after[i]);
                if !touched {
                    assert_eq!(b, a, "{kind} {status:?} english={english} changed");
                }
                i += 1;
            }
        }
    }
}

#[test]
fn api_key_and_retired_version() {
    let mut store = store_with(&["fr"]);
    let before = snapshot(&store);
    assert_eq!(store.add(&fixture(API_KEY_VERSION)), Ok("en".into()));

    let key = message(&store, Kind::Unauthorized, Some(401), &["en-US"]);
    assert_eq!(key.title, "Access key not accepted");
    assert_eq!(key.message, "The access key this app uses isn't valid.");
    // The override gave no action: the kind's action stays.
    let en_unauthorized = english()
        .kinds
        .get(&Kind::Unauthorized)
        .cloned()
        .unwrap_or_default();
    assert_eq!(Some(&*key.action), en_unauthorized.action());

    let retired = message(&store, Kind::UpgradeRequired, Some(426), &[]);
    assert_eq!(retired.title, "App version retired");
    assert!(retired.message.contains("has been retired"));
    assert_eq!(retired.action, "Update the app to keep going.");

    // 407 is also `unauthorized` but is not 401: untouched. So is everything else, and French.
    let proxy = message(&store, Kind::Unauthorized, Some(407), &[]);
    assert_eq!(proxy.title, "Network sign-in needed");
    let after = snapshot(&store);
    let changed: Vec<(Kind, u16)> = Kind::ALL
        .iter()
        .flat_map(|&k| [(k, 401), (k, 426)])
        .collect();
    only_changed(&before, &after, &changed);
    assert_eq!(
        message(&store, Kind::Unauthorized, Some(401), &["fr"]).title,
        "[fr] sign in"
    );
}

#[test]
fn retry_or_contact_support() {
    let mut store = store_with(&["fr"]);
    let before = snapshot(&store);
    assert!(store.add(&fixture(RETRY_OR_SUPPORT)).is_ok());

    let msg = message(&store, Kind::ServerError, Some(500), &[]);
    assert_eq!(msg.message, "Something unexpected went wrong on our side.");
    assert_eq!(
        msg.action,
        "Try again, or contact support if it keeps happening."
    );
    let en_server = english()
        .kinds
        .get(&Kind::ServerError)
        .cloned()
        .unwrap_or_default();
    assert_eq!(Some(&*msg.title), en_server.title(), "title kept");
    // Other 5xx codes keep the generic wording.
    assert_eq!(
        Some(&*message(&store, Kind::ServerError, Some(599), &[]).message),
        en_server.message()
    );
    let after = snapshot(&store);
    let changed: Vec<(Kind, u16)> = Kind::ALL.iter().map(|&k| (k, 500)).collect();
    only_changed(&before, &after, &changed);
}

#[test]
fn quota_and_unreachable_upstream() {
    let mut store = store_with(&["fr"]);
    let before = snapshot(&store);
    assert!(store.add(&fixture(QUOTA_UPSTREAM)).is_ok());

    let quota = message(&store, Kind::RateLimited, Some(429), &[]);
    assert_eq!(quota.title, "Usage limit reached");
    assert_eq!(quota.action, "Wait a while, then try again.");
    let timed = MessageRequest {
        status: Some(429),
        retry_after_ms: Some(120_000.0),
        ..MessageRequest::new(Kind::RateLimited)
    };
    let timed = store.user_message(&timed, &crate::messages::english_formatter);
    assert_eq!(timed.action, "Your allowance renews in 2 minutes.");

    let upstream = message(&store, Kind::ServiceUnavailable, Some(503), &["en-GB"]);
    assert_eq!(upstream.title, "Part of our service is unreachable");
    assert_eq!(upstream.action, "Please try again.");
    // With a known wait, 503 has no status-level waitAction: the catalog's one applies.
    let timed = MessageRequest {
        status: Some(503),
        retry_after_ms: Some(30_000.0),
        ..MessageRequest::new(Kind::ServiceUnavailable)
    };
    let timed = store.user_message(&timed, &crate::messages::english_formatter);
    assert_eq!(timed.action, "Try again in 30 seconds.");

    let after = snapshot(&store);
    let changed: Vec<(Kind, u16)> = Kind::ALL
        .iter()
        .flat_map(|&k| [(k, 429), (k, 503)])
        .collect();
    only_changed(&before, &after, &changed);
    // French users still see French.
    assert_eq!(
        message(&store, Kind::RateLimited, Some(429), &["fr"]).title,
        "[fr] slow down"
    );
}

#[test]
fn override_of_one_field_keeps_the_rest() {
    let mut store = MessageStore::new();
    let only_message = json!({ "locale": "en", "statuses": { "401": { "message": "Your key was not accepted." } } });
    assert!(store.add(&only_message).is_ok());
    let en = english()
        .kinds
        .get(&Kind::Unauthorized)
        .cloned()
        .unwrap_or_default();
    let msg = message(&store, Kind::Unauthorized, Some(401), &[]);
    assert_eq!(msg.message, "Your key was not accepted.");
    assert_eq!(Some(&*msg.title), en.title());
    assert_eq!(Some(&*msg.action), en.action());

    // A second override of the same entry merges with the first.
    let only_title = json!({ "locale": "EN", "statuses": { "401": { "title": "Key rejected" } } });
    assert!(store.add(&only_title).is_ok());
    let msg = message(&store, Kind::Unauthorized, Some(401), &[]);
    assert_eq!(
        (&*msg.title, &*msg.message),
        ("Key rejected", "Your key was not accepted.")
    );

    // Kind overrides merge field by field too, and catalog-wide members are replaced.
    let kind = json!({ "locale": "en", "waitAction": "Back {when}.", "kinds": { "not_found": { "action": "Go home." } } });
    assert!(store.add(&kind).is_ok());
    let nf = english()
        .kinds
        .get(&Kind::NotFound)
        .cloned()
        .unwrap_or_default();
    let msg = message(&store, Kind::NotFound, Some(404), &[]);
    assert_eq!((Some(&*msg.title), &*msg.action), (nf.title(), "Go home."));
    assert_eq!(
        store
            .catalog("en")
            .and_then(|c| c.wait_action.clone())
            .as_deref(),
        Some("Back {when}.")
    );
    assert_eq!(store.locales(), ["en"]);
}
