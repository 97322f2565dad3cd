//! Go/no-go readiness: criteria grouped by people, process, technology, data and
//! support, and a verdict that weighs them together with the other sources that say
//! whether a clinic is ready — training completion today; SOPs and more later. Each
//! source turns its state into [`Signal`]s; the verdict only ever looks at signals, so
//! a new source is one more function that produces them.

mod criteria;
mod summary;
mod verdict;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use summary::RolloutStatus;
pub use verdict::{judge, Readiness, Reason, Signal, SignalSource, Verdict};

/// The five groups of go-live criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessCategory {
    #[default]
    People,
    Process,
    Technology,
    Data,
    Support,
}

coded_enum!(ReadinessCategory, "category", "category", {
    People => "people", "People";
    Process => "process", "Process";
    Technology => "technology", "Technology";
    Data => "data", "Data";
    Support => "support", "Support";
});

/// Where a criterion stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CriterionStatus {
    #[default]
    NotMet,
    AtRisk,
    Met,
}

coded_enum!(CriterionStatus, "status", "status", {
    NotMet => "not_met", "Not met";
    AtRisk => "at_risk", "At risk";
    Met => "met", "Met";
});

/// One go-live criterion of a rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Criterion {
    pub id: String,
    pub rollout_id: String,
    pub category: ReadinessCategory,
    pub title: String,
    pub owner: String,
    pub status: CriterionStatus,
    /// What shows it is met: a sign-off, a test log, a sample audit.
    pub evidence: String,
    /// Must be met before go-live, whatever the score.
    pub hard_gate: bool,
    pub row_version: i64,
}

/// The editable part of a criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CriterionDraft {
    pub category: ReadinessCategory,
    pub title: String,
    pub owner: String,
    pub status: CriterionStatus,
    pub evidence: String,
    pub hard_gate: bool,
}

pub(crate) use criteria::insert_criterion;
