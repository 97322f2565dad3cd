//! `rollplan-cli check` and the start-up check: is this file healthy and ours?

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::store::orphans::{self, OrphanedRows};
use crate::store::{inspect, LATEST_SCHEMA_VERSION};
use crate::{CoreError, Result, Store};

/// What a health check of the database found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckReport {
    /// The database file, or `None` in memory.
    pub path: Option<String>,
    pub schema_version: i64,
    pub supported_schema_version: i64,
    /// What SQLite's integrity check reported; empty when the file is sound.
    pub integrity_problems: Vec<String>,
    /// Rows that point at something that no longer exists.
    pub foreign_key_violations: i64,
    /// Those rows, per table and link, with what a repair would do to them.
    pub orphaned_rows: Vec<OrphanedRows>,
}

impl CheckReport {
    pub fn is_healthy(&self) -> bool {
        self.integrity_problems.is_empty()
            && self.foreign_key_violations == 0
            && self.schema_version == self.supported_schema_version
    }
}

impl Store {
    /// Runs SQLite's integrity and foreign-key checks and reads the schema version.
    pub fn check(&self) -> Result<CheckReport> {
        let path = self.path().map(|p| p.display().to_string());
        self.read(|conn| Ok(report(conn, path)?))
    }
}

/// The same report for a database file that is not open, read without changing it: for
/// a file `Store::open` refuses (damaged, say), to show what is wrong with it.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    let unreadable = |e: rusqlite::Error| {
        CoreError::Database(format!("cannot read {} as a database: {e}", path.display()))
    };
    if !path.is_file() {
        return Err(CoreError::NotFound {
            entity: "Database file",
            id: path.display().to_string(),
        });
    }
    let conn = inspect::open_read_only(path).map_err(unreadable)?;
    match report(&conn, Some(path.display().to_string())) {
        Ok(report) => Ok(report),
        // So damaged that SQLite cannot even run its checks: that is the finding.
        Err(e) if inspect::is_damage(&e) => Ok(CheckReport {
            path: Some(path.display().to_string()),
            schema_version: inspect::user_version(&conn).unwrap_or(0),
            supported_schema_version: LATEST_SCHEMA_VERSION,
            integrity_problems: vec![e.to_string()],
            foreign_key_violations: 0,
            orphaned_rows: Vec::new(),
        }),
        Err(e) => Err(unreadable(e)),
    }
}

fn report(conn: &Connection, path: Option<String>) -> rusqlite::Result<CheckReport> {
    let orphaned_rows = orphans::find(conn)?;
    Ok(CheckReport {
        path,
        schema_version: inspect::user_version(conn)?,
        supported_schema_version: LATEST_SCHEMA_VERSION,
        integrity_problems: inspect::integrity_problems(conn, "PRAGMA integrity_check")?,
        foreign_key_violations: orphaned_rows.iter().map(|o| o.row_ids.len() as i64).sum(),
        orphaned_rows,
    })
}
