//! The escalation table on the sample clinic: every exception listed with its SOP and
//! step, the time limit read as the map reads it, and the filters by role and rollout.

use chrono::NaiveDate;

use super::*;
use crate::sops::{SopDraft, SopException, Step};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default()
}

fn sample() -> Store {
    let store = Store::open_in_memory().expect("store");
    crate::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    store
}

#[test]
fn every_exception_of_the_library_is_listed_with_its_sop_and_time_limit() {
    let store = sample();
    let table = store
        .escalation_table(&EscalationFilter::default(), today())
        .expect("table");
    assert_eq!(table.rows.len(), table.total, "no filter keeps every row");
    let late = table
        .rows
        .iter()
        .find(|r| r.trigger.contains("more than 15 minutes late"))
        .expect("the late-arrival exception of the check-in SOP is listed");
    assert_eq!(late.sop_code, "FD-012", "with its SOP");
    assert_eq!(late.escalate_to, "Charge nurse", "and whom it goes to");
    assert_eq!(
        late.time_limit, "within 5 minutes",
        "the limit as the map's arrow says it"
    );
    assert_eq!(late.minutes, Some(5));
    assert!(
        late.rollouts.iter().any(|r| r.contains("EHR")),
        "the check-in SOP belongs to the EHR go-live: {:?}",
        late.rollouts
    );
    assert!(
        table.roles.iter().any(|r| r == "Charge nurse"),
        "escalation targets are among the role filter's choices: {:?}",
        table.roles
    );
    assert!(
        table
            .summary
            .starts_with(&format!("{} exceptions across", table.rows.len())),
        "the summary counts what is shown: {}",
        table.summary
    );
}

#[test]
fn filtering_by_role_keeps_the_steps_of_that_role_and_what_is_escalated_to_it() {
    let store = sample();
    let filter = EscalationFilter {
        role: Some("charge NURSE".into()),
        rollout_id: None,
    };
    let table = store.escalation_table(&filter, today()).expect("table");
    assert!(
        !table.rows.is_empty(),
        "the sample clinic escalates to its charge nurse"
    );
    for row in &table.rows {
        assert!(
            row.escalate_to.eq_ignore_ascii_case("charge nurse")
                || row.step_role.eq_ignore_ascii_case("charge nurse"),
            "only the charge nurse's rows remain: {row:?}"
        );
    }
    assert!(
        table.rows.len() < table.total,
        "the filter leaves others out"
    );
    assert!(
        table.summary.contains("role: charge NURSE"),
        "{}",
        table.summary
    );
}

#[test]
fn filtering_by_rollout_keeps_the_sops_it_introduces_or_changes() {
    let store = sample();
    let all = store
        .escalation_table(&EscalationFilter::default(), today())
        .expect("table");
    let rollout = all
        .rollouts
        .first()
        .expect("a rollout links to SOPs")
        .clone();
    let table = store
        .escalation_table(
            &EscalationFilter {
                role: None,
                rollout_id: Some(rollout.id.clone()),
            },
            today(),
        )
        .expect("table");
    assert!(
        !table.rows.is_empty(),
        "{} has SOPs with exceptions",
        rollout.name
    );
    for row in &table.rows {
        assert!(
            row.rollout_ids.contains(&rollout.id),
            "every row's SOP belongs to {}: {row:?}",
            rollout.name
        );
    }
    assert!(table.summary.contains(&rollout.name), "{}", table.summary);
}

#[test]
fn a_removed_step_and_a_limit_that_is_no_duration_are_flagged() {
    let store = Store::open_in_memory().expect("store");
    store
        .create_sop(&SopDraft {
            code: "X-1".into(),
            title: "Odd cases".into(),
            steps: vec![Step {
                id: "kept".into(),
                role: "MA".into(),
                instruction: "Room the patient".into(),
                quality_check: String::new(),
            }],
            exceptions: vec![
                SopException {
                    trigger: "Room not clean".into(),
                    action: "Call housekeeping".into(),
                    escalate_to: "Charge nurse".into(),
                    within: "when possible".into(),
                    evidence: String::new(),
                    step_id: Some("kept".into()),
                },
                SopException {
                    trigger: "Gone step".into(),
                    action: "Ask".into(),
                    escalate_to: "Manager".into(),
                    within: String::new(),
                    evidence: String::new(),
                    step_id: Some("gone".into()),
                },
            ],
            ..SopDraft::default()
        })
        .expect("saved");
    let table = store
        .escalation_table(&EscalationFilter::default(), today())
        .expect("table");
    assert_eq!(table.rows.len(), 2, "a draft's exceptions are listed too");
    let first = &table.rows[0];
    assert_eq!(
        first.step, "Step 1: Room the patient",
        "the step it applies to"
    );
    assert_eq!(first.step_role, "MA");
    assert!(first.limit_flag.is_some(), "\"when possible\" is flagged");
    assert!(!first.in_force, "a draft is marked as not in force");
    let second = &table.rows[1];
    assert!(
        second.step.contains("removed"),
        "a removed step is said: {}",
        second.step
    );
    assert_eq!(second.time_limit, "No time limit");
    assert_eq!(table.unreadable_limits, 1, "one limit cannot be measured");
}
