//! Training views: the paged matrix, due lists, and the trash.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rollplan_core::training::{MatrixFilter, RecordDraft, RecordStatus};

use common::{clinic, date, for_rollout, record_id};

#[test]
fn the_matrix_pages_and_filters_but_counts_everyone() {
    let clinic = clinic();
    let today = date("2026-12-02");
    let page = MatrixFilter {
        limit: 2,
        ..for_rollout(&clinic.rollout)
    };
    let first = clinic
        .store
        .training_matrix(&page, today)
        .expect("first page");
    assert_eq!(
        first
            .rows
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Ben"]
    );
    assert_eq!(
        (first.people, first.required, first.overdue),
        (3, 3, 3),
        "totals cover every page"
    );
    let second = clinic
        .store
        .training_matrix(
            &MatrixFilter {
                offset: 2,
                ..page.clone()
            },
            today,
        )
        .expect("second page");
    assert_eq!(
        second
            .rows
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Cai"]
    );

    let by_role = MatrixFilter {
        role_id: Some(clinic.ma.clone()),
        ..for_rollout(&clinic.rollout)
    };
    assert_eq!(
        clinic
            .store
            .training_matrix(&by_role, today)
            .expect("MA")
            .people,
        0,
        "MAs are not required here"
    );
}

#[test]
fn due_lists_show_overdue_and_due_soon_and_a_persons_training() {
    let clinic = clinic();
    let week_before = date("2026-11-24");
    let soon = clinic
        .store
        .training_due(Some(&clinic.rollout), week_before, 7)
        .expect("due soon");
    assert_eq!(soon.len(), 3, "all three are due within the week");
    assert!(soon.iter().all(|d| !d.overdue));
    assert!(
        clinic
            .store
            .training_due(Some(&clinic.rollout), date("2026-11-01"), 7)
            .expect("far")
            .is_empty(),
        "nothing is due within a week of November 1"
    );

    let (ana, version) = record_id(&clinic, "Ana", week_before);
    let done = RecordDraft {
        status: RecordStatus::Completed,
        ..RecordDraft::default()
    };
    clinic
        .store
        .update_training_record(&ana, version, &done, week_before)
        .expect("complete");
    let late = clinic
        .store
        .training_due(None, date("2026-12-03"), 0)
        .expect("overdue");
    let names: Vec<&str> = late.iter().map(|d| d.person_name.as_str()).collect();
    assert_eq!(
        names,
        ["Ben", "Cai"],
        "done training leaves the list; the rest is overdue"
    );
    assert!(late.iter().all(|d| d.overdue));

    let anas = clinic
        .store
        .list_people(false)
        .expect("people")
        .into_iter()
        .find(|p| p.name == "Ana")
        .expect("Ana");
    let own = clinic
        .store
        .person_training(&anas.id, date("2026-12-03"))
        .expect("Ana's training");
    assert_eq!(own.len(), 1);
    assert_eq!(
        (own[0].status, own[0].overdue),
        (RecordStatus::Completed, false)
    );
}

#[test]
fn requirements_and_modules_go_to_the_trash_and_come_back() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let requirement = clinic
        .store
        .list_requirements(&clinic.rollout)
        .expect("requirements")[0]
        .id
        .clone();
    clinic
        .store
        .remove_requirement(&requirement)
        .expect("remove");
    assert_eq!(
        clinic
            .store
            .training_matrix(&for_rollout(&clinic.rollout), today)
            .expect("matrix")
            .people,
        0
    );
    clinic
        .store
        .restore_requirement(&requirement)
        .expect("restore");
    assert_eq!(
        clinic
            .store
            .training_matrix(&for_rollout(&clinic.rollout), today)
            .expect("matrix")
            .people,
        3
    );

    clinic
        .store
        .trash_training_module(&clinic.module)
        .expect("trash module");
    assert!(clinic
        .store
        .list_training_modules()
        .expect("modules")
        .is_empty());
    assert!(clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix")
        .modules
        .is_empty());
    clinic
        .store
        .restore_training_module(&clinic.module)
        .expect("restore module");
    let matrix = clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix");
    assert_eq!(
        (matrix.modules.len(), matrix.required),
        (1, 3),
        "records survived the trash"
    );
}
