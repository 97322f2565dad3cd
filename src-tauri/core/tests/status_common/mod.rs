//! A rollout whose week of Jan 11–17, 2027 is staged for the weekly status tests: the
//! records are written through the core as a person would, then the audit log's times
//! are moved to the day the work "happened" (the log writes the real clock's time).

// Each test file uses only some of these helpers.
#![allow(dead_code)]

pub mod clinic;

use chrono::NaiveDate;
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::TaskDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::status::{SectionKind, StatusDraft, StatusItem};
use rollplan_core::Store;

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// The Monday of the week the tests report on.
pub fn monday() -> NaiveDate {
    date("2027-01-11")
}

/// A day after that week: its status is judged as of its Sunday.
pub fn after_week() -> NaiveDate {
    date("2027-01-20")
}

pub struct Week {
    pub store: Store,
    /// The same file, opened raw to move the audit log's times.
    pub db: rusqlite::Connection,
    pub rollout: String,
    /// The last audit entry already moved.
    moved: std::cell::Cell<i64>,
    _dir: tempfile::TempDir,
}

impl Week {
    /// A file-backed store with Dana Whitfield in the directory and a rollout going live
    /// on 2027-03-01, everything dated well before the week.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("status.db");
        let store = Store::open(&path).expect("store");
        store
            .create_person(&PersonDraft {
                name: "Dana Whitfield".into(),
                ..PersonDraft::default()
            })
            .expect("person");
        let rollout = store
            .create_rollout(&RolloutDraft {
                name: "EHR go-live".into(),
                owner: "Maria Lopez".into(),
                start_date: Some("2026-10-01".into()),
                go_live_date: Some("2027-03-01".into()),
                ..RolloutDraft::default()
            })
            .expect("rollout")
            .id;
        let db = rusqlite::Connection::open(&path).expect("raw connection");
        let week = Self {
            store,
            db,
            rollout,
            moved: std::cell::Cell::new(0),
            _dir: dir,
        };
        week.everything_so_far_on("2027-01-04T09:00:00.000Z");
        week
    }

    /// Moves every audit entry not moved yet (and the rollouts' creation) to `at`.
    pub fn everything_so_far_on(&self, at: &str) {
        self.db
            .execute(
                "UPDATE audit_log SET at = ?1 WHERE seq > ?2",
                rusqlite::params![at, self.moved.get()],
            )
            .expect("move audit entries");
        let last: i64 = self
            .db
            .query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |row| {
                row.get(0)
            })
            .expect("last entry");
        self.moved.set(last);
        // Rollouts are created once, before the week: the ones not yet moved.
        self.db
            .execute(
                "UPDATE rollouts SET created_at = ?1 WHERE created_at > '2027-01-04'
                    OR created_at < '2027-01-01'",
                rusqlite::params!["2027-01-04T09:00:00.000Z"],
            )
            .expect("move creation");
    }
}

/// The items of `draft`'s section `kind`.
pub fn items(draft: &StatusDraft, kind: SectionKind) -> Vec<&StatusItem> {
    draft
        .sections
        .iter()
        .filter(|s| s.kind == kind)
        .flat_map(|s| s.items.iter())
        .collect()
}

/// A task of `week`'s rollout, owned by Dana Whitfield.
pub fn task(week: &Week, title: &str, start: &str, due: &str) -> rollplan_core::plan::Task {
    week.store
        .create_task(
            &week.rollout,
            &TaskDraft {
                title: title.into(),
                owner: "Dana Whitfield".into(),
                start_date: Some(start.into()),
                due_date: Some(due.into()),
                ..TaskDraft::default()
            },
        )
        .expect("task")
}
