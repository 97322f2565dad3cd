//! Around each plan: the go/no-go checklist (met in full once past go-live), risks,
//! decisions with their outcomes, the communications plan (sent when its date has
//! passed), stakeholder groups with RACI and ADKAR, and the scope log.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::rng::Rng;
use super::workspace_text::{COMMS, CRITERIA, DECISIONS, GROUPS, RISKS};
use crate::plan::add_days;
use crate::readiness::{insert_criterion, CriterionDraft, CriterionStatus};
use crate::rollouts::Rollout;
use crate::time::date_text;
use crate::workspace::{
    insert_communication, insert_decision, insert_risk, insert_scope_change, insert_stakeholder,
    Adkar, CommunicationDraft, DecisionDraft, DecisionOutcome, RaciAssignment, RiskDraft,
    RiskStatus, ScopeChangeDraft, StakeholderDraft,
};
use crate::Result;

pub(super) fn seed(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    rollout: &Rollout,
    owners: &[(String, String)],
    today: NaiveDate,
) -> Result<()> {
    let go_live = rollout.go_live_date.unwrap_or(today);
    let start = rollout.start_date.unwrap_or(add_days(go_live, -180));
    let past_go_live = go_live < today;
    // (id, name) of someone from the rollout's team.
    let someone = |rng: &mut Rng| rng.pick(owners).clone();

    for &(category, title, hard_gate) in CRITERIA {
        if !hard_gate && rng.chance(0.3) {
            continue;
        }
        let status = match rng.unit() {
            _ if past_go_live => CriterionStatus::Met,
            r if r < 0.45 => CriterionStatus::Met,
            r if r < 0.75 => CriterionStatus::AtRisk,
            _ => CriterionStatus::NotMet,
        };
        let draft = CriterionDraft {
            category,
            title: title.to_owned(),
            owner: someone(rng).0,
            status,
            evidence: if status == CriterionStatus::Met {
                "Signed off at the weekly review".into()
            } else {
                String::new()
            },
            hard_gate,
            ..CriterionDraft::default()
        };
        insert_criterion(tx, &rollout.id, &draft)?;
    }
    for _ in 0..rng.between(3, 8) {
        let &(title, likelihood, impact, mitigation, trigger) = rng.pick(RISKS);
        let status = match rng.unit() {
            _ if past_go_live => RiskStatus::Closed,
            r if r < 0.5 => RiskStatus::Open,
            _ => RiskStatus::Mitigating,
        };
        insert_risk(
            tx,
            &rollout.id,
            &RiskDraft {
                title: title.to_owned(),
                likelihood: (likelihood + rng.between(-1, 1)).clamp(1, 5),
                impact,
                mitigation: mitigation.to_owned(),
                owner: someone(rng).0,
                trigger: trigger.to_owned(),
                status,
            },
        )?;
    }
    let decided_until = today.min(add_days(go_live, 60));
    let span = (decided_until - start).num_days().max(1);
    for _ in 0..rng.between(2, 5) {
        let &(title, constraints, options, choice, rationale, verification) = rng.pick(DECISIONS);
        let decided_on = add_days(start, rng.between(0, span - 1));
        let outcome = match rng.unit() {
            r if (today - decided_on).num_days() > 90 && r < 0.7 => DecisionOutcome::Held,
            r if (today - decided_on).num_days() > 90 && r < 0.8 => DecisionOutcome::DidNotHold,
            _ => DecisionOutcome::NotYetKnown,
        };
        insert_decision(
            tx,
            &rollout.id,
            &DecisionDraft {
                decided_on: date_text(decided_on),
                title: title.to_owned(),
                constraints: constraints.to_owned(),
                options: options.to_owned(),
                choice: choice.to_owned(),
                rationale: rationale.to_owned(),
                decided_by: format!("Steering committee ({})", someone(rng).1),
                verification: verification.to_owned(),
                outcome,
                outcome_note: match outcome {
                    DecisionOutcome::Held => "Checked at the 90-day review".into(),
                    DecisionOutcome::DidNotHold => "Reopened at the 90-day review".into(),
                    DecisionOutcome::NotYetKnown => String::new(),
                },
            },
        )?;
    }
    for &(audience, channel, message, day) in COMMS {
        if rng.chance(0.25) {
            continue;
        }
        let send_on = add_days(go_live, day + rng.between(-3, 3));
        let sent = send_on < today && rng.chance(0.95);
        insert_communication(
            tx,
            &rollout.id,
            &CommunicationDraft {
                audience: audience.to_owned(),
                channel: channel.to_owned(),
                message: message.to_owned(),
                send_on: date_text(send_on),
                owner: someone(rng).0,
                sent_on: sent.then(|| date_text(send_on)),
            },
        )?;
    }
    let first = rng.below(GROUPS.len());
    for k in 0..rng.between(3, 6) as usize {
        let (name, raci) = GROUPS[(first + k) % GROUPS.len()];
        let mut stage = || Some(rng.between(if past_go_live { 3 } else { 1 }, 5));
        let adkar = Adkar {
            awareness: stage(),
            desire: stage(),
            knowledge: stage(),
            ability: stage(),
            reinforcement: stage(),
        };
        insert_stakeholder(
            tx,
            &rollout.id,
            &StakeholderDraft {
                name: name.to_owned(),
                is_group: true,
                raci: raci
                    .iter()
                    .map(|&(workstream, role)| RaciAssignment {
                        workstream: workstream.to_owned(),
                        role,
                    })
                    .collect(),
                adkar,
                ..StakeholderDraft::default()
            },
        )?;
    }
    if rng.chance(0.6) {
        insert_scope_change(
            tx,
            &rollout.id,
            &ScopeChangeDraft {
                logged_on: date_text(add_days(start, span / 2)),
                cut: rollout.scope_out.clone(),
                reason: "Not ready in time for go-live; revisit at the stabilization review".into(),
                protected: "The go-live date and reduced schedules".into(),
            },
        )?;
    }
    Ok(())
}
