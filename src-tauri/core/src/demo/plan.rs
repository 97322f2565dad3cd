//! The sample clinic's plans mid-flight: the EHR go-live seven weeks out with work done,
//! some slipped and one blocked; the SMS pilot live for nine days. Risks, decisions,
//! comms (one overdue), stakeholders with RACI and ADKAR, and the scope log.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::shift;
use crate::plan::TaskStatus;
use crate::rollouts::Rollout;
use crate::templates::{automation_content, ehr_content, fill};
use crate::time::date_text;
use crate::workspace::{
    insert_communication, insert_decision, insert_risk, insert_scope_change, insert_stakeholder,
    Adkar, CommunicationDraft, DecisionDraft, DecisionOutcome, Raci, RaciAssignment, RiskDraft,
    ScopeChangeDraft, StakeholderDraft,
};
use crate::{CoreError, Result};

/// Steps that fell behind or are stuck, whatever their dates say.
const SLIPPED: &[&str] = &[
    "Build interfaces (lab, imaging, clearinghouse, HIE)",
    "Build documentation templates",
    "Name super-users (about 1 per 8-10 users)",
];
const BLOCKED: &[&str] = &[
    "Live-test interfaces",
    "Measure weekly against baseline and target",
];

/// Done before today, under way today, to do after — except the slipped and blocked.
fn progress(today: NaiveDate) -> impl Fn(&str, NaiveDate, NaiveDate) -> (TaskStatus, &'static str) {
    move |title, start, due| {
        let status = if BLOCKED.contains(&title) {
            TaskStatus::Blocked
        } else if SLIPPED.contains(&title) {
            TaskStatus::Doing
        } else if due < today {
            TaskStatus::Done
        } else if start <= today {
            TaskStatus::Doing
        } else {
            TaskStatus::Todo
        };
        let lower = title.to_lowercase();
        let owner = if lower.contains("interface")
            || lower.contains("test")
            || lower.contains("accounts")
        {
            "Kevin O'Brien"
        } else if lower.contains("train")
            || lower.contains("super-user")
            || lower.contains("tip sheet")
        {
            "Grace Kim"
        } else if lower.contains("sop") || lower.contains("message") || lower.contains("pilot") {
            "Priya Nair"
        } else if lower.contains("provider") || lower.contains("personalization") {
            "Dr. Amara Okafor"
        } else {
            "Dana Whitfield"
        };
        (status, owner)
    }
}

pub(super) fn seed(tx: &Transaction<'_>, rollouts: &[Rollout], today: NaiveDate) -> Result<()> {
    let [ehr, sms] = rollouts else {
        return Err(CoreError::Database(
            "the sample clinic has two rollouts".into(),
        ));
    };
    let day = |offset: i64| shift(today, offset).map(date_text).unwrap_or_default();
    for (rollout, content) in [(ehr, ehr_content()), (sms, automation_content())] {
        let go_live = rollout
            .go_live_date
            .ok_or_else(|| CoreError::Database("sample rollouts have a go-live date".into()))?;
        fill(tx, &rollout.id, go_live, content, false, &progress(today))?;
        // The template's messages dated before today went out on their day; the one
        // overdue message is added below.
        tx.execute(
            "UPDATE communications SET sent_on = send_on WHERE rollout_id = ?1 AND send_on < ?2",
            rusqlite::params![rollout.id, date_text(today)],
        )?;
    }

    insert_risk(
        tx,
        &ehr.id,
        &RiskDraft {
            title: "Lab results routing defects not fixed before the go/no-go".into(),
            likelihood: 4,
            impact: 5,
            mitigation:
                "Vendor analyst on site twice a week; manual results entry SOP ready as a fallback"
                    .into(),
            owner: "Kevin O'Brien".into(),
            trigger: "A severity-1 defect still open 21 days before go-live".into(),
            ..RiskDraft::default()
        },
    )?;
    insert_decision(
        tx,
        &ehr.id,
        &DecisionDraft {
            decided_on: day(-20),
            title: "Lab interface moves to phase 2".into(),
            constraints: "Vendor cannot deliver the lab interface before go-live".into(),
            options:
                "Delay go-live 6 weeks; go live without it and enter results by hand; drop the lab"
                    .into(),
            choice: "Go live on the date; enter lab results by hand under an SOP".into(),
            rationale: "Keeps the date the providers planned their reduced schedules around".into(),
            decided_by: "Steering committee (Dr. Amara Okafor)".into(),
            verification: "No lab result older than 24 hours unfiled in weeks 1-4".into(),
            ..DecisionDraft::default()
        },
    )?;
    insert_decision(
        tx,
        &sms.id,
        &DecisionDraft {
            decided_on: day(-35),
            title: "Pilot on two provider panels at Riverside".into(),
            constraints: "One front-desk lead free to support the pilot".into(),
            options: "All panels; two panels; one panel".into(),
            choice: "Two panels".into(),
            rationale: "Enough volume to see a change in no-shows within four weeks".into(),
            decided_by: "Marcus Bell".into(),
            verification: "No-show rate on the pilot panels under 9% by week 4".into(),
            outcome: DecisionOutcome::Held,
            outcome_note: "Confirmations came back within days; the panels were the right size"
                .into(),
        },
    )?;
    insert_communication(
        tx,
        &ehr.id,
        &CommunicationDraft {
            audience: "Front desk and schedulers".into(),
            channel: "Email".into(),
            message: "Reduced schedules for go-live weeks 1 and 2: what to book and what to hold"
                .into(),
            send_on: day(-3),
            owner: "Priya Nair".into(),
            sent_on: None,
        },
    )?;
    for (name, raci, adkar) in [
        (
            "Providers",
            vec![
                ("Documentation build", Raci::Consulted),
                ("Go/no-go", Raci::Accountable),
            ],
            [4, 2, 3, 2, 2],
        ),
        (
            "Front desk",
            vec![
                ("Scheduling build", Raci::Consulted),
                ("Check-in workflow", Raci::Responsible),
            ],
            [4, 4, 3, 3, 2],
        ),
        (
            "Billing office",
            vec![("Charge capture", Raci::Responsible)],
            [5, 4, 4, 3, 3],
        ),
    ] {
        let [awareness, desire, knowledge, ability, reinforcement] = adkar.map(Some);
        insert_stakeholder(
            tx,
            &ehr.id,
            &StakeholderDraft {
                name: name.into(),
                is_group: true,
                raci: raci
                    .into_iter()
                    .map(|(workstream, role)| RaciAssignment {
                        workstream: workstream.into(),
                        role,
                    })
                    .collect(),
                adkar: Adkar {
                    awareness,
                    desire,
                    knowledge,
                    ability,
                    reinforcement,
                },
                ..StakeholderDraft::default()
            },
        )?;
    }
    insert_scope_change(
        tx,
        &ehr.id,
        &ScopeChangeDraft {
            logged_on: day(-20),
            cut: "Lab interface (to phase 2)".into(),
            reason: "Vendor not ready; manual results entry covered by an SOP".into(),
            protected: "The go-live date and reduced schedules (50% week 1, 75% week 2)".into(),
        },
    )?;
    insert_scope_change(
        tx,
        &sms.id,
        &ScopeChangeDraft {
            logged_on: day(-30),
            cut: "Voice-call reminders for patients without a mobile number".into(),
            reason: "Per-call cost; revisit after the 60-day review".into(),
            protected: "The pilot start date".into(),
        },
    )?;
    Ok(())
}
