//! The `.rollplan` bundle as exported: what it carries, its stable bytes in id order,
//! the round trip through an empty database, and older versions that still import.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bundle_common;

use bundle_common::{clinic, content, empty_db, export, section_len};
use rollplan_core::bundle::BundleResolutions;
use serde_json::Value;

#[test]
fn the_ehr_bundle_carries_every_kind_of_record_and_only_names_and_roles_of_people() {
    let (db, ehr) = clinic();
    let json = export(&db.store, &ehr, false);
    for section in [
        "phases",
        "tasks",
        "dependencies",
        "criteria",
        "risks",
        "decisions",
        "communications",
        "stakeholders",
        "scope_changes",
        "training_modules",
        "training_requirements",
        "metrics",
        "metric_thresholds",
        "metric_measurements",
        "sops",
        "sop_revisions",
        "roles",
        "people",
    ] {
        assert!(
            section_len(&json, section) > 0,
            "the EHR bundle must carry {section}"
        );
    }
    let value = content(&json);
    assert_eq!(value["format"], "rollplan-bundle");
    assert_eq!(
        value["version"],
        rollplan_core::bundle::BUNDLE_VERSION,
        "a bundle is written in the current version"
    );
    for person in value["people"].as_array().expect("people") {
        let keys: Vec<&String> = person.as_object().expect("person").keys().collect();
        assert_eq!(
            keys,
            ["id", "name", "role_id"],
            "by default a person is a name and a role"
        );
    }
    assert_eq!(
        section_len(&json, "training_records"),
        0,
        "no training records unless opted in"
    );
    assert!(
        !json.contains("\"email\""),
        "no email address leaves without the opt-in"
    );
}

#[test]
fn opting_in_adds_the_directory_fields_and_training_records() {
    let (db, ehr) = clinic();
    let redacted = export(&db.store, &ehr, false);
    let full = export(&db.store, &ehr, true);
    let value = content(&full);
    assert_eq!(value["include_people"], true);
    let people = value["people"].as_array().expect("people");
    assert!(
        people
            .iter()
            .all(|p| p.get("email").is_some() && p.get("active").is_some()),
        "with the opt-in every person carries the directory fields"
    );
    assert!(
        people.len() >= section_len(&redacted, "people"),
        "trainees join the owners"
    );
    assert!(
        section_len(&full, "training_records") > 0,
        "training records travel with the opt-in"
    );
}

#[test]
fn the_same_data_gives_the_same_bytes_in_id_order() {
    let (db, ehr) = clinic();
    let first = export(&db.store, &ehr, true);
    let second = export(&db.store, &ehr, true);
    assert_eq!(content(&first), content(&second));
    let strip = |json: &str| {
        json.lines()
            .filter(|l| !l.contains("\"exported_at\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(&first),
        strip(&second),
        "byte for byte, but for the export time"
    );
    let tasks = content(&first)["tasks"].as_array().expect("tasks").clone();
    let ids: Vec<&str> = tasks
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "sections are sorted by id");
}

#[test]
fn export_import_into_an_empty_database_and_export_again_gives_the_same_bundle() {
    let (source, ehr) = clinic();
    for include_people in [false, true] {
        let json = export(&source.store, &ehr, include_people);
        let target = empty_db();
        let report = target
            .store
            .import_bundle(&json, &BundleResolutions::default())
            .expect("a fresh database imports the bundle");
        assert!(
            report.conflicts.is_empty(),
            "nothing to conflict with in an empty database"
        );
        assert!(report.total_added() > 100, "the whole rollout was added");
        let again = export(&target.store, &ehr, include_people);
        // The readiness a bundle carries is what its sender saw, not a record: without
        // people the receiver's reads differently (and the import said so), so it is
        // compared on its own.
        let (mut sent, mut resent) = (content(&json), content(&again));
        let readings = (
            sent["readiness_as_sent"].take(),
            resent["readiness_as_sent"].take(),
        );
        assert_eq!(
            sent, resent,
            "the round trip loses nothing (people: {include_people})"
        );
        assert_eq!(
            readings.0 == readings.1,
            include_people,
            "with people the receiver sees what the sender saw; without, not: {readings:?}"
        );
    }
}

/// The bundle as version 1 wrote it: criteria with a free-text `owner`, no person, no
/// evidence link or file.
fn as_version_1(value: &mut Value) {
    value["version"] = Value::from(1);
    for criterion in value["criteria"].as_array_mut().expect("criteria") {
        let criterion = criterion.as_object_mut().expect("criterion");
        for field in ["owner_id", "owner_role", "evidence_link", "evidence_file"] {
            criterion.remove(field);
        }
        criterion.insert("owner".into(), Value::from("IT / interface analyst"));
    }
}

#[test]
fn a_version_1_bundle_still_imports_its_owners_as_roles() {
    let (source, ehr) = clinic();
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).expect("json");
    as_version_1(&mut value);
    let target = empty_db();
    let report = target
        .store
        .import_bundle(&value.to_string(), &BundleResolutions::default())
        .expect("a version 1 bundle imports");
    assert!(report.total_added() > 100, "the whole rollout was added");
    let criteria = target.store.list_criteria(&ehr).expect("criteria");
    assert!(!criteria.is_empty(), "the criteria came across");
    assert!(
        criteria
            .iter()
            .all(|c| c.owner_role == "IT / interface analyst"
                && c.owner_id.is_none()
                && c.evidence_link.is_empty()),
        "a version 1 owner is read as the role, with no person and no link"
    );
}
