//! The catalog registry and message resolution.

use std::borrow::Cow;

use super::map::SortedMap;
use std::sync::OnceLock;

use crate::json::Value;

use super::catalog::{Catalog, Dir, Entry, MAX_LOCALES};
use super::detail::sanitize_detail;
use super::negotiate::{candidates, canonical_tag, language_of, same_language};
use super::situation::Situations;
use super::wait::{fill_when, when_phrase, Intl};
use crate::error::ArgError;
use crate::kind::Kind;

/// The tag of the built-in catalog, which ends every locale chain.
pub const ENGLISH: &str = "en";

/// Last-resort texts, used only if the built-in English catalog lacked a text (tests prove it
/// covers every kind).
const LAST_RESORT: [&str; 3] = [
    "Something went wrong",
    "We couldn't complete this.",
    "Please try again.",
];

/// The built-in English catalog (locales/en.json, compiled in as static data by build.rs),
/// built once.
pub fn builtin_english() -> &'static Catalog {
    static EN: OnceLock<Catalog> = OnceLock::new();
    EN.get_or_init(super::builtin::english)
}

/// Text a server sent (an error body's user-facing message, detail or title), with the language
/// it is in when something says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ServerText<'a> {
    /// The text as received (it is sanitised before it is shown).
    pub text: &'a str,
    /// Its BCP 47 language tag, if known (see [`super::input::server_texts`] for the sources).
    pub language: Option<&'a str>,
}

/// What to write a message for.
#[derive(Clone, Copy, Debug)]
pub struct MessageRequest<'a> {
    /// The outcome kind.
    pub kind: Kind,
    /// The status code, when there was a response; status entries apply to this exact code.
    pub status: Option<u16>,
    /// The user's preferred locales, most preferred first (`options.locale`, else
    /// `navigator.languages`). Empty means English.
    pub locales: &'a [&'a str],
    /// How long until the user can try again, in milliseconds; used when finite and >= 0.
    pub retry_after_ms: Option<f64>,
    /// Server texts, most preferred first. The first whose language matches the message's
    /// locale becomes the message, when `include_server_detail` is set and the status is 4xx.
    pub server_texts: [Option<ServerText<'a>>; 3],
    /// Show matching server text as the message; honoured only for 4xx statuses.
    pub include_server_detail: bool,
    /// The situations the app is in: variants written for them apply.
    pub situations: Situations,
}

impl<'a> MessageRequest<'a> {
    /// A request for `kind` with no status, English, no wait, no server text and no situation.
    pub fn new(kind: Kind) -> Self {
        MessageRequest {
            kind,
            status: None,
            locales: &[],
            retry_after_ms: None,
            server_texts: [None; 3],
            include_server_detail: false,
            situations: Situations::NONE,
        }
    }
}

/// The text of `entry` for `pick`: from the most specific variant that applies in
/// `situations` and sets it, else the entry's own.
fn pick_text<'e>(
    entry: &'e Entry,
    situations: Situations,
    pick: fn(&Entry) -> Option<&str>,
) -> Option<&'e str> {
    let mut best: Option<(Situations, &'e str)> = None;
    for (key, variant) in &entry.variants {
        if !key.within(situations) {
            continue;
        }
        if let Some(text) = pick(variant) {
            // The one naming the most situations wins; among equals, the larger bit set.
            if best.map_or(true, |(b, _)| (key.count(), *key) > (b.count(), b)) {
                best = Some((*key, text));
            }
        }
    }
    best.map(|(_, t)| t).or_else(|| pick(entry))
}

/// A message for end users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserMessage<'a> {
    /// Short heading.
    pub title: Cow<'a, str>,
    /// What happened.
    pub message: Cow<'a, str>,
    /// What the user can do (with the waiting time when it is known).
    pub action: Cow<'a, str>,
    /// The outcome kind (JavaScript sees its snake_case name).
    pub kind: Kind,
    /// The canonical tag of the catalog that supplied the title (`fr`, `zh-Hant`, `en`).
    pub locale: Cow<'a, str>,
    /// The text direction of that catalog.
    pub dir: Dir,
}

impl UserMessage<'_> {
    /// The message with every text owned.
    pub fn into_owned(self) -> UserMessage<'static> {
        UserMessage {
            title: Cow::Owned(self.title.into_owned()),
            message: Cow::Owned(self.message.into_owned()),
            action: Cow::Owned(self.action.into_owned()),
            kind: self.kind,
            locale: Cow::Owned(self.locale.into_owned()),
            dir: self.dir,
        }
    }
}

/// The registered catalogs, keyed by canonical tag. Starts with built-in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageStore {
    catalogs: SortedMap<String, Catalog>,
}

impl Default for MessageStore {
    fn default() -> Self {
        MessageStore::new()
    }
}

impl MessageStore {
    /// A store holding only built-in English.
    pub fn new() -> Self {
        let mut catalogs = SortedMap::new();
        // Straight from the static data: no shared copy to build first and then clone.
        catalogs.insert(ENGLISH.to_string(), super::builtin::english());
        MessageStore { catalogs }
    }

    /// Back to built-in English only.
    pub fn reset(&mut self) {
        *self = MessageStore::new();
    }

    /// Validates `value` as a catalog and registers it: a new locale, or field-by-field
    /// overrides of an existing one. Returns the canonical locale tag. On error nothing
    /// changes.
    pub fn add(&mut self, value: &Value) -> Result<String, ArgError> {
        self.add_catalog(Catalog::from_value(value)?)
    }

    /// Registers an already validated catalog (see [`MessageStore::add`]). Adding a new locale
    /// when [`MAX_LOCALES`] are registered is a range error.
    pub fn add_catalog(&mut self, catalog: Catalog) -> Result<String, ArgError> {
        let locale = catalog.locale.clone();
        if let Some(existing) = self.catalogs.get_mut(&locale) {
            existing.merge(catalog);
        } else {
            if self.catalogs.len() >= MAX_LOCALES {
                return Err(ArgError::range_error(format!(
                    "at most {MAX_LOCALES} locales can be registered; cannot add {locale}"
                )));
            }
            self.catalogs.insert(locale.clone(), catalog);
        }
        Ok(locale)
    }

    /// The registered locale tags, sorted.
    pub fn locales(&self) -> Vec<String> {
        self.catalogs.keys().cloned().collect()
    }

    /// The registered catalog for `tag` (any case, `_` or `-`).
    pub fn catalog(&self, tag: &str) -> Option<&Catalog> {
        canonical_tag(tag).and_then(|t| self.catalogs.get(&t))
    }

    /// The locale chain for the user's preferences: the registered fallbacks of the first
    /// requested tag that has any (`fr-CA` → `fr-CA`, `fr`), then `en`. Junk tags are
    /// skipped; when nothing matches the chain is just `en`.
    pub fn negotiate<S: AsRef<str>>(&self, tags: &[S]) -> Vec<String> {
        for tag in tags {
            let Some(canonical) = canonical_tag(tag.as_ref()) else {
                continue;
            };
            let mut chain: Vec<String> = candidates(&canonical)
                .into_iter()
                .filter(|c| self.catalogs.contains_key(c))
                .collect();
            if !chain.is_empty() {
                if !chain.iter().any(|c| c == ENGLISH) {
                    chain.push(ENGLISH.to_string());
                }
                return chain;
            }
        }
        vec![ENGLISH.to_string()]
    }

    /// Writes the message for `request`. `intl` turns a wait into words for a locale (see
    /// [`super::wait`]); it is called at most twice.
    pub fn user_message(&self, request: &MessageRequest<'_>, intl: &dyn Intl) -> UserMessage<'_> {
        let chain: Vec<&Catalog> = self
            .negotiate(request.locales)
            .iter()
            .filter_map(|tag| self.catalogs.get(tag))
            .collect();
        let situations = request.situations;
        // Per catalog of the chain: the status entry (its variants, then itself), then the kind
        // entry (the same). The first catalog with the field supplies it.
        let lookup = |pick: fn(&Entry) -> Option<&str>| -> Option<(usize, &str)> {
            chain.iter().enumerate().find_map(|(i, catalog)| {
                request
                    .status
                    .and_then(|code| catalog.statuses.get(&code))
                    .and_then(|e| pick_text(e, situations, pick))
                    .or_else(|| {
                        catalog
                            .kinds
                            .get(&request.kind)
                            .and_then(|e| pick_text(e, situations, pick))
                    })
                    .map(|text| (i, text))
            })
        };
        let title = lookup(Entry::title);
        let message = lookup(Entry::message);
        let action = lookup(Entry::action);

        let (locale, dir) = match title.and_then(|(i, _)| chain.get(i)) {
            Some(catalog) => (catalog.locale.as_str(), catalog.dir()),
            None => (ENGLISH, Dir::Ltr),
        };
        let [title_last, message_last, action_last] = LAST_RESORT;
        let title = Cow::Borrowed(title.map_or(title_last, |(_, t)| t));

        let detail = match request.status {
            Some(400..=499) if request.include_server_detail => {
                server_text_for(&request.server_texts, locale)
            }
            _ => None,
        };
        let message = match detail {
            Some(text) => Cow::Owned(text),
            None => Cow::Borrowed(message.map_or(message_last, |(_, t)| t)),
        };

        let action_index = action.map_or(chain.len(), |(i, _)| i);
        let timed = request
            .retry_after_ms
            .and_then(|ms| self.wait_action(&chain, action_index, request, ms, intl));
        let action = match timed {
            Some(text) => Cow::Owned(text),
            None => Cow::Borrowed(action.map_or(action_last, |(_, t)| t)),
        };

        UserMessage {
            title,
            message,
            action,
            kind: request.kind,
            locale: Cow::Borrowed(locale),
            dir,
        }
    }

    /// The timed action: the first `waitAction` (status entry, kind entry, then catalog-wide,
    /// variants first as for the other fields) among the chain's catalogs in the language of
    /// the catalog that supplied the plain action, so the timed action is in the same language
    /// as the rest of the action (a French pack without wait phrases never gets an English one,
    /// and a kind only English covers gets English throughout). The `{when}` comes from the
    /// first `when` table of that language in the chain, else from `Intl`.
    fn wait_action(
        &self,
        chain: &[&Catalog],
        action_index: usize,
        request: &MessageRequest<'_>,
        ms: f64,
        intl: &dyn Intl,
    ) -> Option<String> {
        let language = language_of(&chain.get(action_index)?.locale);
        let same = || {
            chain
                .iter()
                .filter(move |catalog| language_of(&catalog.locale) == language)
        };
        let pick: fn(&Entry) -> Option<&str> = Entry::wait_action;
        let (catalog, template) = same().find_map(|catalog| {
            request
                .status
                .and_then(|code| catalog.statuses.get(&code))
                .and_then(|e| pick_text(e, request.situations, pick))
                .or_else(|| {
                    catalog
                        .kinds
                        .get(&request.kind)
                        .and_then(|e| pick_text(e, request.situations, pick))
                })
                .or(catalog.wait_action.as_deref())
                .map(|t| (catalog, t))
        })?;
        let table = same().find_map(|c| c.when.as_ref());
        let when = when_phrase(&catalog.locale, table, ms, intl)?;
        Some(fill_when(template, &when))
    }
}

/// The first server text whose language matches `locale`, sanitised; `None` when none does
/// (text of unknown language never joins a message).
fn server_text_for(texts: &[Option<ServerText<'_>>], locale: &str) -> Option<String> {
    texts.iter().flatten().find_map(|t| {
        t.language
            .filter(|language| same_language(language, locale))
            .and_then(|_| sanitize_detail(t.text))
    })
}
