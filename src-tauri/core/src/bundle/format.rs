//! The `.rollplan` bundle as serde structs. Field names are the database's column names,
//! so a record reads from and writes to its table without a hand-written mapping (see
//! `record.rs`). Every record that has an id is its own section, sorted by id, so the
//! same data always gives the same bytes and every reference is checked the same way.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::metrics::{Cadence, Direction, Indicator, MetricUnit, ThresholdLevel};
use crate::plan::{LinkType, TaskKind, TaskLink, TaskStatus};
use crate::readiness::{CriterionStatus, ReadinessCategory};
use crate::rollouts::{Phase, RolloutKind};
use crate::sops::{Sop, SopException, SopRelation, SopStatus, Step};
use crate::training::{RecordStatus, TrainingFormat};
use crate::workspace::{DecisionOutcome, Raci, RiskStatus};

/// What every bundle says in its `format` field.
pub const BUNDLE_FORMAT: &str = "rollplan-bundle";
/// The version of the format this Rollplan writes, and the newest it reads.
pub const BUNDLE_VERSION: u32 = 4;

/// One rollout with everything it links to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    /// When the bundle was written, UTC ISO-8601. Informative only: import ignores it.
    pub exported_at: String,
    /// Whether `people` carry directory fields (department, email, ...) and
    /// `training_records` are filled.
    pub include_people: bool,
    pub rollout: BundleRollout,
    pub phases: Vec<BundlePhase>,
    pub tasks: Vec<BundleTask>,
    pub dependencies: Vec<BundleDependency>,
    pub criteria: Vec<BundleCriterion>,
    pub risks: Vec<BundleRisk>,
    pub decisions: Vec<BundleDecision>,
    pub communications: Vec<BundleCommunication>,
    /// Saved weekly statuses of the rollout (version 4); older bundles have none.
    #[serde(default)]
    pub weekly_statuses: Vec<BundleStatus>,
    /// The rollout's debriefs (version 4); older bundles have none.
    #[serde(default)]
    pub debriefs: Vec<BundleDebrief>,
    /// The improvement cycles on the rollout's metrics (version 4, optional); bundles
    /// written before them have none.
    #[serde(default)]
    pub pdsa_cycles: Vec<BundlePdsaCycle>,
    pub stakeholders: Vec<BundleStakeholder>,
    pub scope_changes: Vec<BundleScopeChange>,
    pub training_modules: Vec<BundleTrainingModule>,
    pub training_requirements: Vec<BundleTrainingRequirement>,
    pub metrics: Vec<BundleMetric>,
    pub metric_thresholds: Vec<BundleThreshold>,
    pub metric_measurements: Vec<BundleMeasurement>,
    pub sops: Vec<BundleSop>,
    pub sop_revisions: Vec<BundleRevision>,
    pub roles: Vec<BundleRole>,
    pub people: Vec<BundlePerson>,
    /// Empty unless `include_people`.
    pub training_records: Vec<BundleTrainingRecord>,
    /// The readiness the sender saw when writing the bundle, so an import can say
    /// whether, and why, the rollout will read differently here. Bundles written before
    /// it existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness_as_sent: Option<SentReadiness>,
    /// The programme the rollout is a wave of, with its waves as the sender had them
    /// (version 4, optional); absent when it is in none, and from older bundles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<BundleProgramme>,
}

/// A programme and its waves, by rollout: the bundle's rollout is one of them; the
/// others are named so the receiver sees the whole programme, and join it on import
/// when their rollouts are here too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleProgramme {
    pub id: String,
    pub name: String,
    pub description: String,
    pub owner: String,
    /// In wave order, numbered by go-live as the sender saw them.
    pub waves: Vec<BundleWave>,
}

/// One wave of a programme as the sender saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleWave {
    pub number: i64,
    pub rollout_id: String,
    pub rollout_name: String,
    pub go_live_date: Option<NaiveDate>,
}

/// A rollout's readiness as its sender saw it on the day the bundle was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReadiness {
    pub as_of: NaiveDate,
    pub verdict: crate::readiness::Verdict,
    pub score: i64,
    /// People in required roles and how many of them were fully trained.
    pub people: i64,
    pub trained: i64,
    /// The hard gates not met, by label ("Front desk training").
    pub blocking: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleRollout {
    pub id: String,
    pub name: String,
    pub kind: RolloutKind,
    pub goal: String,
    pub sites: Vec<String>,
    pub sponsor: String,
    pub owner: String,
    pub start_date: Option<NaiveDate>,
    pub go_live_date: Option<NaiveDate>,
    pub phase: Phase,
    pub scope_in: String,
    pub scope_out: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundlePhase {
    pub id: String,
    pub name: String,
    pub position: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleTask {
    pub id: String,
    pub phase_id: Option<String>,
    pub title: String,
    pub kind: TaskKind,
    pub owner_id: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub notes: String,
}

/// `task_id` waits for `depends_on_id` as `link_type` says, `lag_days` after (negative:
/// before). Bundles before version 3 carry neither: their links are finish-to-start with
/// no lag, which is what they meant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleDependency {
    pub task_id: String,
    pub depends_on_id: String,
    #[serde(default)]
    pub link_type: LinkType,
    #[serde(default)]
    pub lag_days: i32,
}

impl BundleDependency {
    /// The link as the plan keeps it.
    pub fn link(&self) -> TaskLink {
        TaskLink {
            depends_on_id: self.depends_on_id.clone(),
            link_type: self.link_type,
            lag_days: self.lag_days,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleCriterion {
    pub id: String,
    pub category: ReadinessCategory,
    pub title: String,
    /// The person who owns it. Bundles written before criteria had one lack it.
    #[serde(default)]
    pub owner_id: Option<String>,
    /// The role that usually owns it; bundles written before criteria had a person
    /// called this field `owner` (free text), read here as the role.
    #[serde(default, alias = "owner")]
    pub owner_role: String,
    pub status: CriterionStatus,
    pub evidence: String,
    /// An http(s) link and a file's name; absent from older bundles.
    #[serde(default)]
    pub evidence_link: String,
    #[serde(default)]
    pub evidence_file: String,
    pub hard_gate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleRisk {
    pub id: String,
    pub title: String,
    pub likelihood: i64,
    pub impact: i64,
    pub mitigation: String,
    pub owner_id: Option<String>,
    pub trigger: String,
    pub status: RiskStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleDecision {
    pub id: String,
    pub decided_on: NaiveDate,
    pub title: String,
    pub constraints: String,
    pub options: String,
    pub choice: String,
    pub rationale: String,
    pub decided_by: String,
    pub verification: String,
    pub outcome: DecisionOutcome,
    pub outcome_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleCommunication {
    pub id: String,
    pub audience: String,
    pub channel: String,
    pub message: String,
    pub send_on: NaiveDate,
    pub owner_id: Option<String>,
    pub sent_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleStakeholder {
    pub id: String,
    pub name: String,
    pub is_group: bool,
    pub person_id: Option<String>,
    pub notes: String,
    pub awareness: Option<i64>,
    pub desire: Option<i64>,
    pub knowledge: Option<i64>,
    pub ability: Option<i64>,
    pub reinforcement: Option<i64>,
    /// In the order the stakeholder's RACI lists them.
    pub raci: Vec<BundleRaci>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleRaci {
    pub workstream: String,
    pub role: Raci,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleScopeChange {
    pub id: String,
    pub logged_on: NaiveDate,
    pub cut: String,
    pub reason: String,
    pub protected: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleTrainingModule {
    pub id: String,
    pub title: String,
    pub format: TrainingFormat,
    pub duration_minutes: i64,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleTrainingRequirement {
    pub id: String,
    pub role_id: String,
    pub module_id: String,
    pub due_date: NaiveDate,
    /// The sites or departments it is limited to; null for wherever the rollout is
    /// (bundles written before requirements had sites carry none).
    #[serde(default)]
    pub sites: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleMetric {
    pub id: String,
    pub name: String,
    pub definition: String,
    pub numerator: String,
    pub denominator: String,
    pub unit: MetricUnit,
    pub direction: Direction,
    pub indicator: Indicator,
    pub data_source: String,
    pub cadence: Cadence,
    pub owner_id: Option<String>,
    pub baseline_value: Option<f64>,
    pub baseline_date: Option<NaiveDate>,
    pub target_value: Option<f64>,
    pub target_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleThreshold {
    pub id: String,
    pub metric_id: String,
    pub level: ThresholdLevel,
    pub value: f64,
    pub action: String,
    pub owner_id: Option<String>,
    pub owner_role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleMeasurement {
    pub id: String,
    pub metric_id: String,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
    pub source: String,
}

/// An SOP's working copy, and how this rollout touches it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleSop {
    pub id: String,
    pub code: String,
    pub title: String,
    pub purpose: String,
    pub scope: String,
    pub owner: String,
    pub status: SopStatus,
    pub version: i64,
    pub effective_date: Option<NaiveDate>,
    pub review_interval_months: i64,
    pub next_review_override: Option<NaiveDate>,
    pub last_reviewed_on: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub steps: Vec<Step>,
    pub exceptions: Vec<SopException>,
    pub relation: SopRelation,
}

/// An approved, frozen version of an SOP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleRevision {
    pub id: String,
    pub sop_id: String,
    pub version: i64,
    pub approved_by: String,
    pub approved_at: String,
    pub effective_date: NaiveDate,
    pub snapshot: Sop,
}

/// An improvement cycle on one of the rollout's metrics: the change, the prediction,
/// the Do window and, once decided, the Act with the decision it wrote (`None` when that
/// decision does not travel).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundlePdsaCycle {
    pub id: String,
    pub metric_id: String,
    pub change: String,
    pub prediction_value: f64,
    pub prediction_date: NaiveDate,
    pub prediction_reason: String,
    pub do_from: NaiveDate,
    pub do_to: NaiveDate,
    pub act: Option<crate::improvement::PdsaAct>,
    pub act_rationale: String,
    pub act_on: Option<NaiveDate>,
    pub decision_id: Option<String>,
}

/// A debrief: its words, its links to the rollout's records, and the tasks its actions
/// became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleDebrief {
    pub id: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub expected: String,
    pub happened: String,
    pub broke: String,
    pub changed: String,
    pub next_check: String,
    pub links: Vec<crate::debriefs::DebriefLink>,
    pub action_task_ids: Vec<String>,
}

/// A saved weekly status: the draft as it was made, the manager's notes and hidden
/// items, and whether (and when) it was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleStatus {
    pub id: String,
    pub week_monday: NaiveDate,
    pub content: crate::status::StatusDraft,
    pub notes: std::collections::BTreeMap<String, String>,
    pub hidden: Vec<String>,
    pub state: crate::status::StatusState,
    pub sent_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleRole {
    pub id: String,
    pub name: String,
}

/// A person the rollout refers to. Without `include_people` only the name and role
/// travel; the directory fields are left out of the JSON entirely.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundlePerson {
    pub id: String,
    pub name: String,
    pub role_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub super_user: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Vendor staff, kept out of training. Travels even in a bundle without the
    /// directory fields (it says who the clinic trains, not who someone is); written
    /// only when true, so a bundle of staff reads as before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub external: bool,
}

impl BundlePerson {
    /// Leaves only what the default bundle shares: the name and the role.
    pub(crate) fn redact(&mut self) {
        self.department = None;
        self.email = None;
        self.super_user = None;
        self.active = None;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleTrainingRecord {
    pub id: String,
    pub person_id: String,
    pub module_id: String,
    pub status: RecordStatus,
    pub completed_on: Option<NaiveDate>,
    pub verified_by: Option<String>,
    pub score: Option<f64>,
    pub waived_reason: String,
}
