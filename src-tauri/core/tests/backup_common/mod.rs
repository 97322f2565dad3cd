//! What the backup, restore and start-up tests share: the sample clinic in a real file,
//! and reading what a file holds without opening it as the app would.

#![allow(dead_code)] // Each test file uses its own share of these.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rollplan_core::backup::{list_backups, Backup, BackupReason};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")
}

/// A database file holding the sample clinic, closed.
pub fn sample_clinic(dir: &Path) -> PathBuf {
    let path = dir.join("rollplan.db");
    let store = Store::open(&path).expect("open");
    rollplan_core::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    path
}

pub fn rollout(store: &Store, name: &str) -> String {
    store
        .create_rollout(&RolloutDraft {
            name: name.into(),
            ..RolloutDraft::default()
        })
        .expect("create rollout")
        .id
}

pub fn rollout_names(path: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open read-only");
    let mut statement = conn
        .prepare("SELECT name FROM rollouts ORDER BY name")
        .expect("query");
    statement
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("names")
}

pub fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

pub fn of_reason(db: &Path, reason: BackupReason) -> Vec<Backup> {
    list_backups(db)
        .expect("list backups")
        .into_iter()
        .filter(|b| b.reason == reason)
        .collect()
}
