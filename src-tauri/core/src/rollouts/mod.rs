//! Rollouts: the unit of work — an EHR go-live, an automation, a policy or a workflow
//! redesign, from planning to closed.
//!
//! All SQL of the `rollouts` table is in `store.rs`; `write.rs` gives every edit its one
//! shape (checked, versioned, recorded); `lifecycle.rs` and `settings.rs` are the entry
//! points.

mod lifecycle;
mod settings;
mod store;
mod validate;
mod write;

pub(crate) use store::{fetch as fetch_rollout, require_rollout};
pub(crate) use validate::{optional_date, required_date};
pub(crate) use write::{insert_draft, write_go_live};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of change a rollout brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RolloutKind {
    EhrGoLive,
    Automation,
    Policy,
    WorkflowRedesign,
    #[default]
    Other,
}

/// Where a rollout stands, in the order a rollout moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Planning,
    Preparing,
    GoLive,
    Stabilizing,
    Sustaining,
    Closed,
}

coded_enum!(RolloutKind, "kind", "kind", {
    EhrGoLive => "ehr_go_live", "EHR go-live";
    Automation => "automation", "Automation";
    Policy => "policy", "Policy / SOP";
    WorkflowRedesign => "workflow_redesign", "Workflow redesign";
    Other => "other", "Other";
});

coded_enum!(Phase, "phase", "phase", {
    Planning => "planning", "Planning";
    Preparing => "preparing", "Preparing";
    GoLive => "go_live", "Go-live";
    Stabilizing => "stabilizing", "Stabilizing";
    Sustaining => "sustaining", "Sustaining";
    Closed => "closed", "Closed";
});

/// What happens to the tasks that wait for a task when its dates change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleMode {
    /// They stay where they are and are marked slipped: the person decides.
    #[default]
    Flag,
    /// They move forward by what the link requires, once the person has seen the moves.
    Move,
}

coded_enum!(ScheduleMode, "scheduling", "schedule_mode", {
    Flag => "flag", "Only flag what waits for it";
    Move => "move", "Move what waits for it";
});

impl ScheduleMode {
    /// A rollout created from now on moves what waits for a task: its plan starts out
    /// consistent (a template's or a blank one), every move is shown before it is made
    /// and can be undone, so nothing shifts behind the person's back. Plans made before
    /// the choice existed keep flagging, as their dates were placed by hand.
    pub const FOR_NEW_ROLLOUTS: ScheduleMode = ScheduleMode::Move;
}

/// A rollout as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Rollout {
    pub id: String,
    pub name: String,
    pub kind: RolloutKind,
    /// Why the clinic is doing this, in a sentence or two.
    pub goal: String,
    /// Sites and departments the change reaches.
    pub sites: Vec<String>,
    /// The leader who champions the change (often a physician lead or the CMO).
    pub sponsor: String,
    /// Who runs the rollout day to day.
    pub owner: String,
    pub start_date: Option<NaiveDate>,
    pub go_live_date: Option<NaiveDate>,
    pub phase: Phase,
    pub scope_in: String,
    pub scope_out: String,
    /// What happens to the tasks that wait for a task when its dates change.
    pub schedule_mode: ScheduleMode,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was moved to the trash; `None` while it is live.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Grows by one with every update; an update must name the version it edits.
    pub row_version: i64,
}

/// Everything a person can edit on a rollout: the input of create and update.
///
/// Dates are text so that a mistyped one comes back as a message on its field rather
/// than as an undecodable request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RolloutDraft {
    pub name: String,
    pub kind: RolloutKind,
    pub goal: String,
    pub sites: Vec<String>,
    pub sponsor: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    pub start_date: Option<String>,
    /// `YYYY-MM-DD`, or empty.
    pub go_live_date: Option<String>,
    pub phase: Phase,
    pub scope_in: String,
    pub scope_out: String,
}

impl Rollout {
    /// The editable part of this rollout, ready to change and send back to update.
    pub fn draft(&self) -> RolloutDraft {
        RolloutDraft {
            name: self.name.clone(),
            kind: self.kind,
            goal: self.goal.clone(),
            sites: self.sites.clone(),
            sponsor: self.sponsor.clone(),
            owner: self.owner.clone(),
            start_date: self.start_date.map(crate::time::date_text),
            go_live_date: self.go_live_date.map(crate::time::date_text),
            phase: self.phase,
            scope_in: self.scope_in.clone(),
            scope_out: self.scope_out.clone(),
        }
    }

    /// Days from `today` to go-live: negative once it has passed, `None` without a date.
    pub fn days_to_go_live(&self, today: NaiveDate) -> Option<i64> {
        self.go_live_date.map(|date| (date - today).num_days())
    }
}

pub use validate::MAX_NAME_CHARS;
pub(crate) use validate::{MAX_SITE_CHARS, MAX_TEXT_CHARS};
