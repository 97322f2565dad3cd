//! Opening the database file: pragmas, migrations, and the refusals that protect data.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::store::LATEST_SCHEMA_VERSION;
use rollplan_core::Store;

fn draft(name: &str) -> RolloutDraft {
    RolloutDraft {
        name: name.into(),
        ..RolloutDraft::default()
    }
}

#[test]
fn a_new_file_is_created_with_its_folder_and_reopens_with_its_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested").join("rollplan.db");
    let created = {
        let store = Store::open(&path).expect("a new database opens");
        store
            .create_rollout(&draft("Patient portal"))
            .expect("create")
    };
    let reopened = Store::open(&path).expect("the database reopens");
    assert_eq!(
        reopened.get_rollout(&created.id).expect("read back"),
        created,
        "a committed rollout must survive closing and reopening the file"
    );
    let report = reopened.check().expect("check runs");
    assert!(
        report.is_healthy(),
        "a fresh database is healthy: {report:?}"
    );
    assert_eq!(report.schema_version, LATEST_SCHEMA_VERSION);
}

#[test]
fn every_connection_runs_in_wal_mode_with_foreign_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    drop(Store::open(&path).expect("open"));
    let raw = rusqlite::Connection::open(&path).expect("raw open");
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal mode");
    assert_eq!(
        mode, "wal",
        "the file must stay in WAL mode for crash safety"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.db");
    {
        let raw = rusqlite::Connection::open(&path).expect("raw open");
        raw.execute_batch(&format!(
            "CREATE TABLE from_the_future (x); PRAGMA user_version = {};",
            LATEST_SCHEMA_VERSION + 1
        ))
        .expect("write a future schema");
    }
    let before = std::fs::read(&path).expect("read bytes");

    let error = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert_eq!(error.code(), "newer_schema");
    assert!(
        error.to_string().contains("newer version of Rollplan"),
        "the message says what happened: {error}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read bytes"),
        before,
        "the refused file must not be modified in any way"
    );
    assert!(
        !dir.path().join("future.db-wal").exists(),
        "no WAL file may be created beside a refused database"
    );
}

#[test]
fn a_file_that_is_not_a_database_gets_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.db");
    std::fs::write(
        &path,
        "These are meeting notes, not a database.\n".repeat(200),
    )
    .expect("write");
    let error = Store::open(&path)
        .err()
        .expect("a text file is not a database");
    assert!(
        error.to_string().contains("notes.db"),
        "the message names the file: {error}"
    );
}

#[test]
fn an_in_memory_store_is_fully_migrated() {
    let store = Store::open_in_memory().expect("in-memory store");
    let report = store.check().expect("check");
    assert_eq!(report.schema_version, LATEST_SCHEMA_VERSION);
    assert!(report.path.is_none());
}
