//! Every kind of bad bundle is refused, naming what is wrong, with nothing written:
//! cut off, not a bundle, too new, a value or reference that is not allowed, a field
//! longer than the app accepts, or megabytes of junk.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bundle_common;

use bundle_common::{altered, clinic, export, refused};
use rollplan_core::bundle::MAX_BUNDLE_BYTES;
use serde_json::Value;

#[test]
fn a_truncated_bundle_says_where_it_ends() {
    let (source, ehr) = clinic();
    let json = export(&source.store, &ehr, false);
    let message = refused(&json[..json.len() / 2]);
    assert!(
        message.contains("ends too early") && message.contains("line"),
        "{message}"
    );
}

#[test]
fn a_file_that_is_not_a_bundle_is_refused() {
    assert!(
        refused(r#"{"format": "something-else", "version": 1}"#).contains("not a Rollplan bundle")
    );
    assert!(refused("[1, 2, 3]").contains("not a Rollplan bundle"));
    assert!(refused("Name,Role\nAna,MA\n").contains("not a Rollplan bundle"));
}

#[test]
fn a_bundle_from_a_newer_rollplan_is_refused() {
    let newer = rollplan_core::bundle::BUNDLE_VERSION + 1;
    let message = refused(&altered(|v| v["version"] = Value::from(newer)));
    assert!(
        message.contains("newer Rollplan") && message.contains(&format!("version {newer}")),
        "{message}"
    );
}

#[test]
fn a_bundle_with_an_evidence_link_that_is_not_http_is_refused() {
    let message = refused(&altered(|v| {
        v["criteria"][0]["evidence_link"] = Value::from("javascript:alert(1)");
    }));
    assert!(
        message.contains("evidence_link") && message.contains("http"),
        "{message}"
    );
}

#[test]
fn duplicate_ids_in_a_section_are_refused() {
    let message = refused(&altered(|v| {
        let first = v["risks"][0].clone();
        v["risks"].as_array_mut().expect("risks").push(first);
    }));
    assert!(
        message.contains("risks") && message.contains("more than once"),
        "{message}"
    );
}

#[test]
fn references_that_point_nowhere_are_refused() {
    let nowhere = "00000000-0000-4000-8000-00000000dead";
    let phase = refused(&altered(|v| {
        v["tasks"][0]["phase_id"] = Value::from(nowhere)
    }));
    assert!(
        phase.contains("tasks") && phase.contains("phase") && phase.contains(nowhere),
        "{phase}"
    );
    let dependency = refused(&altered(|v| {
        v["dependencies"][0]["depends_on_id"] = Value::from(nowhere)
    }));
    assert!(
        dependency.contains("dependencies") && dependency.contains(nowhere),
        "{dependency}"
    );
    let metric = refused(&altered(|v| {
        v["metric_measurements"][0]["metric_id"] = Value::from(nowhere)
    }));
    assert!(
        metric.contains("metric_measurements") && metric.contains("metric"),
        "{metric}"
    );
}

#[test]
fn invalid_values_and_dates_name_the_field() {
    let status = refused(&altered(|v| {
        v["tasks"][0]["status"] = Value::from("urgent")
    }));
    assert!(
        status.contains("tasks[0].status") && status.contains("urgent"),
        "{status}"
    );
    let date = refused(&altered(|v| {
        v["decisions"][0]["decided_on"] = Value::from("03/15/2026")
    }));
    assert!(date.contains("decisions[0].decided_on"), "{date}");
    let likelihood = refused(&altered(|v| v["risks"][0]["likelihood"] = Value::from(9)));
    assert!(
        likelihood.contains("risks") && likelihood.contains("cannot be imported"),
        "{likelihood}"
    );
}

#[test]
fn megabytes_of_junk_are_refused_before_parsing() {
    let junk = "x".repeat(MAX_BUNDLE_BYTES + 1);
    let message = refused(&junk);
    assert!(message.contains("never larger than 50 MB"), "{message}");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("junk.rollplan");
    std::fs::write(&path, &junk).expect("write junk");
    let error =
        rollplan_core::bundle::read_bundle_file(&path, None).expect_err("too large to read");
    assert!(error.to_string().contains("50 MB"));
}

#[test]
fn a_field_longer_than_the_app_accepts_is_refused_naming_the_record_and_field() {
    // (section, field, where in the bundle, the app's limit)
    let cases = [
        ("rollout", "name", "/rollout/name", 120),
        ("rollout", "goal", "/rollout/goal", 20_000),
        ("tasks", "title", "/tasks/0/title", 200),
        ("metrics", "name", "/metrics/0/name", 120),
        ("sops", "code", "/sops/0/code", 20),
        ("people", "name", "/people/0/name", 120),
    ];
    for (section, field, pointer, limit) in cases {
        let edit = |v: &mut Value| {
            *v.pointer_mut(pointer).expect("the field is in the bundle") =
                Value::from("x".repeat(limit + 1));
        };
        let message = refused(&altered(edit));
        assert!(
            message.contains(&format!("{section}:"))
                && message.contains(&format!("the {field} of"))
                && message.contains(&format!("at most {limit}")),
            "an over-long {section} {field} is refused naming both: {message}"
        );
    }
}

#[test]
fn a_field_exactly_as_long_as_the_app_accepts_imports() {
    let (source, ehr) = clinic();
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).expect("json");
    let name = format!("{}{}", "M".repeat(110), "y".repeat(10));
    value["metrics"][0]["name"] = Value::from(name.clone());
    let target = bundle_common::empty_db();
    target
        .store
        .import_bundle(
            &value.to_string(),
            &rollplan_core::bundle::BundleResolutions::default(),
        )
        .expect("a name at the limit is accepted, as the form accepts it");
    assert!(
        target
            .store
            .list_metrics(&ehr)
            .expect("metrics")
            .iter()
            .any(|m| m.name == name),
        "the 120-character name came across whole"
    );
}
