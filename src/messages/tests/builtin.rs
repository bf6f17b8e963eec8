use super::english;
use crate::kind::Kind;
use crate::messages::catalog::{Catalog, Dir, WHEN};

/// The first jargon found in `text`: digits, or words end users should not see. ("Requests" is
/// plain English: "too many requests".)
pub(super) fn jargon(text: &str) -> Option<String> {
    if let Some(d) = text.chars().find(|c| c.is_ascii_digit()) {
        return Some(format!("digit {d}"));
    }
    let lower = text.to_lowercase();
    if lower.contains("server error") {
        return Some("server error".to_string());
    }
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word == "api"
            || word == "endpoint"
            || word == "payload"
            || word.starts_with("header")
            || word.starts_with("http")
            || word.starts_with("status")
        {
            return Some(word.to_string());
        }
    }
    None
}

/// Every string of a catalog with its path.
pub(super) fn strings(catalog: &Catalog) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(w) = &catalog.wait_action {
        out.push(("waitAction".to_string(), w.clone()));
    }
    let kinds = catalog.kinds.iter().map(|(k, e)| (format!("kinds.{k}"), e));
    let statuses = catalog
        .statuses
        .iter()
        .map(|(c, e)| (format!("statuses.{c}"), e));
    for (path, entry) in kinds.chain(statuses) {
        for (field, value) in entry.fields() {
            if let Some(v) = value {
                out.push((format!("{path}.{field}"), v.to_string()));
            }
        }
    }
    out
}

#[test]
fn builtin_english_parses_and_covers_every_kind() {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.json"));
    let parsed = Catalog::from_json(text);
    assert!(parsed.is_ok(), "en.json: {parsed:?}");
    let en = english();
    assert_eq!(Ok(en), parsed.as_ref());
    assert_eq!(en.locale, "en");
    assert_eq!(en.dir(), Dir::Ltr);
    assert!(en.wait_action.as_deref().is_some_and(|w| w.contains(WHEN)));
    for &kind in Kind::ALL {
        let entry = en.kinds.get(&kind);
        assert!(entry.is_some(), "en lacks {kind}");
        let entry = entry.cloned().unwrap_or_default();
        for (field, value) in entry.fields().into_iter().take(3) {
            assert!(
                value.is_some_and(|v| !v.trim().is_empty()),
                "en kinds.{kind}.{field} is empty"
            );
        }
    }
    assert_eq!(en.kinds.len(), Kind::ALL.len());
}

#[test]
fn builtin_english_has_no_jargon() {
    let all = strings(english());
    assert!(all.len() > 3 * Kind::ALL.len());
    for (path, text) in all {
        assert_eq!(jargon(&text), None, "en {path}: {text:?}");
    }
}

#[test]
fn jargon_detector_catches_jargon() {
    assert!(jargon("Error 404").is_some());
    assert!(jargon("The HTTP request failed").is_some());
    assert!(jargon("Check the status page").is_some());
    assert!(jargon("Your API key").is_some());
    assert!(jargon("Internal Server Error").is_some());
    assert_eq!(jargon("Please try again in a moment."), None);
    assert_eq!(jargon("Rapid capital"), None);
}
