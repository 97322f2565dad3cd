//! The plan's week: tasks completed, started, newly blocked and slipped. A slip is one
//! of two things, and [`SlipKind`] says which: the due date was moved later during the
//! week (by how many days), or the task came past its due date during the week and was
//! not done by the week's end (how many days late it stood then).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::changes::{created, field_then, set_during, When};
use super::sources::RolloutWeek;
use super::week::StatusWeek;
use super::{SectionKind, StatusItem, Tone};
use crate::metrics::format::full_date;
use crate::plan::{critical_path, Task, TaskStatus};
use crate::time::{date_text, parse_date};

/// The fields of a task whose changes over the week the status reads: every entry of
/// the week is read with these alone (see [`crate::audit::entries_since_of_fields`]).
pub(crate) const FIELDS_READ: [&str; 2] = ["status", "due_date"];

/// Why a task counts as slipped this week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlipKind {
    /// The due date was moved later during the week.
    DueDateMoved { from: NaiveDate, to: NaiveDate },
    /// Due before the week's end and not done by then.
    PastDue { due: NaiveDate },
}

/// How a task slipped in the week, by how many days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TaskSlip {
    pub kind: SlipKind,
    pub days: i64,
}

/// A task as it stood at the week's start and end.
struct TaskWeek<'a> {
    task: &'a Task,
    status_start: Option<TaskStatus>,
    status_end: TaskStatus,
    due_start: Option<NaiveDate>,
    due_end: Option<NaiveDate>,
    /// The day it was last set to each status in the week.
    set_on: [Option<String>; 3],
}

fn task_weeks(sources: &RolloutWeek) -> Vec<TaskWeek<'_>> {
    let week = &sources.week;
    sources
        .plan
        .tasks
        .iter()
        .filter_map(|task| {
            let entries = sources.plan.task_entries.about(&task.id);
            if created(entries, week) == When::After {
                return None;
            }
            let (status_end, status_start) =
                field_then(task.status.code(), entries, "status", week);
            let due = task.due_date.map(date_text).unwrap_or_default();
            let (due_end, due_start) = field_then(&due, entries, "due_date", week);
            let set = |status: TaskStatus| set_during(entries, "status", status.code(), week);
            Some(TaskWeek {
                task,
                status_start: status_start.as_deref().and_then(TaskStatus::from_code),
                status_end: TaskStatus::from_code(&status_end).unwrap_or(task.status),
                due_start: due_start.as_deref().and_then(parse_date),
                due_end: parse_date(&due_end),
                set_on: [
                    set(TaskStatus::Doing),
                    set(TaskStatus::Blocked),
                    set(TaskStatus::Done),
                ],
            })
        })
        .collect()
}

/// The tasks that slipped in the week, in plan order (a task can slip both ways), with
/// the task as it stood.
fn slips<'a, 'w>(
    weeks: &'w [TaskWeek<'a>],
    week: &StatusWeek,
) -> Vec<(&'w TaskWeek<'a>, TaskSlip)> {
    let mut found = Vec::new();
    for t in weeks {
        if let (Some(from), Some(to)) = (t.due_start, t.due_end) {
            if to > from {
                found.push((
                    t,
                    TaskSlip {
                        kind: SlipKind::DueDateMoved { from, to },
                        days: (to - from).num_days(),
                    },
                ));
            }
        }
        // Came past due during the week: due on the eve at the earliest (overdue from
        // the Monday), before the as-of day at the latest.
        if let Some(due) = t.due_end {
            if due >= week.eve() && due < week.as_of && t.status_end != TaskStatus::Done {
                found.push((
                    t,
                    TaskSlip {
                        kind: SlipKind::PastDue { due },
                        days: (week.as_of - due).num_days(),
                    },
                ));
            }
        }
    }
    found
}

/// The plan's news: (section, item) pairs.
pub(crate) fn items(sources: &RolloutWeek) -> Vec<(SectionKind, StatusItem)> {
    let rollout = &sources.rollout;
    let critical: HashSet<String> = critical_path(&sources.plan.tasks, rollout.go_live_date)
        .task_ids
        .into_iter()
        .collect();
    let who = |task: &Task| {
        if task.owner_name.is_empty() {
            rollout.owner.clone()
        } else {
            task.owner_name.clone()
        }
    };
    // How many open tasks wait for each task, counted once: a week of a 5,000-task plan
    // can slip or block a thousand of them, and counting anew for each was most of the
    // draft's time.
    let mut waiting_for: HashMap<&str, usize> = HashMap::new();
    for t in sources
        .plan
        .tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Done)
    {
        for id in t.predecessor_ids() {
            *waiting_for.entry(id).or_default() += 1;
        }
    }
    let waiting = |task: &Task| waiting_for.get(task.id.as_str()).copied().unwrap_or(0);
    let impact = |task: &Task| {
        if critical.contains(&task.id) {
            match rollout.go_live_date {
                Some(go_live) => format!(
                    "On the critical path: go-live ({}) moves unless it is recovered",
                    full_date(go_live)
                ),
                None => "On the critical path".to_owned(),
            }
        } else {
            match waiting(task) {
                0 => "Not on the critical path".to_owned(),
                1 => "Not on the critical path; 1 task waits for it".to_owned(),
                n => format!("Not on the critical path; {n} tasks wait for it"),
            }
        }
    };
    let tone = |task: &Task| {
        if critical.contains(&task.id) {
            Tone::Bad
        } else {
            Tone::Watch
        }
    };
    let item =
        |key: String, tone: Tone, happened: String, impact: String, action: &str, who| StatusItem {
            key,
            tone,
            rollout_name: rollout.name.clone(),
            happened,
            impact,
            action: action.to_owned(),
            who,
        };
    let mut news = Vec::new();
    let weeks = task_weeks(sources);
    for (t, slip) in slips(&weeks, &sources.week) {
        let task = t.task;
        let days = days_text(slip.days);
        let (key, happened) = match slip.kind {
            SlipKind::DueDateMoved { from, to } => (
                format!("task-moved:{}", task.id),
                format!(
                    "{}: due date moved from {} to {} ({days} later)",
                    task.title,
                    full_date(from),
                    full_date(to)
                ),
            ),
            SlipKind::PastDue { due } => (
                format!("task-late:{}", task.id),
                format!(
                    "{}: due {}, not done ({days} late at {})",
                    task.title,
                    full_date(due),
                    full_date(sources.week.as_of)
                ),
            ),
        };
        news.push((
            SectionKind::Slipped,
            item(
                key,
                tone(task),
                happened,
                impact(task),
                "Agree a recovery date and what it needs",
                who(task),
            ),
        ));
    }
    for t in &weeks {
        let task = t.task;
        let [started_on, blocked_on, done_on] = &t.set_on;
        if let (Some(on), TaskStatus::Done) = (done_on, t.status_end) {
            news.push((
                SectionKind::Completed,
                item(
                    format!("task-done:{}", task.id),
                    Tone::Good,
                    format!("{}: completed on {}", task.title, day_text(on)),
                    String::new(),
                    "",
                    who(task),
                ),
            ));
        }
        let was_blocked = t.status_start == Some(TaskStatus::Blocked);
        if let (Some(on), TaskStatus::Blocked, false) = (blocked_on, t.status_end, was_blocked) {
            news.push((
                SectionKind::Blocked,
                item(
                    format!("task-blocked:{}", task.id),
                    tone(task),
                    format!("{}: blocked since {}", task.title, day_text(on)),
                    impact(task),
                    "Clear what blocks it, or escalate to the rollout owner",
                    who(task),
                ),
            ));
        }
        let was_started = matches!(
            t.status_start,
            Some(TaskStatus::Doing | TaskStatus::Done | TaskStatus::Blocked)
        );
        if let (Some(on), TaskStatus::Doing, false) = (started_on, t.status_end, was_started) {
            let due = t
                .due_end
                .map(|d| format!("due {}", full_date(d)))
                .unwrap_or_else(|| "no due date".to_owned());
            news.push((
                SectionKind::Started,
                item(
                    format!("task-started:{}", task.id),
                    Tone::Neutral,
                    format!("{}: started on {} ({due})", task.title, day_text(on)),
                    String::new(),
                    "",
                    who(task),
                ),
            ));
        }
    }
    news
}

/// "1 day", "3 days".
pub(crate) fn days_text(days: i64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

/// A stored `YYYY-MM-DD` day in words.
fn day_text(day: &str) -> String {
    parse_date(day).map_or_else(|| day.to_owned(), full_date)
}
