//! Training: assignment from requirements, records and completion.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use rollplan_core::people::PersonDraft;
use rollplan_core::training::{MatrixFilter, RecordDraft, RecordStatus};
use rollplan_core::Store;

use common::{clinic, date, for_rollout, record_id};

#[test]
fn a_requirement_assigns_everyone_in_the_role_and_newcomers_too() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let matrix = clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix");
    let names: Vec<&str> = matrix.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ana", "Ben", "Cai"],
        "only the front desk is required to train"
    );
    assert_eq!((matrix.required, matrix.done, matrix.overdue), (3, 0, 0));

    clinic
        .store
        .create_person(&PersonDraft {
            name: "Eve".into(),
            role_id: Some(clinic.front_desk.clone()),
            ..PersonDraft::default()
        })
        .expect("new hire");
    let dee = clinic
        .store
        .list_people(false)
        .expect("people")
        .into_iter()
        .find(|p| p.name == "Dee")
        .expect("Dee");
    let moved = PersonDraft {
        role_id: Some(clinic.front_desk.clone()),
        ..dee.draft()
    };
    clinic
        .store
        .update_person(&dee.id, dee.row_version, &moved)
        .expect("role change");
    let matrix = clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix");
    assert_eq!(
        matrix.rows.len(),
        5,
        "a new hire and a role change are assigned the role's training"
    );

    let error = clinic
        .store
        .add_requirement(
            &clinic.rollout,
            &clinic.front_desk,
            &clinic.module,
            "2026-12-05",
            &[],
        )
        .expect_err("the same requirement twice");
    assert_eq!(error.code(), "validation");
    let bad_date = clinic.store.add_requirement(
        &clinic.rollout,
        &clinic.ma,
        &clinic.module,
        "13/31/2026",
        &[],
    );
    assert_eq!(
        bad_date.expect_err("US date").payload().field.as_deref(),
        Some("due_date")
    );
}

#[test]
fn completion_and_overdue_per_role() {
    let clinic = clinic();
    let before_due = date("2026-11-25");
    let (ana, version) = record_id(&clinic, "Ana", before_due);
    let done = RecordDraft {
        status: RecordStatus::Completed,
        completed_on: Some("2026-11-20".into()),
        ..RecordDraft::default()
    };
    clinic
        .store
        .update_training_record(&ana, version, &done, before_due)
        .expect("complete");
    let (ben, version) = record_id(&clinic, "Ben", before_due);
    let waived = RecordDraft {
        status: RecordStatus::Waived,
        waived_reason: "Trained at previous clinic".into(),
        ..RecordDraft::default()
    };
    clinic
        .store
        .update_training_record(&ben, version, &waived, before_due)
        .expect("waive");

    let roles = clinic
        .store
        .rollout_training_completion(&clinic.rollout, before_due)
        .expect("completion");
    assert_eq!(roles.len(), 1);
    assert_eq!(
        (
            roles[0].role_name.as_str(),
            roles[0].people,
            roles[0].trained,
            roles[0].overdue
        ),
        ("Front desk", 3, 2, 0)
    );

    let after_due = date("2026-12-02");
    let roles = clinic
        .store
        .rollout_training_completion(&clinic.rollout, after_due)
        .expect("completion");
    assert_eq!(
        roles[0].overdue, 1,
        "Cai is overdue once the due date has passed"
    );
    let matrix = clinic
        .store
        .training_matrix(&MatrixFilter::default(), after_due)
        .expect("overall matrix");
    assert_eq!((matrix.required, matrix.done, matrix.overdue), (3, 2, 1));
}

#[test]
fn record_rules_are_enforced_with_field_messages() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let (cai, version) = record_id(&clinic, "Cai", today);
    let field = |draft: RecordDraft| {
        clinic
            .store
            .update_training_record(&cai, version, &draft, today)
            .expect_err("refused")
            .payload()
            .field
    };
    let future = RecordDraft {
        status: RecordStatus::Completed,
        completed_on: Some("2026-12-24".into()),
        ..RecordDraft::default()
    };
    assert_eq!(field(future).as_deref(), Some("completed_on"));
    let unexplained = RecordDraft {
        status: RecordStatus::Waived,
        ..RecordDraft::default()
    };
    assert_eq!(field(unexplained).as_deref(), Some("waived_reason"));
    let score = RecordDraft {
        status: RecordStatus::Completed,
        score: Some(120.0),
        ..RecordDraft::default()
    };
    assert_eq!(field(score).as_deref(), Some("score"));

    let today_by_default = RecordDraft {
        status: RecordStatus::Completed,
        ..RecordDraft::default()
    };
    let record = clinic
        .store
        .update_training_record(&cai, version, &today_by_default, today)
        .expect("complete");
    assert_eq!(
        record.completed_on,
        Some(today),
        "a completion without a date is dated today"
    );
}

#[test]
fn a_classroom_session_completes_its_attendees_in_one_go() {
    let clinic = clinic();
    let today = date("2026-11-25");
    let people = clinic.store.list_people(false).expect("people");
    let attendees: Vec<String> = people
        .iter()
        .filter(|p| p.name != "Cai")
        .map(|p| p.id.clone())
        .collect();
    let records = clinic
        .store
        .complete_training(&clinic.module, &attendees, "2026-11-24", None, today)
        .expect("bulk completion");
    assert_eq!(
        records.len(),
        3,
        "Dee (not required) gets a record too: she attended"
    );
    let matrix = clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix");
    assert_eq!(matrix.done, 2);

    let refused =
        clinic
            .store
            .complete_training(&clinic.module, &attendees, "2026-12-31", None, today);
    assert!(refused.is_err(), "a future date refuses the whole session");
}

#[test]
fn the_sample_clinic_has_training_part_done_and_some_overdue() {
    let store = Store::open_in_memory().expect("store");
    let today = date("2026-11-25");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let ehr = rollouts
        .iter()
        .find(|r| r.name.starts_with("EHR"))
        .expect("EHR rollout");
    let matrix = store
        .training_matrix(&for_rollout(&ehr.id), today)
        .expect("matrix");
    assert!(
        matrix.rows.len() >= 30,
        "a few dozen staff are required to train"
    );
    assert!(
        matrix.done > 0 && matrix.done < matrix.required,
        "training is part done"
    );
    assert!(matrix.overdue > 0, "some of it is overdue");
}

#[test]
fn a_stale_or_trashed_module_and_a_stale_record_are_refused_as_conflicts() {
    let clinic = clinic();
    let store = &clinic.store;
    let module = store
        .list_training_modules()
        .expect("modules")
        .into_iter()
        .find(|m| m.id == clinic.module)
        .expect("the clinic's module");
    let mut draft = rollplan_core::training::ModuleDraft {
        title: module.title.clone(),
        format: module.format,
        duration_minutes: 60,
        description: module.description.clone(),
    };
    let edited = store
        .update_training_module(&module.id, module.row_version, &draft)
        .expect("an edit at the current version");
    draft.duration_minutes = 45;
    let stale = store
        .update_training_module(&module.id, module.row_version, &draft)
        .expect_err("an edit at the version before the last edit must be refused");
    assert_eq!(
        stale.code(),
        "conflict",
        "a stale module edit is a conflict"
    );

    store.trash_training_module(&module.id).expect("trash");
    let trashed = store
        .update_training_module(&module.id, edited.row_version + 1, &draft)
        .expect_err("a module in the trash must not be edited");
    assert!(
        trashed.to_string().contains("in the trash"),
        "the refusal names the trash: {trashed}"
    );
    store.restore_training_module(&module.id).expect("restore");

    let today = date("2026-11-25");
    let (record, version) = record_id(&clinic, "Ana", today);
    let started = RecordDraft {
        status: RecordStatus::InProgress,
        ..RecordDraft::default()
    };
    store
        .update_training_record(&record, version, &started, today)
        .expect("an edit at the current version");
    let refused = store
        .update_training_record(&record, version, &RecordDraft::default(), today)
        .expect_err("an edit at the version before the last edit must be refused");
    assert_eq!(
        refused.code(),
        "conflict",
        "a stale record edit is a conflict"
    );
    assert!(
        refused.to_string().contains(&module.title),
        "the conflict names the module the record is of: {refused}"
    );
}
