//! What the map holds before anything is placed: the lanes in the order a reader meets
//! them, each step in its lane, each exception tied to its step (or to the start) and
//! to the lane it is escalated to. No geometry here; `layout` places this.

use super::sla::{read_time_limit, TimeLimit};
use crate::sops::Sop;

/// The name of the lane for steps that name no role.
pub(super) const UNASSIGNED: &str = "Unassigned";

pub(super) struct Plan {
    pub lanes: Vec<PlanLane>,
    pub steps: Vec<PlanStep>,
    pub exceptions: Vec<PlanException>,
}

pub(super) struct PlanLane {
    pub name: String,
    pub unassigned: bool,
    /// Whether any step is drawn in it (a lane only escalated to has none).
    pub has_steps: bool,
}

pub(super) struct PlanStep {
    pub lane: usize,
    pub instruction: String,
    /// The quality check, trimmed; `None` when the step has none.
    pub check: Option<String>,
}

pub(super) struct PlanException {
    /// The step (0-based) it branches from; `None` for the start.
    pub at: Option<usize>,
    /// True when it names a step that is no longer in the SOP.
    pub step_removed: bool,
    pub trigger: String,
    pub action: String,
    /// The lane it is escalated to, and to whom as written.
    pub escalation: Option<(usize, String)>,
    pub time_limit: Option<TimeLimit>,
    pub evidence: Option<String>,
}

/// The lane key of a role: roles that differ only in case or surrounding spaces are
/// the same role.
fn key(role: &str) -> String {
    role.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

pub(super) fn build(sop: &Sop) -> Plan {
    let mut lanes: Vec<PlanLane> = Vec::new();
    let mut keys: Vec<Option<String>> = Vec::new();
    let mut lane_of = |lanes: &mut Vec<PlanLane>, role: &str, has_steps: bool| -> usize {
        // A blank role (possible in imported data or an old snapshot, though the editor
        // refuses it) goes to the Unassigned lane, which a named role never matches.
        let wanted = non_empty(role).map(|r| key(&r));
        if let Some(index) = keys.iter().position(|k| *k == wanted) {
            lanes[index].has_steps |= has_steps;
            return index;
        }
        keys.push(wanted.clone());
        lanes.push(PlanLane {
            name: non_empty(role).unwrap_or_else(|| UNASSIGNED.to_owned()),
            unassigned: wanted.is_none(),
            has_steps,
        });
        lanes.len() - 1
    };
    let steps: Vec<PlanStep> = sop
        .steps
        .iter()
        .map(|step| PlanStep {
            lane: lane_of(&mut lanes, &step.role, true),
            instruction: step.instruction.trim().to_owned(),
            check: non_empty(&step.quality_check),
        })
        .collect();
    let exceptions = sop
        .exceptions
        .iter()
        .map(|exception| {
            let named = exception
                .step_id
                .as_deref()
                .filter(|id| !id.trim().is_empty());
            let at = named.and_then(|id| sop.steps.iter().position(|s| s.id == id));
            PlanException {
                at,
                step_removed: named.is_some() && at.is_none(),
                trigger: exception.trigger.trim().to_owned(),
                action: exception.action.trim().to_owned(),
                escalation: non_empty(&exception.escalate_to)
                    .map(|to| (lane_of(&mut lanes, &to, false), to)),
                time_limit: read_time_limit(&exception.within),
                evidence: non_empty(&exception.evidence),
            }
        })
        .collect();
    Plan {
        lanes,
        steps,
        exceptions,
    }
}
