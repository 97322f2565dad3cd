//! The rest of the rollout workspace around the plan: risks, decisions, communications,
//! stakeholders and the scope-cut log, and the overview that pulls a rollout together.
//! Owners are people from the directory, named the same way as a plan's task owners.

mod comms;
mod decisions;
pub(crate) mod edit;
mod overview;
mod risks;
mod scope;
mod stakeholders;

pub use comms::{Communication, CommunicationDraft};
pub use decisions::{Decision, DecisionDraft, DecisionOutcome};
pub use overview::RolloutOverview;
pub use risks::{Risk, RiskBand, RiskDraft, RiskHeatMap, RiskStatus};
pub use scope::{ScopeChange, ScopeChangeDraft};
pub use stakeholders::{
    Adkar, AdkarBarrier, AdkarStage, Raci, RaciAssignment, Stakeholder, StakeholderDraft,
    ADKAR_BARRIER_BELOW,
};

pub(crate) use comms::insert_communication;
pub(crate) use decisions::insert_decision;
pub(crate) use risks::insert_risk;
pub(crate) use scope::insert_scope_change;
pub(crate) use stakeholders::insert_stakeholder;
