//! `rollplan-cli check` and the start-up check: is this file healthy and ours?

use serde::Serialize;
use ts_rs::TS;

use crate::store::LATEST_SCHEMA_VERSION;
use crate::{Result, Store};

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
        self.read(|conn| {
            let schema_version = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            let mut integrity = conn.prepare("PRAGMA integrity_check")?;
            let integrity_problems = integrity
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|line| line != "ok")
                .collect();
            let mut foreign_keys = conn.prepare("PRAGMA foreign_key_check")?;
            let foreign_key_violations = foreign_keys.query_map([], |_| Ok(()))?.count() as i64;
            Ok(CheckReport {
                path,
                schema_version,
                supported_schema_version: LATEST_SCHEMA_VERSION,
                integrity_problems,
                foreign_key_violations,
            })
        })
    }
}
