//! Native tests of the message core.

mod builtin;
mod descriptions;
mod locales;
mod negotiate;
mod overrides;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod resolve;
mod validation;
mod wait;

use crate::json::{json, Value};

use super::{MessageRequest, MessageStore, UserMessage};
use crate::kind::Kind;

/// A small catalog for `locale` whose every text names the locale, with a catalog-wide
/// `waitAction`.
fn tagged_catalog(locale: &str) -> Value {
    json!({
        "locale": locale,
        "waitAction": format!("[{locale}] again {{when}}"),
        "kinds": {
            "not_found": {
                "title": format!("[{locale}] not found"),
                "message": format!("[{locale}] missing"),
                "action": format!("[{locale}] go back")
            },
            "unauthorized": {
                "title": format!("[{locale}] sign in"),
                "message": format!("[{locale}] signed out"),
                "action": format!("[{locale}] sign in again")
            },
            "rate_limited": {
                "title": format!("[{locale}] slow down"),
                "message": format!("[{locale}] too often"),
                "action": format!("[{locale}] wait")
            }
        }
    })
}

/// A store with tagged catalogs for `locales`.
fn store_with(locales: &[&str]) -> MessageStore {
    let mut store = MessageStore::new();
    for locale in locales {
        if let Err(e) = store.add(&tagged_catalog(locale)) {
            panic!("fixture {locale} rejected: {e}");
        }
    }
    store
}

/// The message for `kind`/`status` in `locales`, without a wait, with the English formatter.
fn message(
    store: &MessageStore,
    kind: Kind,
    status: Option<u16>,
    locales: &[&str],
) -> UserMessage<'static> {
    let request = MessageRequest {
        status,
        locales,
        ..MessageRequest::new(kind)
    };
    store
        .user_message(&request, &super::english_formatter)
        .into_owned()
}

/// The built-in English catalog as the store holds it.
fn english() -> &'static super::Catalog {
    super::store::builtin_english()
}
