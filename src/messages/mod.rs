//! End-user messages: message catalogs, locale negotiation and resolution.
//!
//! * [`catalog`]: the catalog schema and its validation (one schema for built-in English,
//!   locale packs and an app's overrides).
//! * [`negotiate`]: canonical language tags and their fallback candidates.
//! * [`store`]: the registry of catalogs and resolution of a [`UserMessage`].
//! * [`input`]: what `userMessage` was given, read into a [`MessageRequest`] (kind, status,
//!   server text and its language, situations).
//! * [`situation`]: the situations a catalog's `variants` are written for.
//! * [`wait`]: the "try again in …" phrase.
//! * [`detail`]: sanitising server text for the opt-in `includeServerDetail`.
//! * [`descriptions`]: the opt-in pack of long developer descriptions that `classify()` reports
//!   instead of the catalog's one-line ones.
//!
//! Resolution of `(kind, status, locales)`: negotiation gives a chain of registered locales
//! ending in `en` (`fr-CA` → `fr-CA`?, `fr`, `en`). Each field is looked up in each catalog
//! of the chain in turn, first in the entry for the exact status, then in the entry for the
//! kind (in each entry, a variant for the situations that hold comes before the entry's own
//! text). The catalog that supplies the title decides `locale` and `dir`; missing fields fall
//! through to the next catalog. English is built in and complete. Server text (opt-in, 4xx
//! only) replaces the message only when its language matches the message's locale.
//!
//! The free functions below work on one store per thread (a page or worker has exactly one
//! in WebAssembly); [`MessageStore`] is the same thing as a value. Registered descriptions are
//! kept the same way, one [`Descriptions`] per thread.

mod builtin;
pub mod catalog;
pub mod descriptions;
pub mod detail;
pub mod input;
pub mod map;
pub mod negotiate;
pub mod situation;
pub mod store;
pub mod wait;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use crate::json::Value;

pub use catalog::{Catalog, Dir, Entry};
pub use descriptions::Descriptions;
pub use input::{message_request, MessageInput, MessageOptions};
pub use situation::Situations;
pub use store::{MessageRequest, MessageStore, ServerText, UserMessage};
pub use wait::{english_formatter, Formatter, Intl, Plural, Unit, WhenTable};

use crate::error::ArgError;

thread_local! {
    static STORE: RefCell<MessageStore> = RefCell::new(MessageStore::new());
    static DESCRIPTIONS: RefCell<Descriptions> = const { RefCell::new(Descriptions::new()) };
}

/// `addMessages(catalog)`: validates `catalog` and registers it in this thread's store (a new
/// locale, or field-by-field overrides of an existing one). Returns the canonical locale
/// tag. A malformed catalog is a type error naming the path; strings over 2,000 characters,
/// more than 600 statuses or a 101st locale are range errors. On error nothing is registered.
pub fn add_messages(catalog: &Value) -> Result<String, ArgError> {
    let parsed = Catalog::from_value(catalog)?;
    STORE.with(|store| match store.try_borrow_mut() {
        Ok(mut store) => store.add_catalog(parsed),
        Err(_) => Err(ArgError::type_error(
            "messages cannot be added while a message is being written",
        )),
    })
}

/// `userMessage(input, options)`: the message for `request` from this thread's store.
/// `intl` phrases the waiting time (see [`wait`]).
pub fn user_message(request: &MessageRequest<'_>, intl: &dyn Intl) -> UserMessage<'static> {
    with_user_message(request, intl, |m| m.clone().into_owned())
}

/// Runs `f` with the message for `request`, its texts borrowed from this thread's store where
/// they come from a catalog (no copy).
pub fn with_user_message<R>(
    request: &MessageRequest<'_>,
    intl: &dyn Intl,
    f: impl FnOnce(&UserMessage<'_>) -> R,
) -> R {
    STORE.with(|store| match store.try_borrow() {
        Ok(store) => f(&store.user_message(request, intl)),
        // Only reachable if `intl` calls `add_messages` and we are nested inside it.
        Err(_) => f(&MessageStore::new().user_message(request, intl)),
    })
}

/// `listLocales()`: the registered locale tags of this thread's store, sorted.
pub fn list_locales() -> Vec<String> {
    STORE.with(|store| match store.try_borrow() {
        Ok(store) => store.locales(),
        Err(_) => vec![store::ENGLISH.to_string()],
    })
}

/// Resets this thread's store to built-in English only (for tests).
pub fn reset_messages() {
    STORE.with(|store| {
        if let Ok(mut store) = store.try_borrow_mut() {
            store.reset();
        }
    });
}

/// `addDescriptions(pack)`: validates `pack` (see [`descriptions`]) and registers its texts in
/// this thread's registry, replacing earlier texts of the same codes. A malformed pack is a type
/// error naming the path; codes outside 100..=599 and texts over
/// [`descriptions::MAX_DESCRIPTION_CHARS`] characters are range errors. On error nothing is
/// registered.
pub fn add_descriptions(pack: &Value) -> Result<(), ArgError> {
    let parsed = Descriptions::from_value(pack)?;
    DESCRIPTIONS.with(|registry| match registry.try_borrow_mut() {
        Ok(mut registry) => {
            registry.merge(parsed);
            Ok(())
        }
        Err(_) => Err(ArgError::type_error(
            "descriptions cannot be added while a status is being classified",
        )),
    })
}

/// The registered long description of `code`, if a pack gave it one.
pub fn description(code: u16) -> Option<String> {
    DESCRIPTIONS.with(|registry| {
        registry
            .try_borrow()
            .ok()
            .and_then(|registry| registry.get(code).map(str::to_string))
    })
}

/// Forgets every registered description (for tests).
pub fn reset_descriptions() {
    DESCRIPTIONS.with(|registry| {
        if let Ok(mut registry) = registry.try_borrow_mut() {
            *registry = Descriptions::new();
        }
    });
}
