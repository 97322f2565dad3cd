//! A plan's links by position in its task list, both ways, each with its type and lag:
//! what the critical path, the successor moves and the go-live move walk. Kept apart
//! from any one of them so they read the links the same way.

use std::collections::{HashMap, HashSet, VecDeque};

use super::{LinkType, Task, TaskLink};

/// One link seen from one of its ends: the task at the other end, and how they are tied.
#[derive(Debug, Clone, Copy)]
pub(super) struct Edge<'a> {
    /// The position of the task at the other end.
    pub other: usize,
    pub link: &'a TaskLink,
}

impl Edge<'_> {
    pub fn link_type(&self) -> LinkType {
        self.link.link_type
    }

    pub fn lag(&self) -> i64 {
        i64::from(self.link.lag_days)
    }
}

/// A plan's links by position in its task list, both ways.
pub(super) struct Links<'a> {
    /// Each task's position, by id.
    pub index: HashMap<&'a str, usize>,
    /// For each task, the tasks it waits for.
    pub predecessors: Vec<Vec<Edge<'a>>>,
    /// For each task, the tasks that wait for it.
    pub successors: Vec<Vec<Edge<'a>>>,
}

impl<'a> Links<'a> {
    /// The links among `tasks`; one naming a task outside the list is left out.
    pub fn of(tasks: &'a [Task]) -> Self {
        let index: HashMap<&str, usize> = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let predecessors: Vec<Vec<Edge<'a>>> = tasks
            .iter()
            .map(|t| {
                t.depends_on
                    .iter()
                    .filter_map(|link| {
                        let other = *index.get(link.depends_on_id.as_str())?;
                        Some(Edge { other, link })
                    })
                    .collect()
            })
            .collect();
        let mut successors: Vec<Vec<Edge<'a>>> = vec![Vec::new(); tasks.len()];
        for (task, edges) in predecessors.iter().enumerate() {
            for edge in edges {
                successors[edge.other].push(Edge {
                    other: task,
                    link: edge.link,
                });
            }
        }
        Links {
            index,
            predecessors,
            successors,
        }
    }

    /// Kahn's order: every task after the tasks it waits for; tasks caught in a loop
    /// (the store refuses loops) are left out.
    pub fn order(&self) -> Vec<usize> {
        let mut waiting: Vec<usize> = self.predecessors.iter().map(Vec::len).collect();
        let mut ready: VecDeque<usize> = (0..waiting.len()).filter(|&t| waiting[t] == 0).collect();
        let mut order = Vec::with_capacity(waiting.len());
        while let Some(task) = ready.pop_front() {
            order.push(task);
            for edge in &self.successors[task] {
                waiting[edge.other] -= 1;
                if waiting[edge.other] == 0 {
                    ready.push_back(edge.other);
                }
            }
        }
        order
    }

    /// `target` and every task it waits for, directly or through others.
    pub fn ancestors(&self, target: usize) -> HashSet<usize> {
        let mut seen = HashSet::from([target]);
        let mut queue = vec![target];
        while let Some(task) = queue.pop() {
            for edge in &self.predecessors[task] {
                if seen.insert(edge.other) {
                    queue.push(edge.other);
                }
            }
        }
        seen
    }
}
