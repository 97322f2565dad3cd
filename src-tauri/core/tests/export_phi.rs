//! The PHI check over whole reports: realistic clinic data raises nothing, and typed
//! patient details are found with their entity and field.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{fixture, fixture_with, today};
use rollplan_core::export::{phi_check, sop_phi_check, PhiKind};
use rollplan_core::Store;

#[test]
fn the_sample_clinic_raises_no_hit() {
    let store = Store::open_in_memory().expect("store");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, today()).expect("demo");
    assert!(!rollouts.is_empty());
    for rollout in store.list_rollouts().expect("rollouts") {
        let report = store.rollout_report(&rollout.id, today()).expect("report");
        let hits = phi_check(&report);
        assert!(
            hits.is_empty(),
            "operations text must not look like PHI: {hits:?}"
        );
    }
    for sop in store.list_sops().expect("sops") {
        let hits = sop_phi_check(&store.get_sop(&sop.id).expect("sop"));
        assert!(hits.is_empty(), "SOP text must not look like PHI: {hits:?}");
    }
}

#[test]
fn the_fixture_is_clean_and_typed_patient_details_are_found() {
    let clean = fixture();
    let report = clean
        .store
        .rollout_report(&clean.rollout, today())
        .expect("report");
    assert!(
        phi_check(&report).is_empty(),
        "the fixture has no patient data"
    );

    let dirty = fixture_with(|s| match s {
        "Vendor portal" => "Vendor portal; test patient MRN 00482213".into(),
        "Worried about callbacks" => {
            "Ms Jane Doe DOB 04/07/1961 complained, call (555) 201-3344".into()
        }
        other => other.to_owned(),
    });
    let report = dirty
        .store
        .rollout_report(&dirty.rollout, today())
        .expect("report");
    let hits = phi_check(&report);
    let found: Vec<(&str, &str, PhiKind)> = hits
        .iter()
        .map(|h| (h.entity.as_str(), h.field.as_str(), h.kind))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Task \"Configure templates\"",
                "notes",
                PhiKind::MedicalRecordNumber
            ),
            (
                "Stakeholder \"Northgate providers\"",
                "notes",
                PhiKind::DateOfBirth
            ),
            (
                "Stakeholder \"Northgate providers\"",
                "notes",
                PhiKind::PhoneNumber
            ),
        ],
        "each hit names where it is"
    );
}
