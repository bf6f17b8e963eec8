//! The built-in English catalog: static data that build.rs generates from locales/en.json
//! (no JSON is parsed at start-up), turned into a [`Catalog`] once.

use super::catalog::{Catalog, Dir, Entry};
use super::map::SortedMap;
use super::situation::Situations;
use crate::kind::Kind;

/// The byte lengths of an entry's `[title, message, action, waitAction]` in [`TEXT`], which
/// holds every text in order; 0 for a field the entry leaves out.
type Lengths = [u16; 4];

/// An entry's variants: situation bits and the variant's lengths, read from [`TEXT`] right
/// after the entry's own texts.
type Variants = &'static [(u8, Lengths)];

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

    fn texts(&mut self, lengths: Lengths) -> Entry {
        let mut entry = Entry::default();
        for (slot, len) in entry.texts.iter_mut().zip(lengths) {
            *slot = self.take(len);
        }
        entry
    }

    fn entry(&mut self, lengths: Lengths, variants: Variants) -> Entry {
        let mut entry = self.texts(lengths);
        for (bits, lengths) in variants {
            let variant = self.texts(*lengths);
            entry.variants.push((Situations(*bits), variant));
        }
        entry
    }
}

/// The catalog locales/en.json describes.
pub(super) fn english() -> Catalog {
    let mut text = Cursor(TEXT);
    let wait_action = text.take(WAIT_ACTION);
    let mut kinds = SortedMap::new();
    for (kind, lengths, variants) in KINDS {
        kinds.insert(*kind, text.entry(*lengths, variants));
    }
    let mut statuses = SortedMap::new();
    for (code, lengths, variants) in STATUSES {
        statuses.insert(*code, text.entry(*lengths, variants));
    }
    Catalog {
        locale: LOCALE.to_owned(),
        dir: DIR,
        wait_action,
        when: None,
        kinds,
        statuses,
    }
}
