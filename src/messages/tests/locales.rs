use std::path::Path;

use super::builtin::{jargon, strings};
use super::english;
use crate::kind::Kind;
use crate::messages::catalog::{Catalog, Dir};
use crate::messages::negotiate::language_of;

/// The right-to-left languages among the shipped locales.
const RTL: [&str; 3] = ["ar", "fa", "he"];

/// Every locale file but English, parsed: `(file name, result)`.
fn locale_files() -> Vec<(String, Result<Catalog, String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if !name.ends_with(".json") || name == "en.json" {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string());
        let parsed = text.and_then(|t| Catalog::from_json(&t).map_err(|e| e.message));
        out.push((name, parsed));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_locale_file_is_a_complete_translation() {
    let en = english();
    let files = locale_files();
    assert!(
        files.len() >= 31,
        "only {} translations in locales/",
        files.len()
    );
    let mut problems = Vec::new();
    for (name, parsed) in files {
        let catalog = match parsed {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let locale = catalog.locale.clone();
        if name != format!("{locale}.json") {
            problems.push(format!("{name}: locale is {locale}"));
        }
        let rtl = catalog.dir() == Dir::Rtl;
        if rtl != RTL.contains(&language_of(&locale)) || catalog.dir.is_none() {
            problems.push(format!("{name}: dir {:?} (must be stated)", catalog.dir));
        }
        if catalog.wait_action.is_none() {
            problems.push(format!("{name}: no waitAction"));
        }
        if catalog.wait_action.is_some() && catalog.wait_action == en.wait_action {
            problems.push(format!("{name}: waitAction is English"));
        }
        for &kind in Kind::ALL {
            let ours = catalog.kinds.get(&kind).cloned().unwrap_or_default();
            let theirs = en.kinds.get(&kind).cloned().unwrap_or_default();
            compare(
                &mut problems,
                &name,
                &format!("kinds.{kind}"),
                &ours,
                &theirs,
            );
        }
        let codes = |c: &Catalog| c.statuses.keys().copied().collect::<Vec<_>>();
        if codes(&catalog) != codes(en) {
            problems.push(format!(
                "{name}: statuses {:?}, English has {:?}",
                codes(&catalog),
                codes(en)
            ));
        }
        for (code, theirs) in &en.statuses {
            if let Some(ours) = catalog.statuses.get(code) {
                compare(
                    &mut problems,
                    &name,
                    &format!("statuses.{code}"),
                    ours,
                    theirs,
                );
            }
        }
        for (path, text) in strings(&catalog) {
            if let Some(j) = jargon(&text).filter(|j| j.starts_with("digit")) {
                problems.push(format!("{name}: {path} has {j}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Same fields and variants present as English, each non-empty and different from English.
fn compare(
    problems: &mut Vec<String>,
    name: &str,
    path: &str,
    ours: &crate::messages::Entry,
    theirs: &crate::messages::Entry,
) {
    let keys = |e: &crate::messages::Entry| {
        let mut keys: Vec<String> = e.variants.iter().map(|(k, _)| k.key()).collect();
        keys.sort();
        keys
    };
    if keys(ours) != keys(theirs) {
        problems.push(format!(
            "{name}: {path}.variants {:?}, English has {:?}",
            keys(ours),
            keys(theirs)
        ));
    }
    for (situations, english) in &theirs.variants {
        if let Some(mine) = ours.variant(*situations) {
            let vpath = format!("{path}.variants.{}", situations.key());
            compare(problems, name, &vpath, mine, english);
        }
    }
    for ((field, mine), (_, english)) in ours.fields().into_iter().zip(theirs.fields()) {
        match (mine, english) {
            (None, Some(_)) => problems.push(format!("{name}: {path}.{field} missing")),
            (Some(_), None) => problems.push(format!("{name}: {path}.{field} not in English")),
            (Some(a), Some(b)) if a == b => {
                problems.push(format!("{name}: {path}.{field} same as English: {a:?}"))
            }
            _ => {}
        }
    }
}

#[test]
fn translations_load_into_the_store() {
    let mut store = crate::messages::MessageStore::new();
    for (name, parsed) in locale_files() {
        if let Ok(catalog) = parsed {
            let added = store.add_catalog(catalog);
            assert!(added.is_ok(), "{name}: {added:?}");
        }
    }
    assert!(store.locales().len() >= 32);
    let table: [(&str, &str); 13] = [
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-CN", "zh"),
        ("pt-BR", "pt"),
        ("es-419", "es"),
        ("FR_ca", "fr"),
        ("ar-EG", "ar"),
        ("iw-IL", "he"),
        ("in", "id"),
        ("no", "nb"),
        ("nn-NO", "nb"),
        ("nb-NO", "nb"),
        ("fa-IR", "fa"),
    ];
    for (tag, expected) in table {
        let msg = super::message(&store, Kind::RateLimited, Some(429), &[tag]);
        assert_eq!(msg.locale, expected, "{tag}");
    }
    // Every translation has a wait phrase for every kind, in its own language: from Intl, or
    // from its own `when` table with Intl's number.
    struct Marker;
    impl crate::messages::Intl for Marker {
        fn relative(&self, l: &str, v: f64, u: crate::messages::Unit) -> Option<String> {
            Some(format!("<{l} {v} {}>", u.as_str()))
        }
        fn plural(&self, l: &str, v: f64) -> Option<(crate::messages::Plural, String)> {
            Some((crate::messages::Plural::Other, format!("<{l} {v} second>")))
        }
    }
    for locale in store.locales() {
        for &kind in Kind::ALL {
            let request = crate::messages::MessageRequest {
                locales: &[locale.as_str()],
                retry_after_ms: Some(30_000.0),
                ..crate::messages::MessageRequest::new(kind)
            };
            let msg = store.user_message(&request, &Marker);
            assert!(
                msg.action.contains(&format!("<{locale} 30 second>")),
                "{locale} {kind}: {}",
                msg.action
            );
        }
    }
    for locale in store.locales() {
        let msg = super::message(&store, Kind::NotFound, Some(404), &[locale.as_str()]);
        assert_eq!(msg.locale, locale);
        assert_eq!(msg.dir == Dir::Rtl, RTL.contains(&language_of(&locale)));
    }
}
