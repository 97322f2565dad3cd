//! What the plan's dates and dependencies say: the critical path to go-live and the
//! tasks that have slipped. Pure functions over a plan's tasks, so the benchmark and the
//! tests can call them on any list; the store methods load a rollout's plan first.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{list_live_tasks, Task, TaskKind, TaskStatus};
use crate::time::date_text;
use crate::{Result, Store};

/// How long a task could be delayed without delaying the end of the critical path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskSlack {
    pub task_id: String,
    pub slack_days: i64,
}

/// The chain of dependent tasks that decides when go-live can happen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct CriticalPath {
    /// The milestone (or, without milestones, the task) the path ends at.
    pub target_task_id: Option<String>,
    /// The tasks on the path, first to last; the target is last.
    pub task_ids: Vec<String>,
    /// Days of work along the path.
    pub length_days: i64,
    /// Slack of every task that leads to the target (the target and the path have 0).
    /// Tasks that do not lead to it are not listed: they cannot delay it.
    pub slack: Vec<TaskSlack>,
}

/// The critical path of a plan, by the classic critical-path method on durations.
///
/// - A task's duration is [`Task::duration_days`]: days from start to due counting both,
///   0 for milestones and undated tasks. Dependencies are finish-to-start.
/// - The path ends at the go-live milestone: the milestone dated on `go_live`, else the
///   latest milestone, else (a plan without milestones) the task whose chain is longest.
/// - Only tasks that lead to that target (through dependencies) count. Each gets an
///   earliest start (the longest chain of work before it) and a latest start (how late
///   it could begin without lengthening the chain to the target); slack is the
///   difference. The critical path is the zero-slack chain into the target, which is the
///   longest chain of dependent work ending there.
///
/// Done tasks keep their durations: the path describes the plan as drawn, so the
/// timeline can mark it; what slipped is [`slipped_tasks`]' business.
pub fn critical_path(tasks: &[Task], go_live: Option<NaiveDate>) -> CriticalPath {
    let Links {
        predecessors,
        successors,
        ..
    } = Links::of(tasks);
    let order = topological_order(&predecessors, &successors);
    let duration: Vec<i64> = tasks.iter().map(Task::duration_days).collect();
    let mut earliest_start = vec![0i64; tasks.len()];
    for &task in &order {
        earliest_start[task] = predecessors[task]
            .iter()
            .map(|&p| earliest_start[p] + duration[p])
            .max()
            .unwrap_or(0);
    }
    let earliest_finish = |t: usize| earliest_start[t] + duration[t];

    let Some(target) = choose_target(tasks, go_live, &order, &earliest_finish) else {
        return CriticalPath::default();
    };
    let leads_to_target = ancestors(target, &predecessors);
    let end = earliest_finish(target);
    let mut latest_start: HashMap<usize, i64> = HashMap::new();
    for &task in order.iter().rev().filter(|t| leads_to_target.contains(t)) {
        let latest_finish = successors[task]
            .iter()
            .filter_map(|s| latest_start.get(s).copied())
            .min()
            .unwrap_or(end);
        latest_start.insert(task, latest_finish - duration[task]);
    }
    let slack_of = |t: usize| latest_start.get(&t).map_or(0, |ls| ls - earliest_start[t]);

    // Walk back from the target along predecessors that finish exactly when it can
    // start; ties go to the earlier due date so the path is the same on every call.
    let mut path = vec![target];
    let mut current = target;
    while let Some(&previous) = predecessors[current]
        .iter()
        .filter(|&&p| earliest_finish(p) == earliest_start[current] && slack_of(p) == 0)
        .min_by_key(|&&p| (tasks[p].due_date, tasks[p].id.as_str()))
    {
        path.push(previous);
        current = previous;
    }
    path.reverse();
    CriticalPath {
        target_task_id: Some(tasks[target].id.clone()),
        task_ids: path.iter().map(|&t| tasks[t].id.clone()).collect(),
        length_days: end,
        slack: (0..tasks.len())
            .filter(|t| leads_to_target.contains(t))
            .map(|t| TaskSlack {
                task_id: tasks[t].id.clone(),
                slack_days: slack_of(t),
            })
            .collect(),
    }
}

fn choose_target(
    tasks: &[Task],
    go_live: Option<NaiveDate>,
    order: &[usize],
    earliest_finish: &dyn Fn(usize) -> i64,
) -> Option<usize> {
    let milestones = || {
        order
            .iter()
            .copied()
            .filter(|&t| tasks[t].kind == TaskKind::Milestone)
    };
    let on_go_live = go_live.and_then(|day| milestones().find(|&t| tasks[t].due_date == Some(day)));
    on_go_live
        .or_else(|| milestones().max_by_key(|&t| (tasks[t].due_date, earliest_finish(t))))
        .or_else(|| {
            order
                .iter()
                .copied()
                .max_by_key(|&t| (earliest_finish(t), tasks[t].due_date))
        })
}

/// A plan's finish-to-start links by position in its task list, both ways.
pub(super) struct Links<'a> {
    /// Each task's position, by id.
    pub index: HashMap<&'a str, usize>,
    /// For each task, the tasks it waits for.
    pub predecessors: Vec<Vec<usize>>,
    /// For each task, the tasks that wait for it.
    pub successors: Vec<Vec<usize>>,
}

impl<'a> Links<'a> {
    /// The links among `tasks`; one naming a task outside the list is left out.
    pub fn of(tasks: &'a [Task]) -> Self {
        let index: HashMap<&str, usize> = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let predecessors: Vec<Vec<usize>> = tasks
            .iter()
            .map(|t| {
                t.predecessor_ids()
                    .filter_map(|id| index.get(id).copied())
                    .collect()
            })
            .collect();
        let mut successors: Vec<Vec<usize>> = vec![Vec::new(); tasks.len()];
        for (task, preds) in predecessors.iter().enumerate() {
            for &p in preds {
                successors[p].push(task);
            }
        }
        Links {
            index,
            predecessors,
            successors,
        }
    }
}

/// Kahn's order; tasks caught in a loop (the store refuses loops) are left out.
pub(super) fn topological_order(
    predecessors: &[Vec<usize>],
    successors: &[Vec<usize>],
) -> Vec<usize> {
    let mut waiting: Vec<usize> = predecessors.iter().map(Vec::len).collect();
    let mut ready: VecDeque<usize> = (0..predecessors.len())
        .filter(|&t| waiting[t] == 0)
        .collect();
    let mut order = Vec::with_capacity(predecessors.len());
    while let Some(task) = ready.pop_front() {
        order.push(task);
        for &next in &successors[task] {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.push_back(next);
            }
        }
    }
    order
}

fn ancestors(target: usize, predecessors: &[Vec<usize>]) -> HashSet<usize> {
    let mut seen = HashSet::from([target]);
    let mut queue = vec![target];
    while let Some(task) = queue.pop() {
        for &p in &predecessors[task] {
            if seen.insert(p) {
                queue.push(p);
            }
        }
    }
    seen
}

/// A task that is behind: past its due date, or due after a task waiting for it was
/// meant to start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlippedTask {
    pub task_id: String,
    pub title: String,
    /// Days past the due date; 0 when only a dependent is affected.
    pub days_overdue: i64,
    /// Tasks waiting for this one whose start date comes before its due date.
    pub holds_up: Vec<String>,
    /// The slip in a sentence, for the task list and the timeline's tooltip.
    pub reason: String,
}

/// Tasks not done that are overdue (due before `today`) or that hold up a dependent
/// (due after the day a task waiting for them starts; finishing on that same day is a
/// normal hand-over). In plan order.
pub fn slipped_tasks(tasks: &[Task], today: NaiveDate) -> Vec<SlippedTask> {
    let by_id: HashMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut held_up: HashMap<&str, Vec<&Task>> = HashMap::new();
    for dependent in tasks.iter().filter(|t| t.status != TaskStatus::Done) {
        for predecessor in dependent.predecessor_ids().filter_map(|id| by_id.get(id)) {
            if let (Some(due), Some(start)) = (predecessor.due_date, dependent.start_date) {
                if due > start {
                    held_up
                        .entry(predecessor.id.as_str())
                        .or_default()
                        .push(dependent);
                }
            }
        }
    }
    tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Done)
        .filter_map(|task| {
            let days_overdue = task
                .due_date
                .map_or(0, |due| (today - due).num_days().max(0));
            let holds_up = held_up.get(task.id.as_str()).cloned().unwrap_or_default();
            if days_overdue == 0 && holds_up.is_empty() {
                return None;
            }
            let mut parts = Vec::new();
            if days_overdue > 0 {
                let plural = if days_overdue == 1 { "" } else { "s" };
                parts.push(format!("{days_overdue} day{plural} overdue"));
            }
            if let (Some(first), Some(due)) = (holds_up.first(), task.due_date) {
                let others = match holds_up.len() - 1 {
                    0 => String::new(),
                    1 => " and 1 other task".to_owned(),
                    n => format!(" and {n} other tasks"),
                };
                parts.push(format!(
                    "due {} but '{}'{others} should start {}",
                    date_text(due),
                    first.title,
                    first.start_date.map(date_text).unwrap_or_default()
                ));
            }
            let mut reason = parts.join("; ");
            if let Some(first) = reason.get(..1) {
                reason = first.to_uppercase() + &reason[1..];
            }
            Some(SlippedTask {
                task_id: task.id.clone(),
                title: task.title.clone(),
                days_overdue,
                holds_up: holds_up.iter().map(|t| t.id.clone()).collect(),
                reason,
            })
        })
        .collect()
}

impl Store {
    /// The critical path of a rollout's plan to its go-live (see [`critical_path`]).
    pub fn critical_path(&self, rollout_id: &str) -> Result<CriticalPath> {
        let go_live = self.get_rollout(rollout_id)?.go_live_date;
        let tasks = self.read(|conn| list_live_tasks(conn, rollout_id))?;
        Ok(critical_path(&tasks, go_live))
    }

    /// A rollout's slipped tasks (see [`slipped_tasks`]).
    pub fn slipped_tasks(&self, rollout_id: &str, today: NaiveDate) -> Result<Vec<SlippedTask>> {
        let tasks = self.read(|conn| list_live_tasks(conn, rollout_id))?;
        Ok(slipped_tasks(&tasks, today))
    }
}
