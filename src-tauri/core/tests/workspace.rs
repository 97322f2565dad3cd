//! The rollout workspace as a whole: the overview of the week, purging a rollout with
//! everything in it, and the sample clinic's workspaces.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use common::workspace::{risk, workspace};
use rollplan_core::plan::{LinkType, TaskDraft, TaskStatus};
use rollplan_core::workspace::{AdkarStage, Raci, RaciAssignment, StakeholderDraft};
use rollplan_core::Store;

#[test]
fn the_overview_as_the_page_shows_it_lists_the_first_tasks_and_counts_them_all() {
    let (store, rollout) = workspace();
    let today = date("2026-12-01");
    let add = |title: String, due: &str, status: TaskStatus| {
        store
            .create_task(
                &rollout,
                &TaskDraft {
                    title,
                    due_date: Some(due.into()),
                    status,
                    ..TaskDraft::default()
                },
            )
            .expect("task")
    };
    // Two overdue (one of them blocked), ten blocked due later, nine due this week.
    add("Overdue 1".into(), "2026-11-20", TaskStatus::Todo);
    add(
        "Overdue and blocked".into(),
        "2026-11-25",
        TaskStatus::Blocked,
    );
    for n in 1..=10 {
        add(format!("Blocked {n:02}"), "2027-01-10", TaskStatus::Blocked);
    }
    for n in 1..=9 {
        add(format!("Due {n}"), "2026-12-03", TaskStatus::Todo);
    }
    let whole = store.rollout_overview(&rollout, today).expect("overview");
    let shown = whole.clone().cut_to(6);
    assert_eq!(
        (
            shown.overdue_count,
            shown.blocked_count,
            shown.due_this_week_count
        ),
        (2, 11, 9),
        "the counts count every task"
    );
    assert_eq!(shown.overdue, whole.overdue, "two overdue: both");
    assert_eq!(shown.due_this_week, whole.due_this_week[..6]);
    // The page lists the overdue, then the blocked that are not overdue: six of them,
    // and the blocked one that is overdue besides (the page leaves it out there).
    let titles = |tasks: &[rollplan_core::plan::Task]| {
        tasks.iter().map(|t| t.title.clone()).collect::<Vec<_>>()
    };
    let blocked = titles(&shown.blocked);
    assert_eq!(blocked.len(), 7);
    assert!(blocked.contains(&"Overdue and blocked".to_owned()));
    assert_eq!(
        titles(&whole.blocked)
            .into_iter()
            .filter(|t| t.starts_with("Blocked"))
            .take(6)
            .collect::<Vec<_>>(),
        blocked
            .into_iter()
            .filter(|t| t.starts_with("Blocked"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_overview_gathers_the_week() {
    let (store, rollout) = workspace();
    let today = date("2026-12-01");
    let add = |title: &str, due: &str, status: TaskStatus| {
        store
            .create_task(
                &rollout,
                &TaskDraft {
                    title: title.into(),
                    due_date: Some(due.into()),
                    status,
                    ..TaskDraft::default()
                },
            )
            .expect("task")
    };
    add("Load message templates", "2026-11-27", TaskStatus::Doing);
    add(
        "Test replies update the schedule",
        "2026-12-04",
        TaskStatus::Blocked,
    );
    add("Train front desk", "2026-12-03", TaskStatus::Done);
    add("Review week-1 no-shows", "2026-12-14", TaskStatus::Todo);
    store
        .create_risk(&rollout, &risk("Patients opt out", 4, 5))
        .expect("risk");
    let overview = store.rollout_overview(&rollout, today).expect("overview");
    assert_eq!(overview.days_to_go_live, Some(6));
    let titles = |tasks: &[rollplan_core::plan::Task]| {
        tasks.iter().map(|t| t.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(titles(&overview.overdue), ["Load message templates"]);
    assert_eq!(
        titles(&overview.due_this_week),
        ["Test replies update the schedule"]
    );
    assert_eq!(
        titles(&overview.blocked),
        ["Test replies update the schedule"]
    );
    assert_eq!(
        (
            overview.overdue_count,
            overview.due_this_week_count,
            overview.blocked_count
        ),
        (1, 1, 1)
    );
    assert_eq!(overview.top_risks.len(), 1);
    assert_eq!(
        overview.readiness.verdict,
        rollplan_core::readiness::Verdict::NotAssessed
    );
}

#[test]
fn purging_a_rollout_takes_its_whole_workspace_with_it() {
    let (store, rollout) = workspace();
    let first = store
        .create_task(
            &rollout,
            &TaskDraft {
                title: "A".into(),
                ..TaskDraft::default()
            },
        )
        .expect("a");
    let second = store
        .create_task(
            &rollout,
            &TaskDraft {
                title: "B".into(),
                ..TaskDraft::default()
            },
        )
        .expect("b");
    store
        .add_dependency(&second.id, &first.id, LinkType::FinishToStart, 0)
        .expect("dependency");
    store.create_phase(&rollout, "Pilot").expect("phase");
    store
        .create_risk(&rollout, &risk("Opt-outs", 2, 2))
        .expect("risk");
    store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Front desk".into(),
                raci: vec![RaciAssignment {
                    workstream: "Pilot".into(),
                    role: Raci::Responsible,
                }],
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    store.trash_rollout(&rollout).expect("trash");
    store.purge_rollout(&rollout).expect("purge");
    assert_eq!(store.check().expect("check").foreign_key_violations, 0);
    assert_eq!(
        store.get_task(&first.id).expect_err("gone").code(),
        "not_found"
    );
}

#[test]
fn the_sample_clinic_has_plans_mid_flight() {
    let store = Store::open_in_memory().expect("store");
    let today = date("2026-11-25");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let ehr = rollouts
        .iter()
        .find(|r| r.name.starts_with("EHR"))
        .expect("EHR");
    let tasks = store.list_tasks(&ehr.id).expect("tasks");
    assert_eq!(tasks.len(), 39);
    assert!(
        tasks.iter().all(|t| !t.owner_name.is_empty()),
        "every sample task has an owner"
    );
    let slipped = store.slipped_tasks(&ehr.id, today).expect("slipped");
    assert!(
        slipped
            .iter()
            .any(|s| s.title == "Name super-users (about 1 per 8-10 users)" && s.days_overdue > 0),
        "{slipped:?}"
    );
    let overview = store.rollout_overview(&ehr.id, today).expect("overview");
    assert_eq!(overview.days_to_go_live, Some(52));
    assert_eq!(overview.blocked_count, 1);
    assert_eq!(overview.overdue_comms.len(), 1);
    assert_eq!(overview.top_risks[0].score, 20);
    assert_eq!(
        overview.recent_decisions[0].title,
        "Lab interface moves to phase 2"
    );
    let barriers = store.adkar_barriers(&ehr.id).expect("barriers");
    assert_eq!(
        (barriers[0].name.as_str(), barriers[0].stage),
        ("Providers", Some(AdkarStage::Desire))
    );
    let sms = rollouts
        .iter()
        .find(|r| r.name.starts_with("SMS"))
        .expect("SMS");
    assert_eq!(store.list_tasks(&sms.id).expect("tasks").len(), 14);
}
