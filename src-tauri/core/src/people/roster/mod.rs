//! Importing a staff roster (CSV or XLSX, as exported from HR or scheduling systems).
//!
//! The same code plans and applies an import: a preview runs it inside a transaction
//! that is rolled back, an import commits it, so what the preview promised is exactly
//! what the import does. People are matched by email, or by name when a row has none.

mod apply;
mod impact;
mod mapping;
mod meanings;
mod statuses;
mod titles;
mod values;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::Table;
use crate::{CoreError, Result, Store};
use apply::run;
pub use impact::{RoleMove, TrainingImpact};
pub use mapping::{RosterMapping, StatusChoice, TitleChoice};
pub use meanings::{StatusBasis, StatusReport, TitleBasis, TitleReport};

/// What the import does, or did, with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RosterOutcome {
    Added,
    Updated,
    Unchanged,
    Rejected,
}

/// One row of the file and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterRow {
    pub line: usize,
    pub name: String,
    pub email: String,
    pub role: String,
    pub department: String,
    pub outcome: RosterOutcome,
    /// Why the row was rejected, or what changed for an updated person.
    pub detail: String,
    /// The column a rejection is about.
    pub column: Option<String>,
}

/// The outcome of a roster import, or of its preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterReport {
    pub file: String,
    pub headers: Vec<String>,
    pub mapping: RosterMapping,
    pub rows: Vec<RosterRow>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Roles the file names that were not in the list yet (added by the import).
    pub new_roles: Vec<String>,
    /// Each job title of the file and the role it means.
    pub titles: Vec<TitleReport>,
    /// Each employment status of the file and what it means.
    pub statuses: Vec<StatusReport>,
    /// Statuses still to be decided, as "'Suspended' (3 rows)": the import waits for them.
    pub undecided_statuses: Vec<String>,
    /// Who leaves and joins each role.
    pub role_moves: Vec<RoleMove>,
    /// The rollouts whose trained % or readiness the import changes, before and after.
    pub training_impact: Vec<TrainingImpact>,
}

/// What to do when some rows cannot be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RejectedRows {
    /// Import nothing and report the first rejected row (the command line's default).
    Refuse,
    /// Import every other row; the person has seen the rejected ones in the preview.
    Skip,
}

impl Store {
    /// What importing `table` would do, row by row, and to training and readiness as of
    /// `today`; writes nothing.
    pub fn preview_roster(
        &self,
        table: &Table,
        mapping: &RosterMapping,
        today: NaiveDate,
    ) -> Result<RosterReport> {
        mapping.check()?;
        self.dry_run(|tx| run(tx, table, mapping, today))
    }

    /// Imports `table` in one transaction, after a `before-import` backup: all of it, or
    /// (with rejected rows and [`RejectedRows::Refuse`]) none of it. A status whose
    /// meaning is undecided stops it, whichever `rejected_rows` says.
    pub fn import_roster(
        &self,
        table: &Table,
        mapping: &RosterMapping,
        rejected_rows: RejectedRows,
        today: NaiveDate,
    ) -> Result<RosterReport> {
        mapping.check()?;
        self.write_after_backup(|tx| {
            let report = run(tx, table, mapping, today)?;
            if !report.undecided_statuses.is_empty() {
                return Err(CoreError::Import {
                    file: report.file.clone(),
                    row: None,
                    column: report.mapping.active.and_then(|c| report.headers.get(c).cloned()),
                    message: format!(
                        "say whether people with these statuses still work here: {} (nothing was imported)",
                        report.undecided_statuses.join(", ")
                    ),
                });
            }
            if rejected_rows == RejectedRows::Refuse {
                if let Some(first) = report
                    .rows
                    .iter()
                    .find(|r| r.outcome == RosterOutcome::Rejected)
                {
                    return Err(CoreError::Import {
                        file: report.file.clone(),
                        row: Some(first.line),
                        column: first.column.clone(),
                        message: format!(
                            "{} ({} of {} rows cannot be imported; nothing was imported)",
                            first.detail,
                            report.rejected,
                            report.rows.len()
                        ),
                    });
                }
            }
            Ok(report)
        })
    }
}
