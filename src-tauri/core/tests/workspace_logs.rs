//! The dated records of a rollout: the communications plan (upcoming, overdue, sent),
//! the decision log and the scope-cut log, with their trash and history.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use common::workspace::workspace;
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::workspace::{
    CommunicationDraft, DecisionDraft, DecisionOutcome, ScopeChangeDraft,
};

#[test]
fn comms_are_upcoming_or_overdue_until_sent() {
    let (store, rollout) = workspace();
    let today = date("2026-12-01");
    let send = |audience: &str, on: &str, sent: Option<&str>| {
        store
            .create_communication(
                &rollout,
                &CommunicationDraft {
                    audience: audience.into(),
                    channel: "Email".into(),
                    message: "Reminders start Monday".into(),
                    send_on: on.into(),
                    owner: "Priya Nair".into(),
                    sent_on: sent.map(String::from),
                },
            )
            .expect("comm")
    };
    let late = send("Front desk", "2026-11-28", None);
    send("Providers", "2026-11-27", Some("2026-11-27"));
    send("Patients", "2026-12-03", None);
    send("Board", "2026-12-20", None);
    let upcoming: Vec<String> = store
        .upcoming_communications(&rollout, today, 7)
        .expect("upcoming")
        .into_iter()
        .map(|c| c.audience)
        .collect();
    assert_eq!(upcoming, ["Patients"]);
    let overdue: Vec<String> = store
        .overdue_communications(&rollout, today)
        .expect("overdue")
        .into_iter()
        .map(|c| c.audience)
        .collect();
    assert_eq!(overdue, ["Front desk"]);

    let mut sent = CommunicationDraft {
        audience: late.audience.clone(),
        channel: late.channel.clone(),
        message: late.message.clone(),
        send_on: "2026-11-28".into(),
        owner: late.owner_id.clone().unwrap_or_default(),
        sent_on: Some("2026-12-01".into()),
    };
    store
        .update_communication(&late.id, late.row_version, &sent)
        .expect("sent");
    assert!(store
        .overdue_communications(&rollout, today)
        .expect("overdue")
        .is_empty());
    sent.send_on = "next week".into();
    let error = store
        .update_communication(&late.id, late.row_version + 1, &sent)
        .expect_err("bad date");
    assert_eq!(error.payload().field.as_deref(), Some("send_on"));
}

#[test]
fn decisions_and_scope_cuts_are_logged_trashed_and_restored_with_history() {
    let (store, rollout) = workspace();
    let decision = store
        .create_decision(
            &rollout,
            &DecisionDraft {
                decided_on: "2026-11-10".into(),
                title: "Pilot on two provider panels first".into(),
                constraints: "One front-desk lead to support the pilot".into(),
                options: "All panels at once; two panels; one panel".into(),
                choice: "Two panels".into(),
                rationale: "Enough volume to measure no-shows in four weeks".into(),
                decided_by: "Marcus Bell".into(),
                verification: "No-show rate on the pilot panels below 9% by week 4".into(),
                ..DecisionDraft::default()
            },
        )
        .expect("decision");
    assert_eq!(decision.decided_on, date("2026-11-10"));
    let mut held = DecisionDraft {
        decided_on: "2026-11-10".into(),
        title: decision.title.clone(),
        outcome: DecisionOutcome::Held,
        ..DecisionDraft::default()
    };
    let updated = store
        .update_decision(&decision.id, decision.row_version, &held)
        .expect("held");
    assert_eq!(updated.outcome, DecisionOutcome::Held);
    held.decided_on = String::new();
    assert!(
        store
            .update_decision(&decision.id, updated.row_version, &held)
            .is_err(),
        "a decision needs its date"
    );

    let cut = store
        .create_scope_change(
            &rollout,
            &ScopeChangeDraft {
                logged_on: "2026-11-12".into(),
                cut: "Voice-call reminders".into(),
                reason: "Vendor charges per call; no budget this quarter".into(),
                protected: "The pilot start date".into(),
            },
        )
        .expect("cut");
    store.trash_scope_change(&cut.id).expect("trash");
    assert!(store.list_scope_changes(&rollout).expect("list").is_empty());
    store.restore_scope_change(&cut.id).expect("restore");
    assert_eq!(store.list_scope_changes(&rollout).expect("list").len(), 1);
    let actions: Vec<AuditAction> = store
        .history(EntityKind::ScopeChange, &cut.id)
        .expect("history")
        .iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            AuditAction::Restore,
            AuditAction::Trash,
            AuditAction::Create
        ]
    );
    let decision_history = store
        .history(EntityKind::Decision, &decision.id)
        .expect("history");
    assert_eq!(
        decision_history[0]
            .changes
            .iter()
            .find(|c| c.field == "outcome")
            .and_then(|c| c.new.clone())
            .as_deref(),
        Some("held")
    );
    assert_eq!(
        store
            .trash_decision("no-such-id")
            .expect_err("missing")
            .code(),
        "not_found"
    );
}
