use crate::json::json;

use super::{english, message, store_with};
use crate::kind::Kind;
use crate::messages::{MessageRequest, MessageStore, ServerText, Situations, UserMessage};

fn en_text(kind: Kind) -> (String, String, String) {
    let e = english().kinds.get(&kind).cloned().unwrap_or_default();
    (
        e.title().unwrap_or_default().to_string(),
        e.message().unwrap_or_default().to_string(),
        e.action().unwrap_or_default().to_string(),
    )
}

#[test]
fn english_is_the_default() {
    let store = MessageStore::new();
    for &kind in Kind::ALL {
        let msg = message(&store, kind, None, &[]);
        let (title, text, action) = en_text(kind);
        assert_eq!(
            msg,
            UserMessage {
                title: title.into(),
                message: text.into(),
                action: action.into(),
                kind,
                locale: "en".into(),
                dir: crate::messages::Dir::Ltr
            }
        );
    }
}

#[test]
fn status_entries_apply_to_their_exact_status_only() {
    let store = MessageStore::new();
    let proxy = message(&store, Kind::Unauthorized, Some(407), &[]);
    assert_eq!(proxy.title, "Network sign-in needed");
    let plain = message(&store, Kind::Unauthorized, Some(401), &[]);
    assert_eq!(plain.title, en_text(Kind::Unauthorized).0);
}

#[test]
fn missing_fields_fall_through_the_chain() {
    let mut store = store_with(&["fr"]);
    let partial =
        json!({ "locale": "fr-CA", "kinds": { "not_found": { "title": "Introuvable (CA)" } } });
    assert_eq!(store.add(&partial), Ok("fr-CA".to_string()));
    let msg = message(&store, Kind::NotFound, Some(404), &["fr-CA"]);
    assert_eq!(msg.title, "Introuvable (CA)");
    assert_eq!(msg.message, "[fr] missing");
    assert_eq!(msg.action, "[fr] go back");
    assert_eq!(msg.locale, "fr-CA");
    // A kind the packs do not cover comes from English, and English decides the locale.
    let msg = message(&store, Kind::Gone, Some(410), &["fr-CA"]);
    assert_eq!(msg.title, en_text(Kind::Gone).0);
    assert_eq!(msg.locale, "en");
}

#[test]
fn a_locales_kind_text_beats_an_english_status_entry() {
    // English has a 407 entry; French only has the kind. French still wins for French users.
    let store = store_with(&["fr"]);
    let msg = message(&store, Kind::Unauthorized, Some(407), &["fr"]);
    assert_eq!(msg.title, "[fr] sign in");
    assert_eq!(msg.locale, "fr");
}

#[test]
fn rtl_locales_report_their_direction() {
    let mut store = MessageStore::new();
    let ar = json!({ "locale": "ar", "kinds": { "offline": { "title": "غير متصل" } } });
    assert!(store.add(&ar).is_ok());
    let msg = message(&store, Kind::Offline, None, &["ar-EG"]);
    assert_eq!((&*msg.locale, msg.dir.as_str()), ("ar", "rtl"));
    let forced = json!({ "locale": "ar", "dir": "ltr" });
    assert!(store.add(&forced).is_ok());
    assert_eq!(
        message(&store, Kind::Offline, None, &["ar"]).dir.as_str(),
        "ltr"
    );
}

/// A request whose only server text is `text` in `language`.
fn with_text<'a>(
    kind: Kind,
    status: Option<u16>,
    text: &'a str,
    language: Option<&'a str>,
    include: bool,
) -> MessageRequest<'a> {
    MessageRequest {
        status,
        server_texts: [Some(ServerText { text, language }), None, None],
        include_server_detail: include,
        ..MessageRequest::new(kind)
    }
}

#[test]
fn server_detail_only_when_asked_and_4xx() {
    let store = MessageStore::new();
    let detail = "  The field \u{1b}[31memail\u{0}\n\tis already taken. \u{202E}  ";
    let ask = |status: u16, kind: Kind, include: bool| {
        let request = with_text(kind, Some(status), detail, Some("en-US"), include);
        store
            .user_message(&request, &crate::messages::english_formatter)
            .message
    };
    assert_eq!(
        ask(409, Kind::Conflict, true),
        "The field [31memail is already taken."
    );
    assert_eq!(ask(409, Kind::Conflict, false), en_text(Kind::Conflict).1);
    assert_eq!(
        ask(500, Kind::ServerError, true),
        en_text(Kind::ServerError).1
    );
    assert_eq!(
        ask(503, Kind::ServiceUnavailable, true),
        en_text(Kind::ServiceUnavailable).1
    );
    // No status (a network failure) never shows server text.
    let request = with_text(Kind::NetworkError, None, detail, Some("en"), true);
    let msg = store.user_message(&request, &crate::messages::english_formatter);
    assert_eq!(msg.message, en_text(Kind::NetworkError).1);
    // Blank detail keeps the catalog message.
    let request = with_text(
        Kind::BadRequest,
        Some(400),
        " \n\u{200B} ",
        Some("en"),
        true,
    );
    let msg = store.user_message(&request, &crate::messages::english_formatter);
    assert_eq!(msg.message, en_text(Kind::BadRequest).1);
}

#[test]
fn server_text_joins_only_a_message_in_its_language() {
    let store = store_with(&["fr", "ja", "zh-Hant"]);
    let write = |locale: &str, language: Option<&str>| {
        let mut request = with_text(Kind::NotFound, Some(404), "Server words.", language, true);
        let locales = [locale];
        request.locales = &locales;
        store
            .user_message(&request, &crate::messages::english_formatter)
            .message
    };
    // Same language: shown; a region or a fallback does not matter.
    assert_eq!(write("en", Some("en")), "Server words.");
    assert_eq!(write("en-GB", Some("en-US")), "Server words.");
    assert_eq!(write("fr-CA", Some("fr")), "Server words.");
    assert_eq!(write("zh-TW", Some("zh-Hant-TW")), "Server words.");
    // Another language, or none known: the catalog's message.
    assert_eq!(write("ja", Some("en")), "[ja] missing");
    assert_eq!(write("fr", None), "[fr] missing");
    assert_eq!(write("en", None), en_text(Kind::NotFound).1);
    assert_eq!(write("zh-Hant", Some("zh-CN")), "[zh-Hant] missing");
    assert_eq!(write("en", Some("not a tag!")), en_text(Kind::NotFound).1);
    // A Swedish user without a Swedish pack reads English, so English text joins it.
    assert_eq!(write("sv", Some("en")), "Server words.");
    // The first text whose language matches wins.
    let mut request = with_text(Kind::NotFound, Some(404), "Texte.", Some("fr"), true);
    request.server_texts[1] = Some(ServerText {
        text: "Text.",
        language: Some("en"),
    });
    assert_eq!(
        store
            .user_message(&request, &crate::messages::english_formatter)
            .message,
        "Text."
    );
}

#[test]
fn language_matching() {
    use crate::messages::negotiate::same_language;
    for (a, b) in [
        ("en", "en"),
        ("en-US", "en"),
        ("FR_ca", "fr"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant-HK"),
        ("zh", "zh-CN"),
        ("zh-Hans", "zh"),
        ("iw", "he"),
    ] {
        assert!(same_language(a, b), "{a} {b}");
        assert!(same_language(b, a), "{b} {a}");
    }
    for (a, b) in [
        ("en", "fr"),
        ("zh", "zh-Hant"),
        ("zh-TW", "zh-CN"),
        ("", "en"),
        ("en", "e n"),
        ("pt", "pl"),
    ] {
        assert!(!same_language(a, b), "{a} {b}");
    }
}

#[test]
fn server_detail_is_cut_to_300_characters() {
    use crate::messages::detail::{sanitize_detail, MAX_DETAIL_CHARS};
    let long = "é".repeat(10_000);
    let cut = sanitize_detail(&long).unwrap_or_default();
    assert_eq!(cut.chars().count(), MAX_DETAIL_CHARS);
    assert!(cut.ends_with('…'));
    let exact = "a".repeat(MAX_DETAIL_CHARS);
    assert_eq!(sanitize_detail(&exact).as_deref(), Some(&*exact));
    let words = "word ".repeat(100);
    let cut = sanitize_detail(&words).unwrap_or_default();
    assert!(cut.chars().count() <= MAX_DETAIL_CHARS);
    assert!(cut.ends_with("word…"), "{cut:?}");
    assert_eq!(sanitize_detail("\u{7}\u{7f}"), None);
}

#[test]
fn carries_what_javascript_receives() {
    let msg = message(&MessageStore::new(), Kind::NotFound, Some(404), &[]);
    assert_eq!(msg.kind.as_str(), "not_found");
    assert_eq!(msg.locale, "en");
    assert_eq!(msg.dir.as_str(), "ltr");
    assert!(!msg.title.is_empty());
}

#[test]
fn thread_store_functions() {
    use crate::messages::{add_messages, list_locales, reset_messages, user_message};
    reset_messages();
    assert_eq!(list_locales(), ["en"]);
    assert_eq!(add_messages(&super::tagged_catalog("de")), Ok("de".into()));
    assert_eq!(list_locales(), ["de", "en"]);
    let request = MessageRequest {
        locales: &["de-CH"],
        ..MessageRequest::new(Kind::NotFound)
    };
    let msg = user_message(&request, &crate::messages::english_formatter);
    assert_eq!((&*msg.title, &*msg.locale), ("[de] not found", "de"));
    // A formatter that tries to add messages while one is being written gets an error.
    let reentrant = |_: &str, _: f64, _: crate::messages::Unit| {
        let err = add_messages(&crate::json::json!({ "locale": "it" }));
        assert!(err.is_err());
        None
    };
    let timed = MessageRequest {
        retry_after_ms: Some(1000.0),
        ..request
    };
    let _ = user_message(&timed, &reentrant);
    assert_eq!(list_locales(), ["de", "en"]);
    reset_messages();
    assert_eq!(list_locales(), ["en"]);
}

/// The message for `kind`/`status` in English when `situations` hold.
fn in_situation(
    store: &MessageStore,
    kind: Kind,
    status: Option<u16>,
    situations: Situations,
) -> UserMessage<'static> {
    let request = MessageRequest {
        status,
        situations,
        ..MessageRequest::new(kind)
    };
    store
        .user_message(&request, &crate::messages::english_formatter)
        .into_owned()
}

#[test]
fn english_actions_depend_on_the_situation() {
    let store = MessageStore::new();
    let none = Situations::NONE;
    let fields = in_situation(
        &store,
        Kind::ValidationFailed,
        Some(422),
        Situations::HIGHLIGHTED_FIELDS,
    );
    let plain = in_situation(&store, Kind::ValidationFailed, Some(422), none);
    assert_eq!(fields.action, "Check the highlighted fields and try again.");
    assert_eq!(plain.action, "Check what you entered and try again.");
    assert_eq!(fields.title, plain.title);

    let no_sign_in = in_situation(
        &store,
        Kind::Unauthorized,
        Some(401),
        Situations::NO_SIGN_IN,
    );
    assert!(
        !no_sign_in.action.contains("Sign in"),
        "{}",
        no_sign_in.action
    );
    assert!(!no_sign_in.title.contains("Sign"), "{}", no_sign_in.title);
    assert!(in_situation(&store, Kind::Unauthorized, Some(401), none)
        .action
        .contains("Sign in"));
    // 407 is about the network's sign-in, not the app's: its own texts stay.
    let proxy = in_situation(
        &store,
        Kind::Unauthorized,
        Some(407),
        Situations::NO_SIGN_IN,
    );
    assert_eq!(proxy.title, "Network sign-in needed");

    let support = in_situation(&store, Kind::Forbidden, Some(403), Situations::SUPPORT_LINK);
    assert!(
        support.action.contains("contact support"),
        "{}",
        support.action
    );
    let alone = in_situation(&store, Kind::Forbidden, Some(403), none);
    assert!(!alone.action.contains("support"), "{}", alone.action);
    // Situations a kind has no variant for change nothing.
    let all = Situations::HIGHLIGHTED_FIELDS.with(Situations::NO_SIGN_IN);
    assert_eq!(
        in_situation(&store, Kind::NotFound, Some(404), all),
        in_situation(&store, Kind::NotFound, Some(404), none)
    );
    // No English action points to support unless the app has a support link.
    for &kind in Kind::ALL {
        let msg = in_situation(
            &store,
            kind,
            None,
            Situations::HIGHLIGHTED_FIELDS.with(Situations::NO_SIGN_IN),
        );
        assert!(!msg.action.contains("support"), "{kind}: {}", msg.action);
    }
}

#[test]
fn the_most_specific_variant_wins_and_status_entries_come_first() {
    let mut store = MessageStore::new();
    let catalog = json!({ "locale": "en",
        "kinds": { "forbidden": { "variants": {
            "supportLink": { "action": "S" },
            "noSignIn": { "action": "N", "title": "NT" },
            "noSignIn+supportLink": { "action": "NS" } } } },
        "statuses": { "403": { "message": "Status message." } } });
    assert!(store.add(&catalog).is_ok());
    let at =
        |store: &MessageStore, s: Situations| in_situation(store, Kind::Forbidden, Some(403), s);
    let both = Situations::NO_SIGN_IN.with(Situations::SUPPORT_LINK);
    assert_eq!(at(&store, Situations::SUPPORT_LINK).action, "S");
    assert_eq!(at(&store, Situations::NO_SIGN_IN).action, "N");
    assert_eq!(at(&store, both).action, "NS");
    // A field the most specific variant leaves out comes from the next one that sets it.
    assert_eq!(at(&store, both).title, "NT");
    // The status entry's own text beats the kind's variants.
    assert_eq!(at(&store, both).message, "Status message.");
    let status_variant = json!({ "locale": "en", "statuses": { "403": { "variants": {
        "supportLink": { "action": "Status support." } } } } });
    assert!(store.add(&status_variant).is_ok());
    assert_eq!(at(&store, both).action, "Status support.");
    assert_eq!(at(&store, Situations::NO_SIGN_IN).action, "N");
}
