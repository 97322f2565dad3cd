//! Training: assignment from requirements, records, the matrix and completion per role.

use chrono::NaiveDate;
use rollplan_core::people::PersonDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::training::{
    MatrixFilter, ModuleDraft, RecordDraft, RecordStatus, TrainingFormat,
};
use rollplan_core::Store;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn for_rollout(id: &str) -> MatrixFilter {
    MatrixFilter {
        rollout_id: Some(id.to_owned()),
        ..MatrixFilter::default()
    }
}

struct Clinic {
    store: Store,
    rollout: String,
    front_desk: String,
    ma: String,
    module: String,
}

/// Three front-desk staff, one MA, one module required of the front desk by Dec 1.
fn clinic() -> Clinic {
    let store = Store::open_in_memory().expect("store");
    let role = |name: &str| {
        store
            .list_roles()
            .expect("roles")
            .into_iter()
            .find(|r| r.name == name)
            .expect("seeded role")
            .id
    };
    let (front_desk, ma) = (role("Front desk"), role("Medical assistant (MA)"));
    for (name, role_id) in [
        ("Ana", &front_desk),
        ("Ben", &front_desk),
        ("Cai", &front_desk),
        ("Dee", &ma),
    ] {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                role_id: Some(role_id.clone()),
                ..PersonDraft::default()
            })
            .expect("person");
    }
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Check-in redesign".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    let module = store
        .create_training_module(&ModuleDraft {
            title: "New check-in workflow".into(),
            format: TrainingFormat::Classroom,
            duration_minutes: 90,
            description: String::new(),
        })
        .expect("module")
        .id;
    store
        .add_requirement(&rollout, &front_desk, &module, "2026-12-01")
        .expect("requirement");
    Clinic {
        store,
        rollout,
        front_desk,
        ma,
        module,
    }
}

fn record_id(clinic: &Clinic, person: &str, today: NaiveDate) -> (String, i64) {
    let matrix = clinic
        .store
        .training_matrix(&for_rollout(&clinic.rollout), today)
        .expect("matrix");
    let row = matrix
        .rows
        .iter()
        .find(|r| r.name == person)
        .expect("person in matrix");
    let cell = row.cells[0].as_ref().expect("a required cell");
    (cell.record_id.clone(), cell.row_version)
}

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
        )
        .expect_err("the same requirement twice");
    assert_eq!(error.code(), "validation");
    let bad_date =
        clinic
            .store
            .add_requirement(&clinic.rollout, &clinic.ma, &clinic.module, "13/31/2026");
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

#[test]
fn readiness_weighs_criteria_and_training_together() {
    use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory, Verdict};
    let clinic = clinic();
    let today = date("2026-11-25");
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    assert_eq!(
        readiness.verdict,
        Verdict::NoGo,
        "untrained front desk blocks go-live"
    );
    assert_eq!(
        readiness.reasons[0].text,
        "Hard gate at risk: Front desk training — 0 of 3 trained"
    );

    let gate = clinic
        .store
        .create_criterion(
            &clinic.rollout,
            &CriterionDraft {
                category: ReadinessCategory::Technology,
                title: "Check-in kiosks tested".into(),
                hard_gate: true,
                ..CriterionDraft::default()
            },
        )
        .expect("criterion");
    let people = clinic.store.list_people(false).expect("people");
    let front_desk: Vec<String> = people
        .iter()
        .filter(|p| p.role_id.as_deref() == Some(&clinic.front_desk))
        .map(|p| p.id.clone())
        .collect();
    clinic
        .store
        .complete_training(&clinic.module, &front_desk, "2026-11-24", None, today)
        .expect("trained");
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    assert_eq!(readiness.verdict, Verdict::NoGo);
    assert_eq!(
        readiness.reasons.len(),
        1,
        "only the kiosks remain: {:?}",
        readiness.reasons
    );

    let met = CriterionDraft {
        status: CriterionStatus::Met,
        category: gate.category,
        title: gate.title.clone(),
        hard_gate: true,
        ..CriterionDraft::default()
    };
    clinic
        .store
        .update_criterion(&gate.id, gate.row_version, &met)
        .expect("met");
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    assert_eq!((readiness.verdict, readiness.score), (Verdict::Go, 100));
}
