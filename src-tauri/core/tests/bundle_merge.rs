//! Merging a bundle into a database that has some of it: identical records skipped,
//! new ones added, changed ones a conflict settled by the user's choice, approved
//! revisions never changed, and records in the local trash left there.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bundle_common;

use bundle_common::{clinic, content, empty_db, export, row_counts, sample_day, Db};
use rollplan_core::bundle::{BundleResolution, BundleResolutions};
use rollplan_core::metrics::Metric;
use rollplan_core::workspace::{RiskDraft, RiskStatus};
use serde_json::Value;

#[test]
fn importing_the_same_bundle_twice_skips_everything() {
    let (source, ehr) = clinic();
    let json = export(&source.store, &ehr, true);
    let target = empty_db();
    target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect("first");
    let before = row_counts(&target.path);
    let report = target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect("second");
    assert_eq!(report.total_added(), 0);
    assert_eq!(report.total_updated(), 0);
    assert!(report.conflicts.is_empty());
    assert_eq!(
        before,
        row_counts(&target.path),
        "an identical bundle writes nothing, not even audit rows"
    );
}

#[test]
fn new_records_are_added_and_the_preview_shows_them_without_writing() {
    let (source, ehr) = clinic();
    let target = empty_db();
    target
        .store
        .import_bundle(
            &export(&source.store, &ehr, false),
            &BundleResolutions::default(),
        )
        .expect("first");
    source
        .store
        .create_risk(
            &ehr,
            &RiskDraft {
                title: "Interface vendor misses the test window".into(),
                likelihood: 3,
                impact: 4,
                mitigation: String::new(),
                owner: String::new(),
                trigger: String::new(),
                status: RiskStatus::Open,
            },
        )
        .expect("risk");
    let json = export(&source.store, &ehr, false);
    let before = row_counts(&target.path);
    let preview = target
        .store
        .preview_bundle_import(&json, &BundleResolutions::default())
        .expect("preview");
    assert!(!preview.written);
    let risks = preview
        .sections
        .iter()
        .find(|s| s.section == "risks")
        .expect("risks counted");
    assert_eq!((risks.added, risks.updated), (1, 0));
    assert_eq!(before, row_counts(&target.path), "a preview writes nothing");
    let report = target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect("import");
    assert!(report.written);
    assert_eq!(report.total_added(), 1, "only the new risk is added");
    let titles: Vec<String> = target
        .store
        .list_risks(&ehr)
        .expect("risks")
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert!(titles.contains(&"Interface vendor misses the test window".to_owned()));
}

/// A target that imported the EHR bundle and then renamed one task locally.
fn edited_copy() -> (Db, String, String, String) {
    let (source, ehr) = clinic();
    let json = export(&source.store, &ehr, false);
    let target = empty_db();
    target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect("first import");
    let task = target.store.list_tasks(&ehr).expect("tasks").remove(0);
    let mut draft = task.draft();
    draft.title = "Renamed here".into();
    target
        .store
        .update_task(&task.id, task.row_version, &draft)
        .expect("local edit");
    (target, json, task.id, task.title)
}

#[test]
fn a_changed_row_is_a_conflict_and_without_a_choice_nothing_is_written() {
    let (target, json, task_id, bundle_title) = edited_copy();
    let preview = target
        .store
        .preview_bundle_import(&json, &BundleResolutions::default())
        .expect("preview");
    assert_eq!(
        preview.conflicts.len(),
        1,
        "exactly the renamed task differs: {:?}",
        preview.conflicts
    );
    let conflict = &preview.conflicts[0];
    assert_eq!(conflict.key, format!("tasks/{task_id}"));
    assert_eq!(conflict.fields.len(), 1);
    assert_eq!(conflict.fields[0].field, "title");
    assert_eq!(
        conflict.fields[0].old.as_deref(),
        Some("Renamed here"),
        "old is this database's value"
    );
    assert_eq!(
        conflict.fields[0].new.as_deref(),
        Some(bundle_title.as_str()),
        "new is the bundle's"
    );
    assert_eq!(conflict.resolution, None);

    let before = row_counts(&target.path);
    let refused = target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect_err("unresolved");
    assert_eq!(refused.code(), "conflict");
    assert!(
        refused.to_string().contains(&bundle_title),
        "names the conflict: {refused}"
    );
    assert_eq!(
        before,
        row_counts(&target.path),
        "a refused import writes nothing"
    );
}

#[test]
fn keep_mine_leaves_the_local_row_and_take_theirs_replaces_it_with_an_audit_entry() {
    let (target, json, task_id, bundle_title) = edited_copy();
    let kept = target
        .store
        .import_bundle(&json, &BundleResolutions::all(BundleResolution::KeepMine))
        .expect("keep");
    assert_eq!(kept.total_updated(), 0);
    assert_eq!(
        kept.conflicts[0].resolution,
        Some(BundleResolution::KeepMine)
    );
    assert_eq!(
        target.store.get_task(&task_id).expect("task").title,
        "Renamed here"
    );

    let mut choice = BundleResolutions::default();
    choice
        .by_conflict
        .insert(format!("tasks/{task_id}"), BundleResolution::TakeTheirs);
    let taken = target
        .store
        .import_bundle(&json, &choice)
        .expect("take theirs");
    assert_eq!(taken.total_updated(), 1);
    assert_eq!(
        target.store.get_task(&task_id).expect("task").title,
        bundle_title
    );
    let history = target.store.task_history(&task_id).expect("history");
    let last = &history[0];
    assert!(
        last.changes
            .iter()
            .any(|c| c.field == "title" && c.new.as_deref() == Some(bundle_title.as_str())),
        "the update is in the task's history: {last:?}"
    );
}

#[test]
fn an_approved_revision_that_differs_is_reported_and_always_kept() {
    let (source, ehr) = clinic();
    let json = export(&source.store, &ehr, false);
    let target = empty_db();
    target
        .store
        .import_bundle(&json, &BundleResolutions::default())
        .expect("first");
    let mut value: Value = serde_json::from_str(&json).expect("json");
    value["sop_revisions"][0]["approved_by"] = Value::from("Someone else");
    let altered = value.to_string();
    let report = target
        .store
        .import_bundle(
            &altered,
            &BundleResolutions::all(BundleResolution::TakeTheirs),
        )
        .expect("an unchangeable difference does not block the import");
    let conflict = report
        .conflicts
        .iter()
        .find(|c| c.section == "sop_revisions")
        .expect("reported");
    assert!(!conflict.can_take_theirs);
    assert_eq!(conflict.resolution, Some(BundleResolution::KeepMine));
    assert!(report.warnings.iter().any(|w| w.contains("never changes")));
    let again = export(&target.store, &ehr, false);
    assert_eq!(
        content(&again)["sop_revisions"],
        content(&json)["sop_revisions"],
        "the revision is untouched"
    );
}

/// A target that imported the EHR bundle and then moved one metric to its trash; the
/// bundle's copy of that metric has since been changed at the source.
fn trashed_copy() -> (Db, String, Metric) {
    let (source, ehr) = clinic();
    let target = empty_db();
    target
        .store
        .import_bundle(
            &export(&source.store, &ehr, false),
            &BundleResolutions::default(),
        )
        .expect("first import");
    let metric = target.store.list_metrics(&ehr).expect("metrics").remove(0);
    target
        .store
        .trash_metric(&metric.id)
        .expect("trash locally");
    let trashed = target.store.get_metric(&metric.id).expect("trashed metric");
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).expect("json");
    let incoming = value["metrics"]
        .as_array_mut()
        .expect("metrics")
        .iter_mut()
        .find(|m| m["id"] == metric.id.as_str())
        .expect("the trashed metric is in the bundle");
    incoming["definition"] = Value::from("Counted differently at the sister clinic");
    (target, value.to_string(), trashed)
}

#[test]
fn a_record_in_the_local_trash_stays_there_untouched_and_is_reported() {
    // docs/bundle.md: "here but in the trash: left in the trash and reported; restore it
    // and import again". Not a conflict: the person chose to trash it here, and taking
    // the bundle's copy would bring it back, or change it, behind their back.
    let (target, json, before) = trashed_copy();
    assert!(
        before.deleted_at.is_some(),
        "the metric is in the local trash"
    );
    let counts = row_counts(&target.path);
    let report = target
        .store
        .import_bundle(&json, &BundleResolutions::all(BundleResolution::TakeTheirs))
        .expect("a trashed record does not block the import");

    assert!(
        report.conflicts.iter().all(|c| c.id != before.id),
        "a trashed record is not offered as a conflict: {:?}",
        report.conflicts
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("in your trash") && w.contains(&before.name)),
        "the report says the bundle's copy of a trashed record was not imported: {:?}",
        report.warnings
    );
    let metrics = report
        .sections
        .iter()
        .find(|s| s.section == "metrics")
        .expect("metrics counted");
    assert_eq!(
        (metrics.added, metrics.updated),
        (0, 0),
        "the trashed metric is neither added again nor updated"
    );
    let after = target.store.get_metric(&before.id).expect("metric");
    assert_eq!(
        after, before,
        "the trashed row is left exactly as it was, in the trash"
    );
    assert_eq!(
        counts,
        row_counts(&target.path),
        "nothing was written for it, not even an audit row"
    );
}

/// A bundle exported without people carries no training records: importing it must not
/// change the verdict silently. The preview says what will read differently and why;
/// with people, nothing differs and nothing is said.
#[test]
fn the_preview_says_when_the_verdict_will_read_differently_and_why() {
    let (source, ehr) = clinic();
    let sent = source
        .store
        .rollout_readiness(&ehr, sample_day())
        .expect("sender's readiness");

    let target = empty_db();
    let preview = target
        .store
        .preview_bundle_import(
            &export(&source.store, &ehr, false),
            &BundleResolutions::default(),
        )
        .expect("preview");
    let change = preview
        .readiness_change
        .expect("without people, training reads differently here");
    assert_eq!(
        (
            change.sent_verdict,
            change.sent_score,
            change.sent_trained,
            change.sent_people
        ),
        (
            sent.verdict,
            sent.score,
            sent.training.trained,
            sent.training.people
        ),
        "the bundle carries what the sender saw"
    );
    let imported = target
        .store
        .import_bundle(
            &export(&source.store, &ehr, false),
            &BundleResolutions::default(),
        )
        .expect("import");
    let here = target
        .store
        .rollout_readiness(&ehr, sample_day())
        .expect("readiness here");
    assert_eq!(
        (change.verdict, change.score, change.trained, change.people),
        (
            here.verdict,
            here.score,
            here.training.trained,
            here.training.people
        ),
        "the preview foretold exactly what the import gives"
    );
    assert_ne!(
        (change.score, change.trained),
        (change.sent_score, change.sent_trained),
        "the sample clinic's training shows the difference"
    );
    assert!(
        change.explanation.contains("sent without people")
            && change.explanation.contains(&format!(
                "where the sender had {} of {}",
                sent.training.trained, sent.training.people
            ))
            && change.explanation.contains(&format!("{}/100", sent.score)),
        "says what changes and why: {}",
        change.explanation
    );
    assert!(
        preview.warnings.contains(&change.explanation)
            && imported.warnings.contains(&change.explanation),
        "the preview and the import both warn"
    );

    let with_people = empty_db();
    let preview = with_people
        .store
        .preview_bundle_import(
            &export(&source.store, &ehr, true),
            &BundleResolutions::default(),
        )
        .expect("preview");
    assert_eq!(
        preview.readiness_change, None,
        "with people the rollout reads here as the sender saw it"
    );
}
