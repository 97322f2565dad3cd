//! Rollouts created from the built-in templates: dates land relative to go-live.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use rollplan_core::plan::TaskKind;
use rollplan_core::rollouts::{RolloutDraft, RolloutKind};
use rollplan_core::templates::list_templates;
use rollplan_core::Store;

/// A day long before every go-live these tests use: the plans fit as drawn.
fn early() -> chrono::NaiveDate {
    date("2026-09-01")
}

fn draft(go_live: Option<&str>) -> RolloutDraft {
    RolloutDraft {
        name: "Riverside EHR".into(),
        go_live_date: go_live.map(String::from),
        ..RolloutDraft::default()
    }
}

#[test]
fn the_ehr_template_plans_backwards_from_go_live() {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout_from_template(&draft(Some("2027-03-01")), "ehr-go-live", None, early())
        .expect("created");
    assert_eq!(
        rollout.kind,
        RolloutKind::EhrGoLive,
        "the kind comes from the template"
    );
    assert_eq!(
        rollout.start_date,
        Some(date("2026-11-01")),
        "120 days before go-live, at kickoff"
    );

    let tasks = store.list_tasks(&rollout.id).expect("tasks");
    assert_eq!(tasks.len(), 39);
    let find = |title: &str| {
        tasks
            .iter()
            .find(|t| t.title == title)
            .unwrap_or_else(|| panic!("{title}"))
    };
    let go_live = find("Go-live");
    assert_eq!(
        (go_live.kind, go_live.due_date),
        (TaskKind::Milestone, Some(date("2027-03-01")))
    );
    let signoff = find("Integrated testing signed off (no open severity-1 defects)");
    assert_eq!(
        signoff.due_date,
        Some(date("2027-02-01")),
        "28 days before go-live"
    );
    let elbow = find("At-the-elbow support, weeks 1-2");
    assert_eq!(
        (elbow.start_date, elbow.due_date),
        (Some(date("2027-03-01")), Some(date("2027-03-14")))
    );
    assert_eq!(
        elbow.depends_on,
        vec![rollplan_core::plan::TaskLink::finish_to_start(&go_live.id)]
    );
    assert_eq!(elbow.phase_name, "Go-live & at-the-elbow support");

    let phases: Vec<String> = store
        .list_phases(&rollout.id)
        .expect("phases")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        phases.first().map(String::as_str),
        Some("Build & validation")
    );
    assert_eq!(phases.len(), 6);

    let criteria = store.list_criteria(&rollout.id).expect("criteria");
    assert_eq!(criteria.len(), 18);
    assert_eq!(criteria.iter().filter(|c| c.hard_gate).count(), 4);
    assert_eq!(store.list_risks(&rollout.id).expect("risks").len(), 5);
    let comms = store.list_communications(&rollout.id).expect("comms");
    assert_eq!(
        comms.first().map(|c| c.send_on),
        Some(date("2026-11-21")),
        "100 days before"
    );

    let path = store.critical_path(&rollout.id).expect("path");
    assert_eq!(path.target_task_id.as_deref(), Some(go_live.id.as_str()));
    assert!(
        path.task_ids.len() >= 5,
        "a go-live waits on a long chain: {path:?}"
    );
    assert!(
        store
            .slipped_tasks(&rollout.id, date("2026-11-01"))
            .expect("slipped")
            .is_empty(),
        "a fresh plan has not slipped"
    );
}

#[test]
fn the_automation_and_policy_templates_land_around_their_go_live() {
    let store = Store::open_in_memory().expect("store");
    let sms = store
        .create_rollout_from_template(&draft(Some("2027-01-11")), "automation", None, early())
        .expect("automation");
    let tasks = store.list_tasks(&sms.id).expect("tasks");
    let decide = tasks
        .iter()
        .find(|t| t.title == "Decide: scale, adjust or stop")
        .expect("decision milestone");
    assert_eq!(
        decide.due_date,
        Some(date("2027-02-25")),
        "45 days after the pilot starts"
    );
    let policy = store
        .create_rollout_from_template(
            &draft(Some("2027-01-11")),
            "Policy / SOP rollout",
            None,
            early(),
        )
        .expect("a template can be named by its title too");
    assert_eq!(policy.kind, RolloutKind::Policy);
    assert_eq!(store.list_tasks(&policy.id).expect("tasks").len(), 11);
}

#[test]
fn a_template_needs_a_go_live_and_a_known_name_and_writes_nothing_otherwise() {
    let store = Store::open_in_memory().expect("store");
    let undated = store
        .create_rollout_from_template(&draft(None), "ehr-go-live", None, early())
        .expect_err("no go-live");
    assert_eq!(undated.payload().field.as_deref(), Some("go_live_date"));
    let unknown = store
        .create_rollout_from_template(&draft(Some("2027-03-01")), "kiosk", None, early())
        .expect_err("unknown");
    assert_eq!(
        unknown.to_string(),
        "There is no template called 'kiosk': use one of ehr-go-live, automation, policy."
    );
    assert_eq!(store.count_rollouts().expect("count"), 0);
    assert_eq!(list_templates().len(), 3);
}
