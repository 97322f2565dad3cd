//! Which tasks wait for which, in memory, kept in an order in which every task comes
//! after the tasks it depends on. A new dependency that agrees with that order cannot
//! close a loop, so it is accepted at once; one that does not is checked by searching
//! only the tasks placed between its two ends, which are then reordered (Pearce and
//! Kelly's dynamic topological order). A vendor's plan, where each task waits for the
//! one before, is checked in constant time per dependency rather than by walking the
//! whole chain behind each new one.

use std::collections::{HashMap, VecDeque};

/// Tasks by index; `depends_on[t]` in the order the dependencies were added.
#[derive(Default)]
pub(super) struct Precedence {
    index: HashMap<String, usize>,
    ids: Vec<String>,
    depends_on: Vec<Vec<usize>>,
    /// The reverse of `depends_on`: the tasks waiting for each task.
    waiting: Vec<Vec<usize>>,
    /// Each task's place in the order; `None` when the stored dependencies already make
    /// a loop (only a damaged file can), and every check walks the chain instead.
    place: Option<Vec<usize>>,
}

impl Precedence {
    /// The graph of `edges` (task, what it depends on), in the order given.
    pub(super) fn new(edges: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut graph = Self::default();
        for (task, predecessor) in edges {
            let p = graph.intern(&predecessor);
            let t = graph.intern(&task);
            graph.depends_on[t].push(p);
            graph.waiting[p].push(t);
        }
        graph.place = graph.sorted();
        graph
    }

    /// Whether `task` already depends on `predecessor` directly.
    pub(super) fn contains(&self, task: &str, predecessor: &str) -> bool {
        match (self.index.get(task), self.index.get(predecessor)) {
            (Some(&t), Some(&p)) => self.depends_on[t].contains(&p),
            _ => false,
        }
    }

    /// The loop that "`task` depends on `predecessor`" would close, if any: the shortest
    /// chain from `predecessor` through what it depends on back to `task` (both ends
    /// included), as ids.
    pub(super) fn loop_through(&self, task: &str, predecessor: &str) -> Option<Vec<String>> {
        let (&t, &p) = (self.index.get(task)?, self.index.get(predecessor)?);
        if let Some(place) = &self.place {
            // In order already: nothing `predecessor` waits for can come after `task`.
            if place[p] < place[t] || !self.reaches(place, t, p) {
                return None;
            }
        }
        self.chain(p, t)
            .map(|chain| chain.into_iter().map(|i| self.ids[i].clone()).collect())
    }

    /// Adds "`task` depends on `predecessor`"; the caller has checked it closes no loop.
    pub(super) fn add(&mut self, task: &str, predecessor: &str) {
        let p = self.intern(predecessor);
        let t = self.intern(task);
        self.depends_on[t].push(p);
        self.waiting[p].push(t);
        if let Some(place) = self.place.take() {
            self.place = Some(reorder(place, &self.depends_on, &self.waiting, t, p));
        }
    }

    fn intern(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.ids.len();
        self.index.insert(id.to_owned(), i);
        self.ids.push(id.to_owned());
        self.depends_on.push(Vec::new());
        self.waiting.push(Vec::new());
        if let Some(place) = &mut self.place {
            // A task new to the graph waits for nothing yet: last is a fine place.
            place.push(i);
        }
        i
    }

    /// Places for every task, each after what it depends on (Kahn's algorithm), or
    /// `None` if there is a loop.
    fn sorted(&self) -> Option<Vec<usize>> {
        let mut waiting_for: Vec<usize> = self.depends_on.iter().map(Vec::len).collect();
        let mut ready: VecDeque<usize> = (0..self.ids.len())
            .filter(|&i| waiting_for[i] == 0)
            .collect();
        let mut place = vec![0; self.ids.len()];
        let mut next = 0;
        while let Some(i) = ready.pop_front() {
            place[i] = next;
            next += 1;
            for &w in &self.waiting[i] {
                waiting_for[w] -= 1;
                if waiting_for[w] == 0 {
                    ready.push_back(w);
                }
            }
        }
        (next == self.ids.len()).then_some(place)
    }

    /// Whether `to` waits, directly or through others, for `from`; only tasks placed
    /// between the two can be on the way.
    fn reaches(&self, place: &[usize], from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.ids.len()];
        let mut stack = vec![from];
        seen[from] = true;
        while let Some(i) = stack.pop() {
            if i == to {
                return true;
            }
            for &w in &self.waiting[i] {
                if !seen[w] && place[w] <= place[to] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        false
    }

    /// The shortest chain `from` → ... → `to` following "depends on", breadth first in
    /// the order the dependencies were added, so the loop a refusal names is always
    /// the same one.
    fn chain(&self, from: usize, to: usize) -> Option<Vec<usize>> {
        let mut came_from: Vec<Option<usize>> = vec![None; self.ids.len()];
        let mut queue = VecDeque::from([from]);
        while let Some(current) = queue.pop_front() {
            if current == to {
                let mut chain = vec![to];
                let mut at = to;
                while let Some(previous) = came_from[at] {
                    chain.push(previous);
                    at = previous;
                }
                chain.reverse();
                return Some(chain);
            }
            for &next in &self.depends_on[current] {
                if next != from && came_from[next].is_none() {
                    came_from[next] = Some(current);
                    queue.push_back(next);
                }
            }
        }
        None
    }
}

/// The places after adding "`t` depends on `p`" (no loop): if `p` was placed after
/// `t`, the tasks between them that wait for `t` move after those `p` waits for.
fn reorder(
    mut place: Vec<usize>,
    depends_on: &[Vec<usize>],
    waiting: &[Vec<usize>],
    t: usize,
    p: usize,
) -> Vec<usize> {
    let (low, high) = (place[t], place[p]);
    if high < low {
        return place;
    }
    let mut seen = vec![false; place.len()];
    // What waits for `t`, and what `p` waits for, among the places in between.
    let mut after = region(t, waiting, &mut seen, |i| place[i] <= high);
    let mut before = region(p, depends_on, &mut seen, |i| place[i] >= low);
    after.sort_by_key(|&i| place[i]);
    before.sort_by_key(|&i| place[i]);
    let mut slots: Vec<usize> = before.iter().chain(&after).map(|&i| place[i]).collect();
    slots.sort_unstable();
    for (i, slot) in before.into_iter().chain(after).zip(slots) {
        place[i] = slot;
    }
    place
}

/// The tasks reached from `start` along `next` while `within` holds.
fn region(
    start: usize,
    next: &[Vec<usize>],
    seen: &mut [bool],
    within: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut found = vec![start];
    seen[start] = true;
    let mut at = 0;
    while at < found.len() {
        for &n in &next[found[at]] {
            if !seen[n] && within(n) {
                seen[n] = true;
                found.push(n);
            }
        }
        at += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn graph(edges: &[(&str, &str)]) -> Precedence {
        Precedence::new(
            edges
                .iter()
                .map(|(t, p)| ((*t).to_owned(), (*p).to_owned())),
        )
    }

    #[test]
    fn the_shortest_chain_is_found_and_unrelated_tasks_are_not() {
        let g = graph(&[("c", "b"), ("b", "a"), ("d", "a")]);
        assert_eq!(
            g.loop_through("a", "c"),
            Some(vec!["c".to_owned(), "b".to_owned(), "a".to_owned()]),
            "a waiting for c closes c → b → a"
        );
        assert_eq!(g.loop_through("c", "a"), None, "c already waits for a");
        assert_eq!(g.loop_through("c", "d"), None, "d and c are unrelated");
        assert_eq!(
            g.loop_through("x", "a"),
            None,
            "a task with no dependencies"
        );
    }

    #[test]
    fn a_dependency_against_the_order_reorders_and_later_loops_are_still_found() {
        let mut g = graph(&[]);
        // Added in reverse: each predecessor arrives after the task that waits for it.
        for (task, predecessor) in [("d", "c"), ("c", "b"), ("b", "a")] {
            assert_eq!(g.loop_through(task, predecessor), None);
            g.add(task, predecessor);
        }
        assert_eq!(
            g.loop_through("a", "d"),
            Some(["d", "c", "b", "a"].map(String::from).to_vec()),
            "a waiting for d would close the whole chain"
        );
    }

    #[test]
    fn stored_dependencies_that_already_loop_are_still_checked_by_walking() {
        let g = graph(&[("a", "b"), ("b", "a"), ("c", "d")]);
        assert!(g.place.is_none(), "a loop leaves no order");
        assert_eq!(g.loop_through("d", "c"), Some(vec!["c".into(), "d".into()]));
        assert_eq!(g.loop_through("e", "c"), None);
    }

    /// The chain the plain breadth-first walk over every dependency finds: what each
    /// check did before the order was kept, and must still say.
    fn walked(edges: &[(usize, usize)], from: usize, to: usize) -> Option<Vec<String>> {
        let mut g = graph(&[]);
        g.place = None;
        for (t, p) in edges {
            g.add(&t.to_string(), &p.to_string());
        }
        g.loop_through(&to.to_string(), &from.to_string())
    }

    proptest! {
        #[test]
        fn kept_in_order_it_refuses_exactly_what_walking_refuses(
            tries in proptest::collection::vec((0usize..12, 0usize..12), 0..60)
        ) {
            let mut g = graph(&[]);
            let mut accepted: Vec<(usize, usize)> = Vec::new();
            for (t, p) in tries {
                if t == p || g.contains(&t.to_string(), &p.to_string()) {
                    continue;
                }
                let found = g.loop_through(&t.to_string(), &p.to_string());
                prop_assert_eq!(&found, &walked(&accepted, p, t));
                if found.is_none() {
                    g.add(&t.to_string(), &p.to_string());
                    accepted.push((t, p));
                }
                let place = g.place.as_ref().expect("no loop was accepted");
                for &(t, p) in &accepted {
                    let (t, p) = (g.index[&t.to_string()], g.index[&p.to_string()]);
                    prop_assert!(place[p] < place[t], "every task comes after what it waits for");
                }
            }
        }
    }
}
