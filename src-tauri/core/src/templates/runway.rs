//! A template on a short runway. A template dates its plan back from go-live; when
//! go-live is nearer than the template's lead time, the plan as drawn starts in the
//! past — tasks already overdue, messages already late. Before creating, the person
//! sees that and chooses: compress the plan to the days left, or keep the template's
//! durations. Pure: values in, values out; the store only writes the chosen layout.
//!
//! Compressing keeps the shape of the plan: every day before go-live is mapped onto the
//! days left by one scale (so each step keeps its place relative to the others and its
//! length shrinks in proportion), then a pass in dependency order makes each step start
//! only once what it waits for is due — on the next day after a task, on the day of a
//! milestone — and lasts at least a day. Nothing after go-live moves. If that pass
//! pushes anything past go-live (one-day minimums add up on a very short runway), the
//! scale is tightened and the plan laid out again. The critical path of the result fits
//! the runway, since the tasks of a chain then occupy separate days before go-live.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::catalogue::Builtin;
use super::runway_words::{compress_summary, headline, keep_consequences};
use super::Content;
use crate::plan::{add_days, critical_path, Task, TaskKind, TaskLink, TaskStatus};

/// What to do with a template whose plan does not fit before go-live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateFit {
    /// Scale the plan into the days between today and go-live.
    Compress,
    /// Keep the template's durations; the plan starts in the past.
    Keep,
}

coded_enum!(TemplateFit, "fit", "fit", {
    Compress => "compress", "Compress to the runway";
    Keep => "keep", "Keep the template's durations";
});

/// A message the template would date before today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LateMessage {
    pub audience: String,
    pub message: String,
    pub send_on: NaiveDate,
    pub days_late: i64,
}

/// What a template's plan looks like on the runway between today and go-live, and what
/// each choice would mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RunwayCheck {
    pub template: String,
    pub go_live: NaiveDate,
    pub today: NaiveDate,
    /// Days from today to go-live.
    pub runway_days: i64,
    /// Days the template plans before go-live.
    pub lead_days: i64,
    /// The template's critical path to go-live, in days of work.
    pub critical_path_days: i64,
    /// Whether the template as drawn would date anything before today: then the person
    /// chooses; otherwise nothing is asked.
    pub short: bool,
    /// Whether the plan can be compressed into the runway (at least a day per task).
    pub can_compress: bool,
    /// The critical path after compressing, when it can be.
    pub compressed_critical_path_days: Option<i64>,
    /// Tasks that would already be overdue if kept as drawn.
    pub overdue_tasks: Vec<String>,
    /// Tasks that would have started before today (not yet due) if kept as drawn.
    pub started_tasks: Vec<String>,
    /// Milestones that would be in the past if kept as drawn.
    pub past_milestones: Vec<String>,
    /// Messages that would be late if kept as drawn.
    pub late_messages: Vec<LateMessage>,
    /// The situation in a sentence.
    pub headline: String,
    /// What keeping the template's durations means, a sentence each.
    pub keep_consequences: Vec<String>,
    /// What compressing means (or why it cannot be done), in a sentence.
    pub compress_summary: String,
}

/// Where a template's steps (start, due) and messages land, in days from go-live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    pub steps: Vec<(i64, i64)>,
    pub comms: Vec<i64>,
}

impl Layout {
    /// The template as drawn.
    pub(super) fn as_drawn(content: &Content) -> Self {
        Self {
            steps: content.steps.iter().map(|s| (s.3, s.4)).collect(),
            comms: content.comms.iter().map(|c| c.3).collect(),
        }
    }

    /// The first day of the plan, in days from go-live.
    pub(super) fn first_day(&self) -> i64 {
        self.steps.iter().map(|s| s.0).min().unwrap_or(0)
    }
}

/// The runway check of `template` for a go-live on `go_live`, seen on `today`.
pub(super) fn check(template: &Builtin, go_live: NaiveDate, today: NaiveDate) -> RunwayCheck {
    let content = template.content;
    let drawn = Layout::as_drawn(content);
    let runway_days = (go_live - today).num_days();
    let lead_days = -drawn
        .steps
        .iter()
        .map(|s| s.0)
        .chain(drawn.comms.iter().copied())
        .min()
        .unwrap_or(0)
        .min(0);
    let day = |offset: i64| add_days(go_live, offset);
    let critical_path_days = path_days(content, &drawn, go_live);
    let (mut overdue_tasks, mut started_tasks, mut past_milestones) = (vec![], vec![], vec![]);
    for (step, &(start, due)) in content.steps.iter().zip(&drawn.steps) {
        let title = step.2.to_owned();
        match step.0 {
            TaskKind::Milestone if day(due) < today => past_milestones.push(title),
            TaskKind::Task if day(due) < today => overdue_tasks.push(title),
            TaskKind::Task if day(start) < today => started_tasks.push(title),
            _ => {}
        }
    }
    let late_messages: Vec<LateMessage> = content
        .comms
        .iter()
        .filter(|c| day(c.3) < today)
        .map(|c| LateMessage {
            audience: c.0.to_owned(),
            message: c.2.to_owned(),
            send_on: day(c.3),
            days_late: (today - day(c.3)).num_days(),
        })
        .collect();
    let short = lead_days > runway_days;
    let compressed = compress(content, runway_days);
    let compressed_critical_path_days = compressed
        .as_ref()
        .map(|layout| path_days(content, layout, go_live));
    let mut check = RunwayCheck {
        template: template.name.to_owned(),
        go_live,
        today,
        runway_days,
        lead_days,
        critical_path_days,
        short,
        can_compress: compressed.is_some(),
        compressed_critical_path_days,
        overdue_tasks,
        started_tasks,
        past_milestones,
        late_messages,
        headline: String::new(),
        keep_consequences: Vec::new(),
        compress_summary: String::new(),
    };
    check.headline = headline(template.title, &check);
    check.keep_consequences = keep_consequences(&check);
    check.compress_summary = compress_summary(&check);
    check
}

/// The layout the person chose, or `None` if compressing cannot fit the runway.
pub(super) fn layout(content: &Content, fit: TemplateFit, runway_days: i64) -> Option<Layout> {
    match fit {
        TemplateFit::Keep => Some(Layout::as_drawn(content)),
        TemplateFit::Compress => compress(content, runway_days),
    }
}

/// The template's plan scaled into `runway_days` before go-live (the module's rule), or
/// `None` if even a day per task does not fit.
fn compress(content: &Content, runway_days: i64) -> Option<Layout> {
    let drawn = Layout::as_drawn(content);
    let lead = -drawn
        .steps
        .iter()
        .map(|s| s.0)
        .chain(drawn.comms.iter().copied())
        .min()
        .unwrap_or(0);
    if lead <= runway_days {
        return Some(drawn);
    }
    let order = step_order(content);
    let mut scale = runway_days;
    while scale >= 1 {
        let layout = lay_out(content, &order, lead, scale);
        let overflow = content
            .steps
            .iter()
            .zip(&layout.steps)
            .zip(&drawn.steps)
            .map(|((step, &(start, due)), &(drawn_start, drawn_due))| {
                if drawn_start >= 0 {
                    // Nothing after go-live moves: any push there overflows the runway.
                    start - drawn_start
                } else if drawn_due >= 0 {
                    due - drawn_due
                } else if step.0 == TaskKind::Task {
                    // Work before go-live is due by the day before it.
                    due + 1
                } else {
                    due
                }
            })
            .max()
            .unwrap_or(0);
        if overflow <= 0 {
            return Some(layout);
        }
        scale -= overflow.max(1);
    }
    None
}

/// Lays the plan out with the days before go-live scaled by `scale / lead` (see the
/// module's rule). Days are boundaries: a task from `s` to `d` occupies `[s, d + 1)`.
fn lay_out(content: &Content, order: &[usize], lead: i64, scale: i64) -> Layout {
    // Rounds to the nearest day, and never reorders two days (it is monotonic).
    let map = |day: i64| {
        if day >= 0 {
            day
        } else {
            (2 * day * scale + lead).div_euclid(2 * lead)
        }
    };
    let by_title: HashMap<&str, usize> = content
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.2, i))
        .collect();
    // For each step, its new start and the first day a step waiting for it may start.
    let mut placed: Vec<(i64, i64)> = vec![(0, 0); content.steps.len()];
    let mut ready: Vec<i64> = vec![i64::MIN; content.steps.len()];
    for &i in order {
        let step = &content.steps[i];
        let earliest = step
            .5
            .iter()
            .filter_map(|title| by_title.get(title))
            .map(|&p| ready[p])
            .max()
            .unwrap_or(i64::MIN);
        let start = map(step.3).max(earliest);
        if step.0 == TaskKind::Task {
            let length = (map(step.4 + 1) - map(step.3)).max(1);
            placed[i] = (start, start + length - 1);
            ready[i] = start + length;
        } else {
            placed[i] = (start, start);
            ready[i] = start;
        }
    }
    Layout {
        steps: placed,
        comms: content.comms.iter().map(|c| map(c.3)).collect(),
    }
}

/// The steps in an order where each comes after the steps it waits for.
fn step_order(content: &Content) -> Vec<usize> {
    let mut order = Vec::with_capacity(content.steps.len());
    let mut done = vec![false; content.steps.len()];
    // Templates are a few dozen steps: repeated passes are plenty.
    while order.len() < content.steps.len() {
        let before = order.len();
        for (i, step) in content.steps.iter().enumerate() {
            let ready = step.5.iter().all(|title| {
                content
                    .steps
                    .iter()
                    .position(|s| s.2 == *title)
                    .is_none_or(|p| done[p])
            });
            if !done[i] && ready {
                done[i] = true;
                order.push(i);
            }
        }
        if order.len() == before {
            // A loop (the template tests rule it out): the rest in table order.
            order.extend((0..content.steps.len()).filter(|&i| !done[i]));
        }
    }
    order
}

/// The critical path, in days, of the plan laid out as `layout` before `go_live`.
fn path_days(content: &Content, layout: &Layout, go_live: NaiveDate) -> i64 {
    let tasks: Vec<Task> = content
        .steps
        .iter()
        .zip(&layout.steps)
        .map(|(step, &(start, due))| Task {
            id: step.2.to_owned(),
            rollout_id: String::new(),
            phase_id: None,
            phase_name: String::new(),
            title: step.2.to_owned(),
            kind: step.0,
            owner_id: None,
            owner_name: String::new(),
            start_date: Some(add_days(go_live, start)),
            due_date: Some(add_days(go_live, due)),
            status: TaskStatus::Todo,
            percent_complete: 0,
            notes: String::new(),
            number: 0,
            depends_on: step
                .5
                .iter()
                .map(|t| TaskLink::finish_to_start(*t))
                .collect(),
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
            deleted_at: None,
            row_version: 0,
        })
        .collect();
    critical_path(&tasks, Some(go_live)).length_days
}
