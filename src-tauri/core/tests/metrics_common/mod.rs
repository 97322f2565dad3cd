//! Shared by the metrics tests: a rollout with a directory person, the portal
//! activation metric, its levels, and reading a refusal's fields.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use rollplan_core::metrics::{
    Cadence, Direction, MeasurementDraft, MetricDraft, MetricUnit, ThresholdDraft, ThresholdLevel,
};
use rollplan_core::people::PersonDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, FieldError, Store};

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A rollout going live on Nov 2, 2026, and Priya Nair in the directory.
pub fn workspace() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    store
        .create_person(&PersonDraft {
            name: "Priya Nair".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Patient portal".into(),
            go_live_date: Some("2026-11-02".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

/// Portal activation, 30% on Nov 1 to 60% on Dec 31.
pub fn portal_activation() -> MetricDraft {
    MetricDraft {
        name: "Patient portal activation".into(),
        definition: "Seen patients with an active portal account".into(),
        numerator: "Patients seen this week with an active account".into(),
        denominator: "Patients seen this week".into(),
        unit: MetricUnit::Percent,
        direction: Direction::HigherIsBetter,
        cadence: Cadence::Weekly,
        owner: "Priya Nair".into(),
        baseline_value: Some(30.0),
        baseline_date: Some("2026-11-01".into()),
        target_value: Some(60.0),
        target_date: Some("2026-12-31".into()),
        ..MetricDraft::default()
    }
}

pub fn watch(value: f64) -> ThresholdDraft {
    ThresholdDraft {
        level: ThresholdLevel::Watch,
        value,
        action: "Super-users run a sign-up drive at check-in".into(),
        owner_role: "front-desk lead".into(),
        ..ThresholdDraft::default()
    }
}

pub fn act(value: f64) -> ThresholdDraft {
    ThresholdDraft {
        level: ThresholdLevel::Act,
        value,
        action: "Add portal sign-up to the rooming checklist".into(),
        owner: "Priya Nair".into(),
        ..ThresholdDraft::default()
    }
}

pub fn value(on: &str, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        measured_on: on.into(),
        value,
        ..MeasurementDraft::default()
    }
}

pub fn fields(error: CoreError) -> Vec<FieldError> {
    match error {
        CoreError::Validation(fields) => fields,
        other => panic!("expected a validation error, got {other:?}"),
    }
}
