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

use chrono::NaiveDate;
use rusqlite::Connection;

use super::StatusDraft;

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

/// The last draft, kept for its [`DraftKey`].
pub(crate) type KeptDraft = crate::store::KeptFor<DraftKey, StatusDraft>;
