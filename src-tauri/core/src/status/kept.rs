//! The last draft of a rollout's week, kept while nothing at all is written.
//!
//! A draft reads nearly everything about its rollout — the plan and its audit log,
//! risks, decisions, messages, readiness, training, metrics, the baseline — and on a
//! 5,000-task go-live takes about 70 ms (about 25 once its plan is kept: see
//! [`super::plan_week`]). Listing each column it reads, as the kept
//! values of [`crate::store::Kept`] do, would make it stale on almost any write anyway,
//! so it is kept on a plainer condition: the store's connection has changed no row
//! since (SQLite's `total_changes()`, which counts the rows every statement and trigger
//! wrote, rolled back or not) and no other connection has committed (`PRAGMA
//! data_version`). Going from the Status tab to the plan and back, or drafting the week
//! and then saving it, drafts it once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::StatusDraft;
use crate::store::lock_ignoring_poison;

/// What a draft was worked out for: its rollout and week, the day it was drafted on,
/// and where the database stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DraftKey {
    rollout_id: String,
    monday: NaiveDate,
    today: NaiveDate,
    written: Written,
}

/// Where the database stands: equal only while nothing has been written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    own: i64,
    others: i64,
}

impl DraftKey {
    /// Read before the draft's own read begins, so that a write landing in between makes
    /// the draft look older than it is (drafted again next time), never newer.
    pub(crate) fn of(
        conn: &Connection,
        rollout_id: &str,
        monday: NaiveDate,
        today: NaiveDate,
    ) -> rusqlite::Result<Self> {
        Ok(Self {
            rollout_id: rollout_id.to_owned(),
            monday,
            today,
            written: Written {
                own: conn.query_row("SELECT total_changes()", [], |row| row.get(0))?,
                others: conn.query_row("PRAGMA data_version", [], |row| row.get(0))?,
            },
        })
    }
}

#[derive(Debug, Default)]
pub(crate) struct KeptDraft {
    last: Mutex<Option<(DraftKey, StatusDraft)>>,
    /// How many drafts were worked out rather than given from the kept one, for tests.
    drafted: AtomicUsize,
}

impl KeptDraft {
    pub(crate) fn get(&self, key: &DraftKey) -> Option<StatusDraft> {
        match &*lock_ignoring_poison(&self.last) {
            Some((kept, draft)) if kept == key => Some(draft.clone()),
            _ => None,
        }
    }

    pub(crate) fn set(&self, key: DraftKey, draft: &StatusDraft) {
        self.drafted.fetch_add(1, Ordering::Relaxed);
        *lock_ignoring_poison(&self.last) = Some((key, draft.clone()));
    }

    pub(crate) fn drafted(&self) -> usize {
        self.drafted.load(Ordering::Relaxed)
    }
}
