//! Training: modules, per-rollout requirements (which role needs which module by when),
//! and each person's record. "No training, no login": requirements assign records to
//! everyone in the role, and completion per role feeds a rollout's readiness.

mod due;
mod history;
mod ids;
mod matrix;
mod modules;
mod progress;
mod records;
mod requirements;
mod sites;
mod standing;
mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use due::{DueList, DUE_READS};
pub use due::{DuePage, DueTraining};
pub(crate) use matrix::{completion_in, completion_of_every_rollout};
pub use matrix::{MatrixCell, MatrixFilter, MatrixRow, RoleCompletion, TrainingMatrix};
pub use progress::{trained_percent, TrainingProgress};
pub(crate) use standing::{completion_kept_or_read, Standing};
pub(crate) use store::requirements::set_trashed as set_requirement_trashed;
pub(crate) use store::standing::{completion_on, progress_on, READS as STANDING_READS};
pub(crate) use store::{
    assign_missing_records, complete_in, insert_module, insert_requirement, NewRequirement,
};

/// How a module is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrainingFormat {
    #[default]
    ELearning,
    Classroom,
    AtTheElbow,
    TipSheet,
    ProficiencyCheck,
}

coded_enum!(TrainingFormat, "format", "format", {
    ELearning => "e_learning", "E-learning";
    Classroom => "classroom", "Classroom";
    AtTheElbow => "at_the_elbow", "At the elbow";
    TipSheet => "tip_sheet", "Tip sheet";
    ProficiencyCheck => "proficiency_check", "Proficiency check";
});

/// Where a person stands on one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    #[default]
    Assigned,
    InProgress,
    Completed,
    Waived,
}

coded_enum!(RecordStatus, "status", "status", {
    Assigned => "assigned", "Assigned";
    InProgress => "in_progress", "In progress";
    Completed => "completed", "Completed";
    Waived => "waived", "Waived";
});

impl RecordStatus {
    /// Completed or waived: nothing more is expected of the person.
    pub fn is_done(self) -> bool {
        matches!(self, Self::Completed | Self::Waived)
    }
}

/// A training module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrainingModule {
    pub id: String,
    pub title: String,
    pub format: TrainingFormat,
    pub duration_minutes: i64,
    pub description: String,
    pub row_version: i64,
}

/// The editable part of a module.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ModuleDraft {
    pub title: String,
    pub format: TrainingFormat,
    pub duration_minutes: i64,
    pub description: String,
}

/// A role needing a module for a rollout, by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Requirement {
    pub id: String,
    pub rollout_id: String,
    pub role_id: String,
    pub role_name: String,
    pub module_id: String,
    pub module_title: String,
    pub due_date: NaiveDate,
    /// The sites or departments it is limited to; none means wherever the rollout is
    /// (its sites, or everyone when it names none).
    pub sites: Vec<String>,
    /// When the requirement last changed: a calendar export's LAST-MODIFIED.
    pub updated_at: DateTime<Utc>,
    /// Rises with every change: a calendar export's SEQUENCE.
    pub row_version: i64,
}

/// One person's record for one module.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrainingRecord {
    pub id: String,
    pub person_id: String,
    pub module_id: String,
    pub status: RecordStatus,
    pub completed_on: Option<NaiveDate>,
    pub verified_by: Option<String>,
    pub score: Option<f64>,
    pub waived_reason: String,
    pub row_version: i64,
}

/// The editable part of a record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecordDraft {
    pub status: RecordStatus,
    /// `YYYY-MM-DD`; required when completed, never in the future.
    pub completed_on: Option<String>,
    /// The person (trainer or super-user) who verified the completion.
    pub verified_by: Option<String>,
    /// 0–100, for a proficiency check.
    pub score: Option<f64>,
    /// Required when waived.
    pub waived_reason: String,
}
