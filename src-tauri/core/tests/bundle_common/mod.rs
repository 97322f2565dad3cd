//! Shared by the bundle tests: the sample clinic to export from, empty databases to
//! import into, and the row counts that show a refused or previewed import wrote
//! nothing.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

#[path = "../shared/table_counts.rs"]
mod table_counts;
#[allow(unused_imports)] // Not every test file that shares this module counts rows.
pub use table_counts::row_counts;

use std::path::PathBuf;

use chrono::NaiveDate;
use rollplan_core::bundle::{bundle_to_json, BundleResolution, BundleResolutions};
use rollplan_core::rollouts::RolloutKind;
use rollplan_core::{CoreError, Store};
use serde_json::Value;

pub struct Db {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub store: Store,
}

pub fn empty_db() -> Db {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let store = Store::open(&path).expect("open store");
    Db {
        _dir: dir,
        path,
        store,
    }
}

/// The day the sample clinic is seeded and its bundles are written.
pub fn sample_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).expect("date")
}

/// The sample clinic, and the id of its EHR go-live.
pub fn clinic() -> (Db, String) {
    let db = empty_db();
    let rollouts = rollplan_core::demo::seed_sample_clinic(&db.store, sample_day()).expect("demo");
    let ehr = rollouts
        .into_iter()
        .find(|r| r.kind == RolloutKind::EhrGoLive)
        .expect("the sample clinic has an EHR go-live");
    (db, ehr.id)
}

pub fn export(store: &Store, rollout: &str, include_people: bool) -> String {
    let bundle = store
        .export_bundle(rollout, include_people, sample_day())
        .expect("export");
    bundle_to_json(&bundle).expect("json")
}

/// The bundle without its export time, which is the only thing allowed to differ.
pub fn content(json: &str) -> Value {
    let mut value: Value = serde_json::from_str(json).expect("bundle is JSON");
    value["exported_at"] = Value::Null;
    value
}

pub fn section_len(json: &str, section: &str) -> usize {
    content(json)[section].as_array().map_or(0, Vec::len)
}

/// Imports `json` into a copy of the clinic that already has the bundle, expecting a
/// refusal; returns its message after checking nothing was written.
pub fn refused(json: &str) -> String {
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

pub fn altered(edit: impl FnOnce(&mut Value)) -> String {
    let (source, ehr) = clinic();
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).expect("json");
    edit(&mut value);
    value.to_string()
}
