//! The Plan section of a standard report, chosen once for every document format: a plan
//! small enough to read whole is listed whole; a big one (a 2,000-task enterprise
//! rollout) is told by phase, milestones, the critical path and the work that needs
//! someone now — overdue, blocked, due in the next four weeks — each list capped and
//! counted, with every task left to the appendix of an Everything report.

use chrono::{Days, NaiveDate};

use super::RolloutReport;
use crate::plan::{Task, TaskKind, TaskStatus};

/// Plans up to this many tasks are listed in full even in a standard report.
pub(crate) const FULL_PLAN_TASKS: usize = 60;
/// Rows of each list of a summarised plan.
pub(crate) const LIST_ROWS: usize = 40;
/// How far ahead "due soon" looks.
const DUE_SOON_DAYS: u64 = 27;

/// One phase's figures.
pub(crate) struct PhaseFigures {
    pub name: String,
    pub tasks: usize,
    pub done: usize,
    pub overdue: usize,
    pub blocked: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// A capped list: the rows shown and how many there are in all.
pub(crate) struct Capped<'a> {
    pub rows: Vec<&'a Task>,
    pub total: usize,
}

/// What a summarised Plan section holds.
pub(crate) struct PlanDigest<'a> {
    pub phases: Vec<PhaseFigures>,
    pub milestones: Capped<'a>,
    pub critical: Capped<'a>,
    pub overdue: Capped<'a>,
    pub blocked: Capped<'a>,
    pub due_soon: Capped<'a>,
}

/// Whether the plan is small enough to list every task in a standard report.
pub(crate) fn lists_every_task(report: &RolloutReport) -> bool {
    report.tasks.len() <= FULL_PLAN_TASKS
}

impl<'a> PlanDigest<'a> {
    pub fn of(report: &'a RolloutReport) -> Self {
        let today = report.as_of;
        let soon = today
            .checked_add_days(Days::new(DUE_SOON_DAYS))
            .unwrap_or(today);
        let overdue =
            |t: &Task| t.status != TaskStatus::Done && t.due_date.is_some_and(|d| d < today);
        let phases = report
            .phases
            .iter()
            .map(|p| (p.name.clone(), Some(p.id.as_str())))
            .chain([(crate::presentation::UNPHASED_GROUP.to_owned(), None)])
            .filter_map(|(name, id)| {
                let tasks: Vec<&Task> = report
                    .tasks
                    .iter()
                    .filter(|t| t.phase_id.as_deref() == id)
                    .collect();
                (!tasks.is_empty()).then(|| PhaseFigures {
                    name,
                    tasks: tasks.len(),
                    done: tasks
                        .iter()
                        .filter(|t| t.status == TaskStatus::Done)
                        .count(),
                    overdue: tasks.iter().filter(|t| overdue(t)).count(),
                    blocked: tasks
                        .iter()
                        .filter(|t| t.status == TaskStatus::Blocked)
                        .count(),
                    first: tasks
                        .iter()
                        .filter_map(|t| t.start_date.or(t.due_date))
                        .min(),
                    last: tasks.iter().filter_map(|t| t.due_date).max(),
                })
            })
            .collect();
        let mut milestones: Vec<&Task> = report
            .tasks
            .iter()
            .filter(|t| t.kind == TaskKind::Milestone)
            .collect();
        milestones.sort_by_key(|t| t.due_date);
        let critical: Vec<&Task> = report
            .critical_path
            .task_ids
            .iter()
            .filter_map(|id| report.task(id))
            .collect();
        let mut due_soon: Vec<&Task> = report
            .tasks
            .iter()
            .filter(|t| {
                t.status != TaskStatus::Done
                    && t.status != TaskStatus::Blocked
                    && t.due_date.is_some_and(|d| d >= today && d <= soon)
            })
            .collect();
        due_soon.sort_by_key(|t| t.due_date);
        Self {
            phases,
            milestones: capped(milestones),
            critical: capped(critical),
            overdue: capped(report.overview.overdue.iter().collect()),
            blocked: capped(report.overview.blocked.iter().collect()),
            due_soon: capped(due_soon),
        }
    }
}

fn capped(mut rows: Vec<&Task>) -> Capped<'_> {
    let total = rows.len();
    rows.truncate(LIST_ROWS);
    Capped { rows, total }
}

impl<'a> PlanDigest<'a> {
    /// The digest's task lists with their headings, in the order every format shows
    /// them.
    pub fn lists(&self) -> [(&'static str, &Capped<'a>); 5] {
        [
            ("Milestones", &self.milestones),
            ("Critical path", &self.critical),
            ("Overdue", &self.overdue),
            ("Blocked", &self.blocked),
            ("Due in the next four weeks", &self.due_soon),
        ]
    }

    /// "Critical path: 97 days of work to Go-live."; `None` without a critical path.
    pub fn critical_path_line(&self, report: &RolloutReport) -> Option<String> {
        (!report.critical_path.task_ids.is_empty()).then(|| {
            format!(
                "Critical path: {} days of work to {}.",
                report.critical_path.length_days,
                self.critical
                    .rows
                    .last()
                    .map_or("go-live", |t| t.title.as_str())
            )
        })
    }
}

impl Capped<'_> {
    /// "Showing 40 of 212 — …", when rows were left out.
    pub fn more_text(&self, where_all: &str) -> Option<String> {
        (self.total > self.rows.len()).then(|| {
            format!(
                "Showing {} of {}; {where_all}.",
                self.rows.len(),
                self.total
            )
        })
    }
}

/// Where every task is listed, as the summarised section says it.
pub(crate) fn where_every_task(everything: bool) -> &'static str {
    if everything {
        "the appendix lists every task"
    } else {
        "a report with everything lists every task in its appendix"
    }
}

/// The line that opens a summarised Plan section.
pub(crate) fn digest_intro(report: &RolloutReport, everything: bool) -> String {
    format!(
        "This plan has {} tasks. This section gives each phase's figures, the milestones, the critical path and the work that needs someone now; {}.",
        report.tasks.len(),
        where_every_task(everything)
    )
}
