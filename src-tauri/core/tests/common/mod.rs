//! A small clinic for the training and readiness tests: three front-desk staff, one MA,
//! and one module required of the front desk by December 1; in [`plan`], a rollout's
//! plan for the plan tests; and, in [`workspace`], a rollout's workspace for the
//! workspace tests.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

pub mod plan;
pub mod workspace;

use chrono::NaiveDate;
use rollplan_core::people::PersonDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::training::{MatrixFilter, ModuleDraft, TrainingFormat};
use rollplan_core::Store;

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub fn for_rollout(id: &str) -> MatrixFilter {
    MatrixFilter {
        rollout_id: Some(id.to_owned()),
        ..MatrixFilter::default()
    }
}

pub struct Clinic {
    pub store: Store,
    pub rollout: String,
    pub front_desk: String,
    pub ma: String,
    pub module: String,
}

/// Three front-desk staff, one MA, one module required of the front desk by Dec 1.
pub fn clinic() -> Clinic {
    clinic_in(Store::open_in_memory().expect("store"))
}

/// [`clinic`] in a store of the caller's (a file, for tests that also read it raw).
pub fn clinic_in(store: Store) -> Clinic {
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
        .add_requirement(&rollout, &front_desk, &module, "2026-12-01", &[])
        .expect("requirement");
    Clinic {
        store,
        rollout,
        front_desk,
        ma,
        module,
    }
}

pub fn record_id(clinic: &Clinic, person: &str, today: NaiveDate) -> (String, i64) {
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
