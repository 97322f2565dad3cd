//! One value kept for the key it was worked out for, given back while the same key is
//! asked for: the key names everything that would make the value stale (where the
//! database stood, the day, what was asked). The last scan for broken links and the last
//! weekly status drafted are kept this way.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::lock_ignoring_poison;

#[derive(Debug)]
pub(crate) struct KeptFor<K, V> {
    last: Mutex<Option<(K, V)>>,
    /// How many values were worked out and kept, for tests to tell a kept one from a
    /// new one.
    kept: AtomicUsize,
}

impl<K, V> Default for KeptFor<K, V> {
    fn default() -> Self {
        Self {
            last: Mutex::new(None),
            kept: AtomicUsize::new(0),
        }
    }
}

impl<K: PartialEq, V: Clone> KeptFor<K, V> {
    /// A copy of the value kept for `key`, if that is the key it was kept for.
    pub(crate) fn get(&self, key: &K) -> Option<V> {
        match &*lock_ignoring_poison(&self.last) {
            Some((kept, value)) if kept == key => Some(value.clone()),
            _ => None,
        }
    }

    /// Keeps `value` for `key`, in place of the one kept before.
    pub(crate) fn set(&self, key: K, value: V) {
        self.kept.fetch_add(1, Ordering::Relaxed);
        *lock_ignoring_poison(&self.last) = Some((key, value));
    }

    /// Drops the kept value: the next ask works it out afresh.
    pub(crate) fn forget(&self) {
        *lock_ignoring_poison(&self.last) = None;
    }

    /// How many values have been worked out and kept.
    pub(crate) fn times_kept(&self) -> usize {
        self.kept.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_given_back_for_its_own_key_alone_until_forgotten() {
        let kept: KeptFor<(String, i64), Vec<u8>> = KeptFor::default();
        let key = |version| ("rollout".to_owned(), version);
        assert_eq!(kept.get(&key(1)), None, "nothing kept yet");
        kept.set(key(1), vec![1, 2]);
        assert_eq!(kept.get(&key(1)), Some(vec![1, 2]));
        assert_eq!(kept.get(&key(2)), None, "another key: worked out afresh");
        kept.set(key(2), vec![3]);
        assert_eq!(kept.get(&key(1)), None, "only the last one is kept");
        assert_eq!(kept.get(&key(2)), Some(vec![3]));
        kept.forget();
        assert_eq!(kept.get(&key(2)), None, "forgotten");
        assert_eq!(kept.times_kept(), 2);
    }
}
