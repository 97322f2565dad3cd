//! One row of the escalation table per exception: its SOP, the step it applies to
//! (or the whole procedure), the trigger, whom it goes to and the time limit as the
//! map reads it, and the rollouts the SOP belongs to.

use serde::Serialize;
use ts_rs::TS;

use crate::sops::map::read_time_limit;
use crate::sops::{LinkedRollout, Sop};

/// An exception as the escalation table lists it, every value already in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EscalationRow {
    pub sop_id: String,
    pub sop_code: String,
    pub sop_title: String,
    pub sop_version: i64,
    /// False when no version is approved yet and the draft is shown.
    pub in_force: bool,
    /// "Step 3: Run the eligibility check", "Whole procedure", or the removed step's
    /// warning.
    pub step: String,
    /// The number of the step it applies to; `None` for the whole procedure.
    pub step_number: Option<usize>,
    /// The role of that step; empty for the whole procedure.
    pub step_role: String,
    pub trigger: String,
    pub action: String,
    pub escalate_to: String,
    /// The time limit as the map's arrow says it ("within 15 minutes", "immediately"),
    /// the text as written when it is not a duration, or "No time limit".
    pub time_limit: String,
    /// Minutes, when the limit is a duration (for sorting by urgency).
    pub minutes: Option<i64>,
    /// Set when the limit is written but is not one Rollplan can read.
    pub limit_flag: Option<String>,
    pub evidence: String,
    /// The names of the rollouts that introduce or change the SOP, soonest go-live
    /// first, and their ids in the same order.
    pub rollouts: Vec<String>,
    pub rollout_ids: Vec<String>,
}

/// The rows of one SOP's exceptions, in the SOP's order.
pub(super) fn of_sop(
    sop_id: &str,
    sop: &Sop,
    in_force: bool,
    linked: &[LinkedRollout],
) -> Vec<EscalationRow> {
    sop.exceptions
        .iter()
        .map(|exception| {
            let at = exception
                .step_id
                .as_deref()
                .filter(|id| !id.is_empty())
                .map(|id| sop.steps.iter().position(|s| s.id == id));
            let (step, step_number, step_role) = match at {
                None => ("Whole procedure".to_owned(), None, String::new()),
                Some(None) => (
                    "Its step was removed: choose the step again".to_owned(),
                    None,
                    String::new(),
                ),
                Some(Some(index)) => {
                    let s = &sop.steps[index];
                    (
                        format!("Step {}: {}", index + 1, s.instruction),
                        Some(index + 1),
                        s.role.clone(),
                    )
                }
            };
            let limit = read_time_limit(&exception.within);
            let (time_limit, minutes, limit_flag) = match limit {
                None => ("No time limit".to_owned(), None, None),
                Some(limit) => {
                    let flag = (!limit.readable).then(|| {
                        format!(
                            "\"{}\" is not a time limit that can be measured: give a duration such as 15 minutes.",
                            exception.within.trim()
                        )
                    });
                    (limit.label, limit.minutes, flag)
                }
            };
            EscalationRow {
                sop_id: sop_id.to_owned(),
                sop_code: sop.code.clone(),
                sop_title: sop.title.clone(),
                sop_version: sop.version,
                in_force,
                step,
                step_number,
                step_role,
                trigger: exception.trigger.clone(),
                action: exception.action.clone(),
                escalate_to: exception.escalate_to.clone(),
                time_limit,
                minutes,
                limit_flag,
                evidence: exception.evidence.clone(),
                rollouts: linked.iter().map(|l| l.rollout_name.clone()).collect(),
                rollout_ids: linked.iter().map(|l| l.rollout_id.clone()).collect(),
            }
        })
        .collect()
}
