//! Lining up the steps (or exceptions) of two versions of an SOP the way a reviewer
//! reads a change: which item was inserted, removed, moved, edited, or edited and moved.
//!
//! Steps carry no id of their own: they are stored by position and frozen into each
//! approved revision as content. So an item's identity is its content: items equal in
//! both versions are the same item first (those in their original order stay put, the
//! others moved), then the remaining items pair up by how much of their wording they
//! share (an edit), and whatever is left was inserted or removed.

use std::collections::HashSet;

use super::diff::ChangeKind;

/// An item whose wording can be compared with another's.
pub(crate) trait Wording: PartialEq {
    /// Everything a reader would read of it, as one text.
    fn wording(&self) -> String;
}

/// One row of an alignment: an item of the old list, of the new list, or both, each
/// with its 0-based position.
pub(crate) struct Aligned<'a, T> {
    pub kind: ChangeKind,
    pub before: Option<(usize, &'a T)>,
    pub after: Option<(usize, &'a T)>,
}

/// How alike two wordings must be (shared words, 0 to 1) to be one item edited rather
/// than one removed and another inserted: half the words kept.
const SAME_ITEM: f64 = 0.5;

/// Lines two lists up in the reading order of the new one, each removed item just
/// where it used to be.
pub(crate) fn align<'a, T: Wording>(old: &'a [T], new: &'a [T]) -> Vec<Aligned<'a, T>> {
    let pairs = pair_up(old, new);
    let in_place = in_place(&pairs);

    let mut old_paired = vec![false; old.len()];
    let mut new_pair: Vec<Option<(usize, bool, bool)>> = vec![None; new.len()];
    for (index, &(i, j, exact)) in pairs.iter().enumerate() {
        old_paired[i] = true;
        new_pair[j] = Some((i, exact, in_place.contains(&index)));
    }
    // The old position of the next item that stayed in place, from each new position:
    // removed items are shown before it.
    let mut next_anchor = vec![old.len(); new.len() + 1];
    for j in (0..new.len()).rev() {
        next_anchor[j] = match new_pair[j] {
            Some((i, _, true)) => i,
            _ => next_anchor[j + 1],
        };
    }

    let mut rows = Vec::with_capacity(old.len().max(new.len()));
    let mut next_old = 0;
    let flush_removed = |rows: &mut Vec<Aligned<'a, T>>, until: usize, next_old: &mut usize| {
        while *next_old < until {
            if !old_paired[*next_old] {
                rows.push(Aligned {
                    kind: ChangeKind::Removed,
                    before: Some((*next_old, &old[*next_old])),
                    after: None,
                });
            }
            *next_old += 1;
        }
    };
    for (j, item) in new.iter().enumerate() {
        flush_removed(&mut rows, next_anchor[j], &mut next_old);
        let (kind, before) = match new_pair[j] {
            Some((i, exact, stayed)) => {
                if stayed {
                    next_old = i + 1;
                }
                let kind = match (exact, stayed) {
                    (true, true) => ChangeKind::Unchanged,
                    (false, true) => ChangeKind::Changed,
                    (true, false) => ChangeKind::Moved,
                    (false, false) => ChangeKind::MovedAndChanged,
                };
                (kind, Some((i, &old[i])))
            }
            None => (ChangeKind::Added, None),
        };
        rows.push(Aligned {
            kind,
            before,
            after: Some((j, item)),
        });
    }
    flush_removed(&mut rows, old.len(), &mut next_old);
    rows
}

/// Pairs of (old position, new position, identical): equal items first — those in
/// order by their longest common subsequence, then any left over — then the most alike
/// of the rest.
fn pair_up<T: Wording>(old: &[T], new: &[T]) -> Vec<(usize, usize, bool)> {
    let mut pairs = common_subsequence(old, new);
    let mut old_used: Vec<bool> = vec![false; old.len()];
    let mut new_used: Vec<bool> = vec![false; new.len()];
    for &(i, j, _) in &pairs {
        old_used[i] = true;
        new_used[j] = true;
    }
    for (i, item) in old.iter().enumerate() {
        if old_used[i] {
            continue;
        }
        if let Some(j) = (0..new.len()).find(|&j| !new_used[j] && new[j] == *item) {
            pairs.push((i, j, true));
            old_used[i] = true;
            new_used[j] = true;
        }
    }

    let old_words: Vec<Vec<String>> = old.iter().map(|item| words(&item.wording())).collect();
    let new_words: Vec<Vec<String>> = new.iter().map(|item| words(&item.wording())).collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for i in (0..old.len()).filter(|&i| !old_used[i]) {
        for j in (0..new.len()).filter(|&j| !new_used[j]) {
            let score = likeness(&old_words[i], &new_words[j]);
            if score >= SAME_ITEM {
                candidates.push((score, i, j));
            }
        }
    }
    // Most alike first; between equally alike pairs, the nearer ones.
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then_with(|| (a.1, a.2).cmp(&(b.1, b.2)))
    });
    for (_, i, j) in candidates {
        if !old_used[i] && !new_used[j] {
            pairs.push((i, j, false));
            old_used[i] = true;
            new_used[j] = true;
        }
    }
    pairs
}

/// The pairs of equal items along the longest common subsequence.
fn common_subsequence<T: PartialEq>(old: &[T], new: &[T]) -> Vec<(usize, usize, bool)> {
    // lengths[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut lengths = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lengths[i][j] = if old[i] == new[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        if old[i] == new[j] {
            pairs.push((i, j, true));
            i += 1;
            j += 1;
        } else if lengths[i][j + 1] >= lengths[i + 1][j] {
            j += 1;
        } else {
            i += 1;
        }
    }
    pairs
}

/// Which pairs kept their order (the indexes into `pairs`): the heaviest chain of pairs
/// increasing in both old and new position, an identical pair weighing more than an
/// edited one so that a move is pinned on the item that moved. Every other pair moved.
fn in_place(pairs: &[(usize, usize, bool)]) -> HashSet<usize> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&k| pairs[k].0);
    let weight = |k: usize| if pairs[k].2 { 2 } else { 1 };
    // best[a]: the heaviest chain ending at order[a]; previous[a]: the link before it.
    let mut best: Vec<u32> = Vec::with_capacity(order.len());
    let mut previous: Vec<Option<usize>> = Vec::with_capacity(order.len());
    for a in 0..order.len() {
        let mut chain = (weight(order[a]), None);
        for b in 0..a {
            if pairs[order[b]].1 < pairs[order[a]].1 && best[b] + weight(order[a]) > chain.0 {
                chain = (best[b] + weight(order[a]), Some(b));
            }
        }
        best.push(chain.0);
        previous.push(chain.1);
    }
    let mut kept = HashSet::new();
    let mut at = (0..order.len()).max_by_key(|&a| (best[a], std::cmp::Reverse(a)));
    while let Some(a) = at {
        kept.insert(order[a]);
        at = previous[a];
    }
    kept
}

/// The words of a text, lower-cased, for comparing wordings.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How alike two wordings are: the share of words they have in common (Dice's
/// coefficient over the words, counting repeats), 0 to 1.
fn likeness(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut rest: Vec<&String> = b.iter().collect();
    let mut common = 0usize;
    for word in a {
        if let Some(at) = rest.iter().position(|w| *w == word) {
            rest.swap_remove(at);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
#[path = "align_tests.rs"]
mod tests;
