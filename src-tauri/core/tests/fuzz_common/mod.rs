//! What the fuzz tests share: a bounded proptest configuration, row counts that show
//! whether a refused import wrote anything, and the database file imports are tried on.

// Each fuzz test file uses only some of these helpers.
#![allow(dead_code)]

#[path = "../shared/table_counts.rs"]
mod table_counts;
#[allow(unused_imports)] // Not every test file that shares this module counts rows.
pub use table_counts::row_counts;

use std::path::{Path, PathBuf};

use proptest::test_runner::Config;
use rollplan_core::people::PersonDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

/// A database file with the person and the rollout the random imports name: Ana Ruiz
/// (ana@riverside.org) and "EHR go-live". A file, not memory, so rows can be counted.
pub struct Clinic {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub store: Store,
    pub rollout: String,
}

pub fn clinic() -> Clinic {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let store = Store::open(&path).expect("store");
    store
        .create_person(&PersonDraft {
            name: "Ana Ruiz".into(),
            email: "ana@riverside.org".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    Clinic {
        _dir: dir,
        path,
        store,
        rollout,
    }
}

/// `cases` per property in the ordinary test run, so the whole set stays well under a
/// minute in a debug build. `ROLLPLAN_FUZZ_SCALE=20` runs twenty times as many, for a
/// longer search by hand. Failures are not persisted: each one found is kept as a plain
/// regression test beside the property that found it.
pub fn config(cases: u32) -> Config {
    let scale = std::env::var("ROLLPLAN_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    Config {
        cases: cases.saturating_mul(scale),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Foreign keys that point nowhere, and what `PRAGMA integrity_check` says.
pub fn health(path: &Path) -> (i64, String) {
    let conn = rusqlite::Connection::open(path).expect("open for checking");
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .expect("foreign key check");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check");
    (broken, integrity)
}
