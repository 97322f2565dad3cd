//! The rollout plan: phases, tasks and milestones with dependencies of the four usual
//! types (finish-to-start, start-to-start, finish-to-finish, start-to-finish) and a
//! lag, and what a practice manager asks of it each week — what slipped, what the critical
//! path to go-live is, and what moving go-live would do.
//!
//! All SQL of the plan is in `store/`, one file per table; the rest works on values.
//!
//! Owners are people from the staff directory. A draft names its owner by person id or
//! by name (as typed or imported); a name nobody in the directory has is refused on the
//! field [`UNKNOWN_OWNER_FIELD`], so the UI can offer to add that person.

mod baselines;
mod dependencies;
mod find;
mod go_live;
mod graph;
mod import;
mod import_cells;
mod import_links;
mod import_owners;
mod import_refusal;
mod link;
mod links;
pub mod mspdi;
mod network;
mod phases;
mod precedence;
mod progress;
mod reschedule;
mod schedule;
mod shifts;
mod slipped;
mod store;
mod tasks;
mod validate;
mod view;

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Owners are people from the directory; the field is the directory's.
pub use crate::people::UNKNOWN_OWNER_FIELD;
pub use baselines::{
    baseline_line, Baseline, BaselineComparison, BaselineTaskDates, PlanBaselineView,
    MAX_BASELINE_NAME_CHARS,
};
pub use go_live::{GoLiveMove, GoLiveMoveScope};
pub use import::TaskImportReport;
pub use import_owners::{
    Namesake, OwnerChoice, OwnerDecision, OwnerToResolve, OwnersPolicy, TaskImportOptions,
};
pub use link::{lag_text, LinkType, TaskLink, MAX_LAG_DAYS};
pub use links::successor_moves;
pub use reschedule::TaskSave;
pub use schedule::{critical_path, CriticalPath, TaskSlack};
pub use shifts::{DatesUndo, GoLiveUndo, TaskDatesUndo, TaskShift};
pub use slipped::{slipped_tasks, SlippedTask};
pub use view::{PlanOpening, PlanSignals, PlanView};

pub(crate) use baselines::plan_baseline;
pub(crate) use go_live::add_days;
pub(crate) use graph::DependencyGraph;
pub(crate) use import_cells::parse_import_date;
pub(crate) use phases::find_or_insert_phase;
pub(crate) use store::tasks::{
    first_live as first_live_tasks, list_live as list_live_tasks, open_tasks_due_by,
    overdue_and_blocked_by_rollout,
};
pub(crate) use tasks::insert_task;
pub use tasks::GridEdit;
pub(crate) use validate::MAX_TITLE_CHARS;

/// A task is work over days; a milestone is a moment (go-live, sign-off) on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    #[default]
    Task,
    Milestone,
}

coded_enum!(TaskKind, "kind", "kind", {
    Task => "task", "Task";
    Milestone => "milestone", "Milestone";
});

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    Todo,
    Doing,
    Blocked,
    Done,
}

coded_enum!(TaskStatus, "status", "status", {
    Todo => "todo", "To do";
    Doing => "doing", "Doing";
    Blocked => "blocked", "Blocked";
    Done => "done", "Done";
});

/// A stage of a rollout's plan ("Build & validation", "Cutover"), in plan order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanPhase {
    pub id: String,
    pub rollout_id: String,
    pub name: String,
    /// Order within the rollout, from 1.
    pub position: i64,
    pub row_version: i64,
}

/// A task or milestone of a rollout's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Task {
    pub id: String,
    pub rollout_id: String,
    pub phase_id: Option<String>,
    /// The phase's name; empty without a phase.
    pub phase_name: String,
    pub title: String,
    pub kind: TaskKind,
    /// The person from the directory who owns the task.
    pub owner_id: Option<String>,
    /// The owner's name; empty without an owner.
    pub owner_name: String,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub status: TaskStatus,
    /// How far along it is, 0 to 100: 100 exactly when it is done.
    pub percent_complete: u8,
    pub notes: String,
    /// The task's number in its plan (the "ID" of MS Project): given once, in plan
    /// order, and never reused within the rollout.
    pub number: i64,
    /// The tasks this one waits for and how (live ones only), ordered by their due
    /// dates.
    pub depends_on: Vec<TaskLink>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub row_version: i64,
}

/// Everything a person can edit on a task: the input of create and update.
///
/// Dates are text so that a mistyped one comes back as a message on its field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TaskDraft {
    pub title: String,
    pub phase_id: Option<String>,
    pub kind: TaskKind,
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    /// `YYYY-MM-DD`, or empty. A milestone's start is its date.
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`, or empty. Required for a milestone.
    pub due_date: Option<String>,
    pub status: TaskStatus,
    /// 0 to 100; `None` leaves it to the status (see `progress.rs`): 100 when done,
    /// otherwise what it was.
    pub percent_complete: Option<u8>,
    pub notes: String,
}

impl Task {
    /// `draft` with its owner written as this task's owner's id when it names them by
    /// the name they already have: two people may share a name, and a task saved with
    /// its owner untouched (its title typed in the grid, say) keeps the one chosen
    /// rather than asking again which of them it means.
    pub(crate) fn keeping_owner<'a>(&self, draft: &'a TaskDraft) -> Cow<'a, TaskDraft> {
        match &self.owner_id {
            Some(id)
                if !self.owner_name.is_empty() && draft.owner.trim() == self.owner_name.trim() =>
            {
                Cow::Owned(TaskDraft {
                    owner: id.clone(),
                    ..draft.clone()
                })
            }
            _ => Cow::Borrowed(draft),
        }
    }

    /// The editable part of this task, ready to change and send back to update.
    pub fn draft(&self) -> TaskDraft {
        TaskDraft {
            title: self.title.clone(),
            phase_id: self.phase_id.clone(),
            kind: self.kind,
            owner: self.owner_id.clone().unwrap_or_default(),
            start_date: self.start_date.map(crate::time::date_text),
            due_date: self.due_date.map(crate::time::date_text),
            status: self.status,
            percent_complete: Some(self.percent_complete),
            notes: self.notes.clone(),
        }
    }

    /// The ids of the tasks this one waits for, whatever the links' types.
    pub fn predecessor_ids(&self) -> impl Iterator<Item = &str> {
        self.depends_on
            .iter()
            .map(|link| link.depends_on_id.as_str())
    }

    /// Days of work counting both start and due (a one-day task takes 1); a milestone,
    /// or a task missing a date, takes none.
    pub fn duration_days(&self) -> i64 {
        match (self.kind, self.start_date, self.due_date) {
            (TaskKind::Task, Some(start), Some(due)) => (due - start).num_days().max(0) + 1,
            _ => 0,
        }
    }
}
