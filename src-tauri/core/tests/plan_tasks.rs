//! A plan's tasks: stored with their owner and dates, every bad field named at once, and
//! an edit from a stale copy refused.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::plan::{field_messages, plan, task};
use rollplan_core::plan::{TaskDraft, TaskStatus, UNKNOWN_OWNER_FIELD};

#[test]
fn a_task_is_stored_with_its_owner_and_dates() {
    let plan = plan();
    let created = plan
        .store
        .create_task(
            &plan.rollout,
            &TaskDraft {
                title: "  Build interfaces ".into(),
                owner: "dana whitfield".into(),
                start_date: Some("2026-11-02".into()),
                due_date: Some("2026-11-20".into()),
                status: TaskStatus::Doing,
                ..TaskDraft::default()
            },
        )
        .expect("created");
    assert_eq!(created.title, "Build interfaces");
    assert_eq!(
        created.owner_name, "Dana Whitfield",
        "an owner typed in any case is found"
    );
    assert_eq!(
        created.duration_days(),
        19,
        "2 to 20 November, both days counted"
    );
    let listed = plan.store.list_tasks(&plan.rollout).expect("list");
    assert_eq!(listed, vec![created]);
}

#[test]
fn bad_task_input_names_every_field() {
    let plan = plan();
    let error = plan
        .store
        .create_task(
            &plan.rollout,
            &TaskDraft {
                title: "Test interfaces".into(),
                start_date: Some("2026-11-20".into()),
                due_date: Some("2026-11-02".into()),
                owner: "Jordan Lee".into(),
                ..TaskDraft::default()
            },
        )
        .expect_err("refused");
    let fields = field_messages(error);
    assert_eq!(
        fields,
        vec![
            (
                "due_date".to_owned(),
                "The due date (2026-11-02) is before the start (2026-11-20).".to_owned()
            ),
            (
                UNKNOWN_OWNER_FIELD.to_owned(),
                "Jordan Lee is not in the staff directory. Add them to People, or choose \
                 someone who is."
                    .to_owned()
            ),
        ]
    );
    let unparseable = plan
        .store
        .create_task(
            &plan.rollout,
            &TaskDraft {
                title: "Cutover".into(),
                due_date: Some("31/13/2026".into()),
                ..TaskDraft::default()
            },
        )
        .expect_err("refused");
    assert_eq!(
        field_messages(unparseable),
        vec![(
            "due_date".to_owned(),
            "The due date '31/13/2026' is not a date: use YYYY-MM-DD.".to_owned()
        )]
    );
    assert!(
        plan.store
            .list_tasks(&plan.rollout)
            .expect("list")
            .is_empty(),
        "refused tasks are not stored"
    );
}

#[test]
fn an_edit_from_a_stale_copy_is_refused() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let mut done = build.draft();
    done.status = TaskStatus::Done;
    let updated = plan
        .store
        .update_task(&build.id, build.row_version, &done)
        .expect("update");
    assert_eq!((updated.status, updated.row_version), (TaskStatus::Done, 2));
    let error = plan
        .store
        .update_task(&build.id, build.row_version, &done)
        .expect_err("stale");
    assert_eq!(error.code(), "conflict");
}
