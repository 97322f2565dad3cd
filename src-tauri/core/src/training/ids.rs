//! Ids as the training pass handles them: numbered in order of first appearance, and
//! found by their bytes in a map that hashes them quickly.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map from ids (as bytes) hashed the way rustc's FxHash hashes: the ids are our own
/// UUIDs, not hostile input, and SipHash over 36 bytes took a tenth of a pass over the
/// records.
pub(super) type IdMap<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<IdHasher>>;

/// FxHash: a rotate, a xor and a multiply a word.
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.add(u64::from_le_bytes(eight));
        }
        for &byte in words.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Ids numbered in order of first appearance.
#[derive(Debug, Clone, Default)]
pub(super) struct Indexed {
    pub ids: Vec<String>,
    pub map: HashMap<String, usize>,
}

impl Indexed {
    pub fn index(&mut self, id: &str) -> usize {
        if let Some(&index) = self.map.get(id) {
            return index;
        }
        self.ids.push(id.to_owned());
        self.map.insert(id.to_owned(), self.ids.len() - 1);
        self.ids.len() - 1
    }
}
