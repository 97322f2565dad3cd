//! Dependencies in a bundle carry their type and lag (format version 3); bundles of
//! versions 1 and 2 still import, their links finish-to-start with no lag; a link that
//! differs here is a conflict like any other.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bundle_common;

use bundle_common::{altered, clinic, empty_db, export, refused};
use rollplan_core::bundle::{BundleResolution, BundleResolutions};
use rollplan_core::plan::{LinkType, Task, TaskLink};
use rollplan_core::Store;
use serde_json::Value;

/// The first task of the rollout that waits for another, and its first link.
fn first_link(store: &Store, rollout: &str) -> (Task, TaskLink) {
    store
        .list_tasks(rollout)
        .expect("tasks")
        .into_iter()
        .find_map(|t| {
            let link = t.depends_on.first()?.clone();
            Some((t, link))
        })
        .expect("the sample plan has dependencies")
}

fn link_of(store: &Store, task: &str, on: &str) -> TaskLink {
    store
        .get_task(task)
        .expect("task")
        .depends_on
        .into_iter()
        .find(|l| l.depends_on_id == on)
        .expect("the link came across")
}

#[test]
fn a_version_2_bundle_imports_its_links_as_finish_to_start() {
    let (source, ehr) = clinic();
    let (waiting, link) = first_link(&source.store, &ehr);
    // Typed in the sender's plan, but a version 2 bundle has no words for it.
    source
        .store
        .add_dependency(&waiting.id, &link.depends_on_id, LinkType::StartToStart, 2)
        .expect("typed link");
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).expect("json");
    value["version"] = Value::from(2);
    for dependency in value["dependencies"].as_array_mut().expect("dependencies") {
        let dependency = dependency.as_object_mut().expect("dependency");
        dependency.remove("link_type");
        dependency.remove("lag_days");
    }
    let target = empty_db();
    let report = target
        .store
        .import_bundle(&value.to_string(), &BundleResolutions::default())
        .expect("a version 2 bundle imports");
    assert!(report.total_added() > 100, "the whole rollout was added");
    let tasks = target.store.list_tasks(&ehr).expect("tasks");
    let links: Vec<&TaskLink> = tasks.iter().flat_map(|t| &t.depends_on).collect();
    assert!(!links.is_empty(), "the dependencies came across");
    assert!(
        links.iter().all(|l| l.is_plain()),
        "every link of a version 2 bundle is finish-to-start with no lag"
    );
}

#[test]
fn types_and_lags_travel_and_a_different_link_here_is_a_conflict() {
    let (source, ehr) = clinic();
    let (waiting, link) = first_link(&source.store, &ehr);
    let on = link.depends_on_id.clone();
    source
        .store
        .add_dependency(&waiting.id, &on, LinkType::StartToStart, 2)
        .expect("typed link");
    let json = export(&source.store, &ehr, false);
    let target = empty_db();
    target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect("import");
    let arrived = link_of(&target.store, &waiting.id, &on);
    assert_eq!(
        (arrived.link_type, arrived.lag_days),
        (LinkType::StartToStart, 2),
        "the link's type and lag came across"
    );

    // The receiver changes the link; the same bundle again is a conflict.
    target
        .store
        .add_dependency(&waiting.id, &on, LinkType::FinishToFinish, 0)
        .expect("changed here");
    let preview = target
        .store
        .preview_bundle_import(&json, &BundleResolutions::default())
        .expect("preview");
    let conflict = preview
        .conflicts
        .iter()
        .find(|c| c.section == "dependencies")
        .expect("the changed link is a conflict");
    assert!(
        conflict.fields[0]
            .old
            .as_deref()
            .is_some_and(|t| t.contains("finish-to-finish"))
            && conflict.fields[0]
                .new
                .as_deref()
                .is_some_and(|t| t.contains("start-to-start, +2 days")),
        "the conflict says both links: {conflict:?}"
    );
    target
        .store
        .import_bundle(&json, &BundleResolutions::all(BundleResolution::KeepMine))
        .expect("keep mine");
    assert_eq!(
        link_of(&target.store, &waiting.id, &on).link_type,
        LinkType::FinishToFinish,
        "keeping mine leaves the link as it is here"
    );
    target
        .store
        .import_bundle(&json, &BundleResolutions::all(BundleResolution::TakeTheirs))
        .expect("take theirs");
    let taken = link_of(&target.store, &waiting.id, &on);
    assert_eq!(
        (taken.link_type, taken.lag_days),
        (LinkType::StartToStart, 2),
        "taking theirs gives the bundle's link"
    );
}

#[test]
fn a_link_with_an_unknown_type_or_a_lag_beyond_a_year_is_refused() {
    let lag = refused(&altered(|v| {
        v["dependencies"][0]["lag_days"] = Value::from(400);
    }));
    assert!(
        lag.contains("lag of 400 days") && lag.contains("365"),
        "the lag and the limit are named: {lag}"
    );
    let kind = refused(&altered(|v| {
        v["dependencies"][0]["link_type"] = Value::from("XX");
    }));
    assert!(
        kind.contains("dependencies") || kind.contains("XX"),
        "the unknown type is named where it is: {kind}"
    );
}
