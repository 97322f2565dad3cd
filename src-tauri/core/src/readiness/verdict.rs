//! The verdict: a readiness score and go / no-go with its reasons, judged from signals.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Criterion, CriterionStatus, ReadinessCategory};
use crate::sops::{linked_sops_in, LinkedSop, SopStatus};
use crate::store::Conn;
use crate::training::{completion_in, RoleCompletion, TrainingProgress};
use crate::{Result, Store};

/// Where a signal comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignalSource {
    Criterion,
    Training,
    Sop,
}

/// One thing that counts towards readiness, from any source.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Signal {
    pub source: SignalSource,
    pub category: ReadinessCategory,
    pub label: String,
    pub status: CriterionStatus,
    /// Must be met before go-live, whatever the score.
    pub hard_gate: bool,
    /// How far along, from 0 to 1 (met is 1).
    pub progress: f64,
    /// A line of evidence or arithmetic ("14 of 18 trained; 4 overdue").
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Go,
    NoGo,
    /// Nothing to judge yet: no criteria and no training requirements.
    NotAssessed,
}

coded_enum!(Verdict, "verdict", "verdict", {
    Go => "go", "Go";
    NoGo => "no_go", "No-go";
    NotAssessed => "not_assessed", "Not assessed";
});

/// Why the verdict is what it is; blocking reasons come first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reason {
    /// A hard gate that is not met: it alone makes the verdict no-go.
    pub blocking: bool,
    pub source: SignalSource,
    pub text: String,
}

/// A rollout's readiness.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Readiness {
    pub verdict: Verdict,
    /// 0–100: progress weighted twice for hard gates.
    pub score: i64,
    pub reasons: Vec<Reason>,
    pub signals: Vec<Signal>,
    /// The rollout's trained %, the same figure Home and the exports show.
    pub training: TrainingProgress,
}

/// Judges readiness from signals: no-go while any hard gate is not met.
pub fn judge(signals: Vec<Signal>) -> Readiness {
    if signals.is_empty() {
        return Readiness {
            verdict: Verdict::NotAssessed,
            score: 0,
            reasons: Vec::new(),
            signals,
            training: TrainingProgress::default(),
        };
    }
    let (verdict, score) = weigh(signals.iter().map(|s| (s.hard_gate, s.status, s.progress)));

    // Unmet hard gates first, then hard gates at risk, then the rest; otherwise each
    // source keeps its own order (the sort is stable).
    let mut unmet: Vec<&Signal> = signals
        .iter()
        .filter(|s| s.status != CriterionStatus::Met)
        .collect();
    unmet.sort_by_key(|s| (!s.hard_gate, s.status != CriterionStatus::NotMet));
    let reasons: Vec<Reason> = unmet
        .into_iter()
        .map(|s| {
            let state = match s.status {
                CriterionStatus::AtRisk => "at risk",
                _ => "not met",
            };
            let kind = match (s.hard_gate, s.source) {
                (true, _) => "Hard gate",
                (false, SignalSource::Sop) => "SOP",
                (false, _) => "Criterion",
            };
            let detail = if s.detail.is_empty() {
                String::new()
            } else {
                format!(" — {}", s.detail)
            };
            Reason {
                blocking: s.hard_gate,
                source: s.source,
                text: format!("{kind} {state}: {}{detail}", s.label),
            }
        })
        .collect();
    Readiness {
        verdict,
        score,
        reasons,
        signals,
        training: TrainingProgress::default(),
    }
}

/// The verdict and score of signals given in order as (hard gate, status, progress): the
/// score is progress weighted twice for hard gates, and any hard gate not met makes it
/// no-go. [`judge`] weighs full signals with it; Home weighs just these three values,
/// without the labels and details only the reasons need.
pub(crate) fn weigh(
    signals: impl IntoIterator<Item = (bool, CriterionStatus, f64)>,
) -> (Verdict, i64) {
    let (mut total, mut earned) = (0.0_f64, 0.0_f64);
    let (mut any, mut blocked) = (false, false);
    for (hard_gate, status, progress) in signals {
        let weight = if hard_gate { 2.0 } else { 1.0 };
        total += weight;
        earned += weight * progress.clamp(0.0, 1.0);
        any = true;
        blocked |= hard_gate && status != CriterionStatus::Met;
    }
    match (any, blocked) {
        (false, _) => (Verdict::NotAssessed, 0),
        (true, blocked) => (
            if blocked { Verdict::NoGo } else { Verdict::Go },
            (earned / total * 100.0).round() as i64,
        ),
    }
}

/// The verdict and score [`readiness_from`] would give, from the states alone: each
/// criterion's status and hard gate, the training completion, each linked SOP's status
/// (each list in the order readiness lists them).
pub(crate) fn verdict_and_score(
    criteria: &[(CriterionStatus, bool)],
    completion: &[RoleCompletion],
    sops: &[SopStatus],
) -> (Verdict, i64) {
    let criteria = criteria
        .iter()
        .map(|&(status, hard_gate)| (hard_gate, status, criterion_progress(status)));
    let training = completion
        .iter()
        .filter(|role| role.people > 0)
        .map(|role| {
            let (status, progress) = training_state(role);
            (true, status, progress)
        });
    let sops = sops.iter().map(|&sop| {
        let (status, progress) = sop_state(sop);
        (false, status, progress)
    });
    weigh(criteria.chain(training).chain(sops))
}

fn criterion_progress(status: CriterionStatus) -> f64 {
    match status {
        CriterionStatus::Met => 1.0,
        CriterionStatus::AtRisk => 0.5,
        CriterionStatus::NotMet => 0.0,
    }
}

/// A role's training: met when everyone is trained, not met once someone is overdue.
fn training_state(role: &RoleCompletion) -> (CriterionStatus, f64) {
    let status = if role.trained == role.people {
        CriterionStatus::Met
    } else if role.overdue > 0 {
        CriterionStatus::NotMet
    } else {
        CriterionStatus::AtRisk
    };
    (status, role.trained as f64 / role.people as f64)
}

fn sop_state(status: SopStatus) -> (CriterionStatus, f64) {
    match status {
        SopStatus::Approved => (CriterionStatus::Met, 1.0),
        SopStatus::InReview => (CriterionStatus::AtRisk, 0.5),
        SopStatus::Draft | SopStatus::Retired => (CriterionStatus::AtRisk, 0.0),
    }
}

impl Store {
    /// A rollout's readiness from its criteria, its training completion and its SOPs.
    pub fn rollout_readiness(&self, rollout_id: &str, today: NaiveDate) -> Result<Readiness> {
        self.read_with_completion(rollout_id, today, |conn, completion| {
            readiness_with_completion(conn, rollout_id, completion)
        })
    }
}

/// [`Store::rollout_readiness`] inside a caller's transaction: a bundle import weighs
/// the rollout it is about to write with it.
pub(crate) fn readiness_in(conn: &Conn, rollout_id: &str, today: NaiveDate) -> Result<Readiness> {
    readiness_with_completion(conn, rollout_id, &completion_in(conn, rollout_id, today)?)
}

/// A rollout's readiness as it is but for its training, which is `completion`: what a
/// roster import would change it from, weighed after the import has changed the people.
pub(crate) fn readiness_with_completion(
    conn: &Conn,
    rollout_id: &str,
    completion: &[RoleCompletion],
) -> Result<Readiness> {
    Ok(readiness_from(
        super::store::list(conn, rollout_id)?,
        completion,
        &linked_sops_in(conn, rollout_id)?,
    ))
}

/// The verdict from a rollout's criteria (in list order), training completion and linked
/// SOPs: criteria first, then training, then SOPs.
pub(crate) fn readiness_from(
    criteria: Vec<Criterion>,
    completion: &[RoleCompletion],
    sops: &[LinkedSop],
) -> Readiness {
    let mut signals: Vec<Signal> = criteria
        .into_iter()
        .map(|c| Signal {
            source: SignalSource::Criterion,
            category: c.category,
            label: c.title,
            status: c.status,
            hard_gate: c.hard_gate,
            progress: criterion_progress(c.status),
            detail: c.evidence,
        })
        .collect();
    signals.extend(training_signals(completion));
    signals.extend(sop_signals(sops));
    Readiness {
        training: TrainingProgress::of_roles(completion),
        ..judge(signals)
    }
}

/// "No training, no login": every role's training is a hard gate, met when everyone in
/// the role has completed (or been excused from) what the rollout requires of it.
fn training_signals(completion: &[RoleCompletion]) -> Vec<Signal> {
    completion
        .iter()
        .filter(|role| role.people > 0)
        .map(|role| {
            let (status, progress) = training_state(role);
            let mut detail = format!("{} of {} trained", role.trained, role.people);
            if role.overdue > 0 {
                detail.push_str(&format!("; {} overdue", role.overdue));
            }
            Signal {
                source: SignalSource::Training,
                category: ReadinessCategory::People,
                label: format!("{} training", role.role_name),
                status,
                hard_gate: true,
                progress,
                detail,
            }
        })
        .collect()
}

/// A go-live with its procedures still unapproved is a warning, not a gate: staff can
/// work from a draft, but nobody has signed it off.
fn sop_signals(sops: &[LinkedSop]) -> Vec<Signal> {
    sops.iter()
        .map(|linked| {
            let sop = &linked.sop;
            let (status, progress) = sop_state(sop.status);
            let detail = match sop.status {
                SopStatus::Approved => format!("version {} approved", sop.version),
                SopStatus::InReview => format!("version {} is in review", sop.version),
                SopStatus::Draft => format!("version {} is still a draft", sop.version),
                SopStatus::Retired => "retired".to_owned(),
            };
            Signal {
                source: SignalSource::Sop,
                category: ReadinessCategory::Process,
                label: format!("{} {}", sop.code, sop.title),
                status,
                hard_gate: false,
                progress,
                detail,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signal(label: &str, status: CriterionStatus, hard_gate: bool) -> Signal {
        Signal {
            source: SignalSource::Criterion,
            category: ReadinessCategory::Technology,
            label: label.into(),
            status,
            hard_gate,
            progress: match status {
                CriterionStatus::Met => 1.0,
                CriterionStatus::AtRisk => 0.5,
                CriterionStatus::NotMet => 0.0,
            },
            detail: String::new(),
        }
    }

    #[test]
    fn nothing_to_judge_is_not_assessed() {
        assert_eq!(judge(Vec::new()).verdict, Verdict::NotAssessed);
    }

    #[test]
    fn an_unmet_hard_gate_is_no_go_whatever_the_score() {
        let mut signals: Vec<Signal> = (0..9)
            .map(|i| signal(&format!("Printer {i}"), CriterionStatus::Met, false))
            .collect();
        signals.push(signal(
            "Integrated testing signed off",
            CriterionStatus::AtRisk,
            true,
        ));
        let readiness = judge(signals);
        assert_eq!(readiness.verdict, Verdict::NoGo);
        assert_eq!(readiness.score, 91, "(9 + 2 x 0.5) / 11");
        assert!(readiness.reasons[0].blocking);
        assert_eq!(
            readiness.reasons[0].text,
            "Hard gate at risk: Integrated testing signed off"
        );
    }

    #[test]
    fn unmet_soft_criteria_warn_but_do_not_block() {
        let readiness = judge(vec![
            signal("Huddle times set", CriterionStatus::NotMet, false),
            signal("Downtime forms printed", CriterionStatus::Met, true),
        ]);
        assert_eq!(readiness.verdict, Verdict::Go);
        assert_eq!(readiness.reasons.len(), 1);
        assert!(!readiness.reasons[0].blocking);
    }

    #[test]
    fn unmet_hard_gates_come_first_then_those_at_risk() {
        let readiness = judge(vec![
            signal("Soft one", CriterionStatus::NotMet, false),
            signal("Hard at risk", CriterionStatus::AtRisk, true),
            signal("Hard unmet", CriterionStatus::NotMet, true),
        ]);
        let order: Vec<&str> = readiness.reasons.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            order,
            [
                "Hard gate not met: Hard unmet",
                "Hard gate at risk: Hard at risk",
                "Criterion not met: Soft one"
            ]
        );
    }
}
