//! The laptop's side: the same SQLite file the core works on, reached through a
//! connection of this crate's own. Which tables are shared ([`tables`]), the triggers
//! that capture changes ([`capture`]), the team tables ([`store`]) and writing rows the
//! server sent ([`apply`]).

pub(crate) mod apply;
pub(crate) mod capture;
pub(crate) mod store;
pub(crate) mod tables;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use crate::Result;

/// Opens the workspace at `path` for team work. The core opens it first, so the file
/// is checked, backed up and migrated exactly as when the app opens it (and a file from
/// a newer Rollplan is refused); then this crate's own connection is made.
///
/// Foreign keys are not enforced on this connection, unlike the core's. It writes only
/// what the team's server holds, row by row as the author's copy wrote it — a purge's
/// cascade arrives as the deletions it caused there. A row whose parent someone else
/// purged meanwhile (a task added offline to a rollout another person deleted) is
/// kept, as the server keeps it, and named by `rollplan-cli check` like any orphan;
/// refusing it would leave this copy unable ever to pull again, and cascading here
/// would delete what the other copies keep.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    drop(rollplan_core::Store::open(path)?);
    reopen(path)
}

/// This crate's connection to a file [`open`] has already checked, without checking it
/// again: for a sync session, which checks the file once and then connects afresh for
/// each sync (holding no connection between syncs, so a restore can replace the file).
pub(crate) fn reopen(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(conn)
}

/// SQLite's schema cookie, which changes with every change of the file's schema: a
/// session writes the capture triggers again when it moved (a restored backup migrated
/// to this version, say).
pub(crate) fn schema_cookie(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "schema_version", |row| row.get(0))?)
}

/// A read-only connection to the file at `path`, without the core's check: for reading
/// the team's own tables while another connection (the app's) works on the file.
pub(crate) fn open_for_reading(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

/// Writes the SOP library's search index again, once rows of the library arrived from
/// the team: they are written row by row, outside the core's own writes that keep the
/// index in step.
pub(crate) fn reindex_library(path: &Path) -> Result<()> {
    rollplan_core::Store::open(path)?.rebuild_sop_search()?;
    Ok(())
}

/// Now as the core writes timestamps: UTC, ISO-8601 with milliseconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A time the server gave (RFC 3339, any offset) as the core writes timestamps, so a
/// row's `updated_at` reads the same whichever copy wrote it; text that is not a time
/// is kept as it is.
pub(crate) fn timestamp(server_time: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(server_time)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or_else(|_| server_time.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn server_times_are_written_as_the_core_writes_them() {
        assert_eq!(
            super::timestamp("2026-12-06T11:08:00.123456+01:00"),
            "2026-12-06T10:08:00.123Z",
            "UTC with milliseconds"
        );
    }
}
