//! A small cache of answers that belong to one generation of the index.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// The values of the most recent distinct keys of one index generation (see
/// [`crate::SearchIndex::generation`]), oldest dropped first; a value of a new generation empties
/// it. Safe to share between threads; a capacity of 0 keeps nothing.
///
/// The core keeps search answers in one; the web layer keeps the JSON it wrote for them.
#[derive(Debug)]
pub struct GenerationCache<V> {
    capacity: usize,
    inner: Mutex<Inner<V>>,
}

#[derive(Debug)]
struct Inner<V> {
    generation: u64,
    values: HashMap<String, V>,
    order: VecDeque<String>,
}

impl<V: Clone> GenerationCache<V> {
    /// A cache of at most `capacity` values.
    pub fn new(capacity: usize) -> GenerationCache<V> {
        let inner = Inner { generation: 0, values: HashMap::new(), order: VecDeque::new() };
        GenerationCache { capacity, inner: Mutex::new(inner) }
    }

    /// How many values it keeps at most.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<V>> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The value kept for `key` in `generation`, if any.
    pub fn get(&self, generation: u64, key: &str) -> Option<V> {
        let inner = self.lock();
        if inner.generation != generation {
            return None;
        }
        inner.values.get(key).cloned()
    }

    /// Keeps `value` for `key` in `generation`, forgetting every value of another generation.
    pub fn put(&self, generation: u64, key: String, value: V) {
        if self.capacity == 0 {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation {
            inner.generation = generation;
            inner.values.clear();
            inner.order.clear();
        }
        if inner.values.insert(key.clone(), value).is_none() {
            inner.order.push_back(key);
        }
        while inner.order.len() > self.capacity {
            if let Some(old) = inner.order.pop_front() {
                inner.values.remove(&old);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GenerationCache;

    #[test]
    fn keeps_the_newest_values_of_one_generation() {
        let cache = GenerationCache::new(2);
        cache.put(1, "a".into(), 1);
        cache.put(1, "b".into(), 2);
        cache.put(1, "c".into(), 3);
        assert_eq!(
            (cache.get(1, "a"), cache.get(1, "b"), cache.get(1, "c")),
            (None, Some(2), Some(3))
        );
        assert_eq!(cache.get(2, "c"), None, "another generation sees nothing");
        cache.put(2, "d".into(), 4);
        assert_eq!((cache.get(2, "d"), cache.get(2, "c")), (Some(4), None));
        let none = GenerationCache::new(0);
        none.put(1, "a".into(), 1);
        assert_eq!(none.get(1, "a"), None);
    }
}
