//! The built-in English catalog: static data that build.rs generates from locales/en.json
//! (no JSON is parsed at start-up), turned into a [`Catalog`] once.

use super::catalog::{Catalog, Dir, Entry};
use super::map::SortedMap;
use crate::kind::Kind;

/// The byte lengths of an entry's `[title, message, action, waitAction]` in [`TEXT`], which
/// holds every text in order; 0 for a field the entry leaves out.
type Lengths = [u16; 4];

include!(concat!(env!("OUT_DIR"), "/builtin_en.rs"));

/// Reads texts off the front of [`TEXT`].
struct Cursor(&'static str);

impl Cursor {
    fn take(&mut self, len: u16) -> Option<String> {
        if len == 0 {
            return None;
        }
        let (text, rest) = self.0.split_at_checked(usize::from(len))?;
        self.0 = rest;
        Some(text.to_owned())
    }

    fn entry(&mut self, [title, message, action, wait_action]: Lengths) -> Entry {
        Entry {
            title: self.take(title),
            message: self.take(message),
            action: self.take(action),
            wait_action: self.take(wait_action),
        }
    }
}

/// The catalog locales/en.json describes.
pub(super) fn english() -> Catalog {
    let mut text = Cursor(TEXT);
    let wait_action = text.take(WAIT_ACTION);
    let mut kinds = SortedMap::new();
    for (kind, lengths) in KINDS {
        kinds.insert(*kind, text.entry(*lengths));
    }
    let mut statuses = SortedMap::new();
    for (code, lengths) in STATUSES {
        statuses.insert(*code, text.entry(*lengths));
    }
    Catalog {
        locale: LOCALE.to_owned(),
        dir: DIR,
        wait_action,
        kinds,
        statuses,
    }
}
