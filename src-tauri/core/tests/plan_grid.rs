//! The plan grid's writes: every task numbered once and for good, progress and status
//! kept in step, and many rows written together or not at all.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::plan::{field_messages, plan, task};
use rollplan_core::plan::{GridEdit, TaskDraft, TaskStatus};

#[test]
fn tasks_are_numbered_in_the_order_added_and_a_number_is_never_given_again() {
    let plan = plan();
    let first = task(&plan, "Build interfaces", "2027-01-04", "2027-01-08");
    let second = task(&plan, "Test interfaces", "2027-01-11", "2027-01-15");
    let third = task(&plan, "Train super-users", "2027-01-18", "2027-01-22");
    assert_eq!([first.number, second.number, third.number], [1, 2, 3]);
    plan.store.trash_task(&third.id).expect("trashed");
    let fourth = task(&plan, "Go live", "2027-01-25", "2027-01-25");
    assert_eq!(fourth.number, 4, "the trashed task keeps its number");
    plan.store.restore_task(&third.id).expect("restored");
    assert_eq!(plan.store.get_task(&third.id).expect("task").number, 3);
}

#[test]
fn progress_and_status_follow_whichever_the_person_changed() {
    let plan = plan();
    let built = task(&plan, "Build interfaces", "2027-01-04", "2027-01-08");
    assert_eq!(
        (built.status, built.percent_complete),
        (TaskStatus::Todo, 0)
    );
    let started = plan
        .store
        .update_task(
            &built.id,
            built.row_version,
            &TaskDraft {
                percent_complete: Some(40),
                ..built.draft()
            },
        )
        .expect("40 %");
    assert_eq!(
        (started.status, started.percent_complete),
        (TaskStatus::Doing, 40)
    );
    let done = plan
        .store
        .update_task(
            &started.id,
            started.row_version,
            &TaskDraft {
                status: TaskStatus::Done,
                ..started.draft()
            },
        )
        .expect("done");
    assert_eq!(done.percent_complete, 100);
    let history = plan.store.task_history(&done.id).expect("history");
    assert!(
        history[0]
            .changes
            .iter()
            .any(|c| c.field == "percent_complete"
                && c.old.as_deref() == Some("40")
                && c.new.as_deref() == Some("100")),
        "the history says how far along it went: {:?}",
        history[0].changes
    );
    let error = plan
        .store
        .update_task(
            &done.id,
            done.row_version,
            &TaskDraft {
                percent_complete: Some(140),
                ..done.draft()
            },
        )
        .expect_err("over 100");
    assert_eq!(field_messages(error)[0].0, "percent_complete");
}

#[test]
fn a_paste_lands_whole_or_not_at_all_and_a_refusal_names_the_row() {
    let plan = plan();
    let first = task(&plan, "Build interfaces", "2027-01-04", "2027-01-08");
    let second = task(&plan, "Test interfaces", "2027-01-11", "2027-01-15");
    let owned = |t: &rollplan_core::plan::Task, due: &str| GridEdit {
        task_id: Some(t.id.clone()),
        row_version: t.row_version,
        draft: TaskDraft {
            owner: "Dana Whitfield".into(),
            due_date: Some(due.into()),
            ..t.draft()
        },
    };
    let refused = plan
        .store
        .apply_grid_edits(
            &plan.rollout,
            &[owned(&first, "2027-01-09"), owned(&second, "2027-01-01")],
        )
        .expect_err("the second row's due is before its start");
    let messages = field_messages(refused);
    assert_eq!(messages[0].0, "due_date");
    assert!(
        messages[0].1.starts_with("Row 2 (“Test interfaces”): "),
        "{}",
        messages[0].1
    );
    assert_eq!(
        plan.store.get_task(&first.id).expect("task"),
        first,
        "the first row is left as it was"
    );

    let new_row = GridEdit {
        task_id: None,
        row_version: 0,
        draft: TaskDraft {
            title: "Go live".into(),
            due_date: Some("2027-01-25".into()),
            ..TaskDraft::default()
        },
    };
    let written = plan
        .store
        .apply_grid_edits(
            &plan.rollout,
            &[
                owned(&first, "2027-01-09"),
                owned(&second, "2027-01-16"),
                new_row,
            ],
        )
        .expect("written");
    assert_eq!(
        written
            .iter()
            .map(|t| (
                t.number,
                t.owner_name.as_str(),
                t.due_date.map(|d| d.to_string())
            ))
            .collect::<Vec<_>>(),
        vec![
            (1, "Dana Whitfield", Some("2027-01-09".to_owned())),
            (2, "Dana Whitfield", Some("2027-01-16".to_owned())),
            (3, "", Some("2027-01-25".to_owned())),
        ]
    );
    let stale = plan
        .store
        .apply_grid_edits(&plan.rollout, &[owned(&first, "2027-01-10")])
        .expect_err("the grid showed an older version");
    assert!(
        stale
            .to_string()
            .starts_with("Row 1 (“Build interfaces”): "),
        "{stale}"
    );
}

#[test]
fn the_waits_for_cell_is_written_whole_and_a_loop_refuses_all_of_it() {
    use rollplan_core::plan::{LinkType, TaskLink};
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2027-01-04", "2027-01-08");
    let test = task(&plan, "Test interfaces", "2027-01-11", "2027-01-15");
    let train = task(&plan, "Train super-users", "2027-01-18", "2027-01-22");
    let both = plan
        .store
        .set_waits_for(
            &train.id,
            &[
                TaskLink::finish_to_start(&build.id),
                TaskLink::finish_to_start(&test.id),
            ],
        )
        .expect("two links");
    assert_eq!(both.depends_on.len(), 2);
    let changed = TaskLink {
        depends_on_id: test.id.clone(),
        link_type: LinkType::StartToStart,
        lag_days: 2,
    };
    let one = plan
        .store
        .set_waits_for(&train.id, std::slice::from_ref(&changed))
        .expect("one link, changed");
    assert_eq!(one.depends_on, vec![changed.clone()]);
    let looped = plan
        .store
        .set_waits_for(
            &test.id,
            &[
                TaskLink::finish_to_start(&build.id),
                TaskLink::finish_to_start(&train.id),
            ],
        )
        .expect_err("test would wait for train, which waits for test");
    assert!(looped.to_string().contains("loop"), "{looped}");
    assert!(
        plan.store
            .get_task(&test.id)
            .expect("task")
            .depends_on
            .is_empty(),
        "the refused cell added nothing, not even its first link"
    );
}

#[test]
fn a_task_whose_owner_shares_a_name_keeps_that_owner_when_saved_with_the_name_unchanged() {
    use rollplan_core::people::PersonDraft;
    let plan = plan();
    let namesake = |email: &str| {
        plan.store
            .create_person(&PersonDraft {
                name: "Hannah Tran".into(),
                email: email.into(),
                ..PersonDraft::default()
            })
            .expect("person")
    };
    let (riverside, northgate) = (
        namesake("hannah@riverside.org"),
        namesake("hannah@northgate.org"),
    );
    let built = task(&plan, "Build interfaces", "2027-01-04", "2027-01-08");
    let owned = plan
        .store
        .update_task(
            &built.id,
            built.row_version,
            &TaskDraft {
                owner: northgate.id.clone(),
                ..built.draft()
            },
        )
        .expect("owner chosen by id");
    // What the grid sends when a title is typed: the draft as shown, the owner by name.
    let as_shown = TaskDraft {
        title: "Build the lab interface".into(),
        owner: "Hannah Tran".into(),
        ..owned.draft()
    };
    let retitled = plan
        .store
        .update_task(&owned.id, owned.row_version, &as_shown)
        .expect("the title saves; the owner is the one already chosen");
    assert_eq!(retitled.owner_id.as_deref(), Some(northgate.id.as_str()));
    let pasted = plan
        .store
        .apply_grid_edits(
            &plan.rollout,
            &[GridEdit {
                task_id: Some(retitled.id.clone()),
                row_version: retitled.row_version,
                draft: TaskDraft {
                    title: "Build the lab and radiology interfaces".into(),
                    ..as_shown.clone()
                },
            }],
        )
        .expect("a paste over the row saves too");
    assert_eq!(pasted[0].owner_id.as_deref(), Some(northgate.id.as_str()));
    // Naming the shared name for a task owned by someone else still asks which one.
    let other = task(&plan, "Test interfaces", "2027-01-11", "2027-01-15");
    let refused = plan
        .store
        .update_task(
            &other.id,
            other.row_version,
            &TaskDraft {
                owner: "Hannah Tran".into(),
                ..other.draft()
            },
        )
        .expect_err("which Hannah Tran?");
    let messages = field_messages(refused);
    assert!(
        messages
            .iter()
            .any(|(_, m)| m.contains("2 people in the directory are called Hannah Tran")),
        "{messages:?}"
    );
    assert_ne!(riverside.id, northgate.id);
}
