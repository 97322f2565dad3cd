//! The critical path to go-live, through links of every type and lag. A pure function
//! over a plan's tasks, so the benchmark and the tests can call it on any list; the
//! store method loads a rollout's plan first.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::network::{Edge, Links};
use super::{list_live_tasks, Task, TaskKind};
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
    /// Days from the start of the path's first task to the target's finish: the work
    /// along it, with the links' lags (less their leads).
    pub length_days: i64,
    /// Slack of every task that leads to the target (the target and the path have 0).
    /// Tasks that do not lead to it are not listed: they cannot delay it.
    pub slack: Vec<TaskSlack>,
}

/// The critical path of a plan, by the classic critical-path method on durations.
///
/// - A task's duration is [`Task::duration_days`]: days from start to due counting both,
///   0 for milestones and undated tasks. Days are counted from the plan's first day: a
///   task starting on day `s` with duration `d` finishes at the end of day `s + d - 1`,
///   written `s + d` (the next task can start then).
/// - Each link holds the waiting task back by its type and lag (negative: a lead):
///   finish-to-start, it starts at the earliest when the other finishes plus the lag;
///   start-to-start, when the other starts plus the lag; finish-to-finish, it finishes
///   at the earliest when the other finishes plus the lag; start-to-finish, it finishes
///   at the earliest when the other starts plus the lag. Nothing starts before day 0.
/// - The path ends at the go-live milestone: the milestone dated on `go_live`, else the
///   latest milestone, else (a plan without milestones) the task whose chain is longest.
/// - Only tasks that lead to that target (through dependencies) count. Each gets an
///   earliest start (the forward pass over the links) and a latest start (how late it
///   could begin without moving the target's finish: the backward pass); slack is the
///   difference. The critical path is the chain of links that hold, with no slack,
///   into the target.
///
/// Done tasks keep their durations: the path describes the plan as drawn, so the
/// timeline can mark it; what slipped is [`super::slipped_tasks`]' business.
pub fn critical_path(tasks: &[Task], go_live: Option<NaiveDate>) -> CriticalPath {
    let links = Links::of(tasks);
    let order = links.order();
    let duration: Vec<i64> = tasks.iter().map(Task::duration_days).collect();
    let mut earliest_start = vec![0i64; tasks.len()];
    for &task in &order {
        earliest_start[task] = links.predecessors[task]
            .iter()
            .map(|edge| required_start(edge, &earliest_start, &duration, task))
            .fold(0, i64::max);
    }
    let earliest_finish = |t: usize| earliest_start[t] + duration[t];

    let Some(target) = choose_target(tasks, go_live, &order, &earliest_finish) else {
        return CriticalPath::default();
    };
    let leads_to_target = links.ancestors(target);
    let end = earliest_finish(target);
    let mut latest_start: HashMap<usize, i64> = HashMap::new();
    for &task in order.iter().rev().filter(|t| leads_to_target.contains(t)) {
        let latest_finish = links.successors[task]
            .iter()
            .filter_map(|edge| {
                let successor_start = *latest_start.get(&edge.other)?;
                Some(latest_finish_before(edge, successor_start, &duration, task))
            })
            .min()
            .unwrap_or(end);
        latest_start.insert(task, latest_finish - duration[task]);
    }
    let slack_of = |t: usize| latest_start.get(&t).map_or(0, |ls| ls - earliest_start[t]);

    // Walk back from the target along the links that decide its start and have no
    // slack; ties go to the earlier due date so the path is the same on every call.
    let mut path = vec![target];
    let mut current = target;
    while let Some(edge) = links.predecessors[current]
        .iter()
        .filter(|edge| {
            required_start(edge, &earliest_start, &duration, current) == earliest_start[current]
                && slack_of(edge.other) == 0
        })
        .min_by_key(|edge| (tasks[edge.other].due_date, tasks[edge.other].id.as_str()))
    {
        path.push(edge.other);
        current = edge.other;
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

/// The earliest start of `task` that the link `edge` (to the task it waits for)
/// allows, on the forward pass.
fn required_start(edge: &Edge<'_>, earliest_start: &[i64], duration: &[i64], task: usize) -> i64 {
    let other = edge.other;
    let tied = if edge.link_type().from_start() {
        earliest_start[other]
    } else {
        earliest_start[other] + duration[other]
    };
    let held = tied + edge.lag();
    if edge.link_type().to_start() {
        held
    } else {
        held - duration[task]
    }
}

/// The latest finish of `task` that the link `edge` (to a task waiting for it, whose
/// latest start is `successor_start`) allows, on the backward pass.
fn latest_finish_before(
    edge: &Edge<'_>,
    successor_start: i64,
    duration: &[i64],
    task: usize,
) -> i64 {
    let held = if edge.link_type().to_start() {
        successor_start
    } else {
        successor_start + duration[edge.other]
    };
    let tied = held - edge.lag();
    if edge.link_type().from_start() {
        tied + duration[task]
    } else {
        tied
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

impl Store {
    /// The critical path of a rollout's plan to its go-live (see [`critical_path`]).
    pub fn critical_path(&self, rollout_id: &str) -> Result<CriticalPath> {
        let go_live = self.get_rollout(rollout_id)?.go_live_date;
        let tasks = self.read(|conn| list_live_tasks(conn, rollout_id))?;
        Ok(critical_path(&tasks, go_live))
    }
}
