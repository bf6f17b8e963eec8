//! The members of a JSON object, in document order, each key at most once.

use super::Value;

/// A JSON object's members in document order. A key appears at most once: setting it again
/// replaces its value where it stands, as assigning a JavaScript property does.
///
/// Lookups scan the members (the readers of this crate look up a few known keys, so this is
/// cheaper than hashing every key of a large object).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    members: Vec<(String, Value)>,
}

/// Below this many members duplicates are found by comparing every pair; from it on, with a
/// small hash table.
const HASH_FROM: usize = 16;

impl Map {
    /// An empty object.
    pub const fn new() -> Self {
        Map {
            members: Vec::new(),
        }
    }

    /// An object from members in order; a key given more than once keeps its first position
    /// and its last value (what `JSON.parse` makes of `{"a": 1, "b": 2, "a": 3}`). Linear
    /// time, so a hostile object with thousands of keys stays cheap.
    pub fn from_pairs(pairs: Vec<(String, Value)>) -> Self {
        if pairs.len() < 2 {
            return Map { members: pairs };
        }
        let mut members: Vec<(String, Value)> = Vec::with_capacity(pairs.len());
        let mut table = Table::for_len(pairs.len());
        for (key, value) in pairs {
            let found = match &mut table {
                Some(t) => t.find_or_add(&members, &key),
                None => members.iter().position(|(k, _)| *k == key),
            };
            match found.and_then(|i| members.get_mut(i)) {
                Some(slot) => slot.1 = value,
                None => members.push((key, value)),
            }
        }
        Map { members }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value)
    }

    /// True when the object has a member `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`: replaces its value where it stands, or appends it. Returns the old value.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.members.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => Some(core::mem::replace(&mut slot.1, value)),
            None => {
                self.members.push((key, value));
                None
            }
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let index = self.members.iter().position(|(k, _)| k == key)?;
        Some(self.members.remove(index).1)
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True when there are no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members in order.
    pub fn iter(&self) -> core::slice::Iter<'_, (String, Value)> {
        self.members.iter()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.members.iter().map(|(k, _)| k)
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = &'a (String, Value);
    type IntoIter = core::slice::Iter<'a, (String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.iter()
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

/// An open-addressing table of member indices, keyed by an FNV-1a hash of the key.
struct Table {
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Table {
    /// A table for up to `len` keys, or `None` when comparing pairs is cheaper.
    fn for_len(len: usize) -> Option<Table> {
        if len < HASH_FROM {
            return None;
        }
        let size = (len * 2).next_power_of_two();
        Some(Table {
            slots: vec![EMPTY; size],
        })
    }

    /// The index in `members` of `key`, or `None` after recording that `key` will be
    /// appended at `members.len()`.
    fn find_or_add(&mut self, members: &[(String, Value)], key: &str) -> Option<usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash(key) as usize & mask;
        loop {
            let slot = self.slots.get_mut(i)?;
            if *slot == EMPTY {
                *slot = members.len() as u32;
                return None;
            }
            let index = *slot as usize;
            if members.get(index).is_some_and(|(k, _)| k == key) {
                return Some(index);
            }
            i = (i + 1) & mask;
        }
    }
}

fn hash(key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}
