//! A small ordered map over a sorted `Vec`. A catalog holds at most a few dozen kinds and
//! statuses and the store at most 100 locales: binary search over a vector serves them as well
//! as a B-tree, and one generic vector map compiles to far less WebAssembly than `BTreeMap`'s
//! node code repeated for every key and value type.

use std::borrow::Borrow;

/// An ordered map backed by a vector sorted by key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { items: Vec::new() }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        SortedMap { items: Vec::new() }
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.items.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value for `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.items.get(i).map(|(_, v)| v)
    }

    /// The value for `key`, mutably.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.items.get_mut(i).map(|(_, v)| v)
    }

    /// True when `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self
                .items
                .get_mut(i)
                .map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(i) => {
                // `i` comes from the binary search, so it is at most `len`.
                self.items.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`, inserting `V::default()` first when it has none.
    pub fn entry_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.items.insert(i, (key, V::default()));
                i
            }
        };
        // The slot exists: it was found or just inserted at `i`.
        &mut self.items[i].1
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.items.iter().map(|(k, _)| k)
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_an_ordered_map() {
        let mut m = SortedMap::new();
        assert!(m.is_empty());
        assert_eq!(m.insert(404u16, "a"), None);
        assert_eq!(m.insert(200, "b"), None);
        assert_eq!(m.insert(503, "c"), None);
        assert_eq!(m.insert(404, "d"), Some("a"));
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), [200, 404, 503]);
        assert_eq!(m.get(&404), Some(&"d"));
        assert_eq!(m.get(&418), None);
        assert!(m.contains_key(&503));
        *m.entry_or_default(418) = "e";
        assert_eq!(m.len(), 4);
        let mut s: SortedMap<String, u32> = SortedMap::new();
        *s.entry_or_default("fr".to_string()) += 2;
        *s.entry_or_default("fr".to_string()) += 3;
        assert_eq!(s.get("fr"), Some(&5));
        if let Some(v) = s.get_mut("fr") {
            *v = 7;
        }
        assert_eq!(s.into_iter().collect::<Vec<_>>(), [("fr".to_string(), 7)]);
    }
}
