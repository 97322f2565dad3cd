//! The rest of the rollout workspace around the plan: risks, decisions, communications,
//! stakeholders and the scope-cut log, and the overview that pulls a rollout together.
//! Owners are people from the directory, named the same way as a plan's task owners.
//!
//! Each kind of record is its types, its checks ([`record::Record`]) and its entry
//! points on [`crate::Store`]; how all of them are stored is one shape in [`store`].

mod comms;
mod decisions;
pub(crate) mod edit;
mod overview;
mod record;
mod risks;
mod scope;
mod stakeholders;
mod store;

pub use comms::{Communication, CommunicationDraft};
pub use decisions::{Decision, DecisionDraft, DecisionOutcome};
pub use overview::{RolloutOverview, TASKS_SHOWN};
pub use risks::{Risk, RiskBand, RiskDraft, RiskHeatMap, RiskStatus};
pub use scope::{ScopeChange, ScopeChangeDraft};
pub use stakeholders::{
    Adkar, AdkarBarrier, AdkarStage, Raci, RaciAssignment, Stakeholder, StakeholderDraft,
    ADKAR_BARRIER_BELOW,
};

pub(crate) use stakeholders::ValidStakeholder;
pub(crate) use store::{
    insert_communication, insert_decision, insert_risk, insert_scope_change, insert_stakeholder,
    list as list_records,
};
