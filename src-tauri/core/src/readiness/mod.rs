//! Go/no-go readiness: criteria grouped by people, process, technology, data and
//! support, and a verdict that weighs them together with the other sources that say
//! whether a clinic is ready — training completion today; SOPs and more later. Each
//! source turns its state into [`Signal`]s; the verdict only ever looks at signals, so
//! a new source is one more function that produces them.

mod criteria;
mod draft;
mod store;
mod summary;
mod trend;
mod verdict;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use store::list as list_criteria_in;
pub use summary::RolloutStatus;
pub(crate) use summary::{HomeCounts, HOME_COUNTS_READS};
pub(crate) use trend::readiness_then;
pub use trend::{ReadinessPoint, ReadinessTrend};
pub use verdict::{judge, Readiness, Reason, Signal, SignalSource, Verdict};
pub(crate) use verdict::{readiness_in, readiness_with_completion};

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
    /// The person from the directory who owns it, if one is named.
    pub owner_id: Option<String>,
    pub owner_name: String,
    /// The role that usually owns it ("Training lead"), shown until a person is named.
    pub owner_role: String,
    pub status: CriterionStatus,
    /// What shows it is met, in words: a sign-off, a test log, a sample audit.
    pub evidence: String,
    /// Where the evidence is: an http(s) address.
    pub evidence_link: String,
    /// The evidence's file, by name ("Integrated test sign-off.pdf").
    pub evidence_file: String,
    /// Must be met before go-live, whatever the score.
    pub hard_gate: bool,
    pub row_version: i64,
}

impl Criterion {
    /// The editable part of this criterion, ready to change and send back to update.
    pub fn draft(&self) -> CriterionDraft {
        CriterionDraft {
            category: self.category,
            title: self.title.clone(),
            owner: self.owner_id.clone().unwrap_or_default(),
            owner_role: self.owner_role.clone(),
            status: self.status,
            evidence: self.evidence.clone(),
            evidence_link: self.evidence_link.clone(),
            evidence_file: self.evidence_file.clone(),
            hard_gate: self.hard_gate,
        }
    }

    /// Who owns it, as a reader of an export sees it: the person, else the usual role
    /// marked as a role, else nothing.
    pub fn owner_text(&self) -> String {
        match (self.owner_name.is_empty(), self.owner_role.is_empty()) {
            (false, _) => self.owner_name.clone(),
            (true, false) => format!("{} (role)", self.owner_role),
            (true, true) => String::new(),
        }
    }

    /// All of its evidence in one text: the note, then the link and the file on lines
    /// of their own.
    pub fn evidence_text(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        if !self.evidence.is_empty() {
            lines.push(self.evidence.clone());
        }
        if !self.evidence_link.is_empty() {
            lines.push(format!("Link: {}", self.evidence_link));
        }
        if !self.evidence_file.is_empty() {
            lines.push(format!("File: {}", self.evidence_file));
        }
        lines.join("\n")
    }
}

/// The editable part of a criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CriterionDraft {
    pub category: ReadinessCategory,
    pub title: String,
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    pub owner_role: String,
    pub status: CriterionStatus,
    pub evidence: String,
    pub evidence_link: String,
    pub evidence_file: String,
    pub hard_gate: bool,
}

pub(crate) use draft::link_problem;
pub(crate) use store::insert_criterion;

#[cfg(test)]
mod tests;
pub(crate) use draft::MAX_FILE_NAME;
