//! The `.rollplan` bundle: its shape, stable bytes, the round trip through an empty
//! database, merging by id with conflicts and their resolutions, and every kind of bad
//! bundle refused with nothing written.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rollplan_core::bundle::{
    bundle_to_json, BundleResolution, BundleResolutions, MAX_BUNDLE_BYTES,
};
use rollplan_core::rollouts::RolloutKind;
use rollplan_core::workspace::{RiskDraft, RiskStatus};
use rollplan_core::{CoreError, Store};
use serde_json::Value;

/// Every table a bundle import may write to, the audit log included.
const TABLES: &[&str] = &[
    "rollouts",
    "roles",
    "people",
    "plan_phases",
    "plan_tasks",
    "plan_dependencies",
    "readiness_criteria",
    "risks",
    "decisions",
    "communications",
    "stakeholders",
    "stakeholder_raci",
    "scope_changes",
    "training_modules",
    "training_requirements",
    "training_records",
    "metrics",
    "metric_thresholds",
    "metric_measurements",
    "sops",
    "sop_steps",
    "sop_exceptions",
    "sop_revisions",
    "sop_rollouts",
    "audit_log",
];

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
}

fn empty_db() -> Db {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let store = Store::open(&path).expect("open store");
    Db {
        _dir: dir,
        path,
        store,
    }
}

/// The sample clinic, and the id of its EHR go-live.
fn clinic() -> (Db, String) {
    let db = empty_db();
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&db.store, today).expect("demo");
    let ehr = rollouts
        .into_iter()
        .find(|r| r.kind == RolloutKind::EhrGoLive)
        .expect("the sample clinic has an EHR go-live");
    (db, ehr.id)
}

fn export(store: &Store, rollout: &str, include_people: bool) -> String {
    let bundle = store
        .export_bundle(rollout, include_people)
        .expect("export");
    bundle_to_json(&bundle).expect("json")
}

/// The bundle without its export time, which is the only thing allowed to differ.
fn content(json: &str) -> Value {
    let mut value: Value = serde_json::from_str(json).expect("bundle is JSON");
    value["exported_at"] = Value::Null;
    value
}

fn row_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).expect("open for counting");
    TABLES
        .iter()
        .map(|table| {
            let count = conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })
                .expect("count");
            ((*table).to_owned(), count)
        })
        .collect()
}

fn section_len(json: &str, section: &str) -> usize {
    content(json)[section].as_array().map_or(0, Vec::len)
}

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
    assert_eq!(value["version"], 2);
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
        assert_eq!(
            content(&json),
            content(&again),
            "the round trip loses nothing (people: {include_people})"
        );
    }
}

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

/// Imports `json` into a copy of the clinic that already has the bundle, expecting a
/// refusal; returns its message after checking nothing was written.
fn refused(json: &str) -> String {
    let (db, _) = clinic();
    let before = row_counts(&db.path);
    let error: CoreError = db
        .store
        .import_bundle(json, &BundleResolutions::all(BundleResolution::TakeTheirs))
        .expect_err("a bad bundle is refused");
    assert_eq!(
        before,
        row_counts(&db.path),
        "a refused bundle writes nothing ({error})"
    );
    assert!(
        error.is_user_error(),
        "a bad bundle is the user's input, not a fault: {error}"
    );
    error.to_string()
}

fn altered(edit: impl FnOnce(&mut Value)) -> String {
    let (source, ehr) = clinic();
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).expect("json");
    edit(&mut value);
    value.to_string()
}

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
    let message = refused(&altered(|v| v["version"] = Value::from(3)));
    assert!(
        message.contains("newer Rollplan") && message.contains("version 3"),
        "{message}"
    );
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
