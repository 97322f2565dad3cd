//! Rows that point at a record that no longer exists: a task of a rollout that is gone,
//! a training record of a deleted person. SQLite's foreign-key check finds them. They
//! are not damage — every page reads, and the rest of the work is sound — so the file
//! opens as usual, and they are reported as what they are: which rows, of which table,
//! pointing at what.
//!
//! Nothing is changed until the person asks for the repair, which first backs the file
//! up (`before-repair`) and then, in one transaction:
//! - clears a link that may be empty (a task's owner, a criterion's verifier), keeping
//!   the row;
//! - sets aside a row that cannot stand without what it belongs to (a task without its
//!   rollout): every column is kept as JSON in `quarantined_rows`, then the row goes.
//!
//! Setting a row aside can leave its own dependants pointing at nothing, so the repair
//! runs until the check comes back clean.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{inspect, Store};
use crate::backup::{self, BackupReason};
use crate::time::{now, timestamp_text};
use crate::Result;

/// How many rounds a repair may take: each round fixes what the previous one uncovered,
/// and the deepest chain of records (rollout → task → dependency) is short.
const MAX_ROUNDS: usize = 16;

/// One kind of broken link: the rows of `table` whose `column` names a missing record
/// of `missing_table`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrphanedRows {
    pub table: String,
    /// The rows as a person calls them ("plan tasks").
    pub records: String,
    pub column: String,
    pub missing_table: String,
    /// What is missing, as a person calls it ("rollouts").
    pub missing: String,
    /// The `id` of each row (or `row N` for a table keyed otherwise).
    pub row_ids: Vec<String>,
    /// What the repair will do to these rows.
    pub repair: OrphanRepair,
    /// One line for a person, the same in the app and the CLI: "3 plan tasks point at
    /// rollouts that no longer exist (the repair sets those rows aside)", or "1 metric
    /// points at a staff member that no longer exists (the repair clears that link)".
    pub summary: String,
}

/// What the repair does to a row whose link is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrphanRepair {
    /// The link may be empty: it is cleared and the row stays.
    ClearLink,
    /// The row cannot stand alone: it is kept in `quarantined_rows` and removed.
    SetAside,
}

/// What a repair did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct OrphanRepairOutcome {
    pub links_cleared: usize,
    pub rows_set_aside: usize,
    /// The backup made first; `None` in memory.
    pub backup: Option<backup::Backup>,
}

impl OrphanedRows {
    fn summarize(&mut self) {
        let count = self.row_ids.len();
        self.summary = if count == 1 {
            let (record, _) = table_words(&self.table);
            let (missing, _) = table_words(&self.missing_table);
            format!(
                "1 {record} points at a {missing} that no longer exists ({})",
                match self.repair {
                    OrphanRepair::ClearLink => "the repair clears that link",
                    OrphanRepair::SetAside => "the repair sets it aside",
                }
            )
        } else {
            format!(
                "{count} {} point at {} that no longer exist ({})",
                self.records,
                self.missing,
                match self.repair {
                    OrphanRepair::ClearLink => "the repair clears those links",
                    OrphanRepair::SetAside => "the repair sets those rows aside",
                }
            )
        };
    }
}

/// The last scan's finding, kept while no other connection has written.
///
/// The store's own connection enforces foreign keys, so nothing it commits can leave a
/// broken link; only another connection can (another program, a team pull, a backup
/// restored — SQLite's `data_version` tells), or the repair, which turns them off. So
/// the finding stands until one of those has written, and Settings, which shows it on
/// every visit, does not read a gigabyte again each time. Kept for `PRAGMA
/// data_version` on the store's connection, read before the scan.
pub(crate) type KeptScan = super::KeptFor<i64, Vec<OrphanedRows>>;

impl Store {
    /// The rows that point at records that no longer exist; empty for a sound file.
    ///
    /// The check reads every child table (about 60 ms on the benchmark's large
    /// workspace, a second on the extra-large one, more cold). The window asks for it
    /// after every start and Settings on every visit, so the finding is kept until
    /// another connection writes (see [`KeptScan`]). A file is read through a read-only
    /// connection of its own, so the app's one connection stays free for the person's
    /// clicks meanwhile, on a thread that gives way to the window's.
    pub fn orphaned_rows(&self) -> Result<Vec<OrphanedRows>> {
        // Read before the scan: a commit landing during it makes the finding look older
        // than it is (scanned again next time), never newer.
        let version: i64 = self
            .lock()
            .query_row("PRAGMA data_version", [], |row| row.get(0))?;
        if let Some(found) = self.orphan_scan.get(&version) {
            return Ok(found);
        }
        let found: Vec<OrphanedRows> = match &self.path {
            Some(path) => super::background::giving_way(|| -> Result<_> {
                let conn = inspect::open_read_only(path)?;
                Ok(find(&conn)?)
            })?,
            None => self.read(|conn| Ok(find(conn)?))?,
        };
        self.orphan_scan.set(version, found.clone());
        Ok(found)
    }

    /// How many times [`Store::orphaned_rows`] has read the file rather than given its
    /// kept finding.
    pub fn orphan_scans(&self) -> usize {
        self.orphan_scan.times_kept()
    }

    /// Repairs every broken link as [`OrphanedRows::repair`] says, after backing the file
    /// up. Foreign keys are off while it runs, so setting a row aside never cascades
    /// into rows the person has not been told about: those are found by the next round.
    pub fn repair_orphans(&self) -> Result<OrphanRepairOutcome> {
        self.verification.wait()?;
        let mut conn = self.lock();
        // The repair writes with foreign keys off: what was found is found again after.
        self.orphan_scan.forget();
        let mut outcome = OrphanRepairOutcome::default();
        if find(&conn)?.is_empty() {
            return Ok(outcome);
        }
        if let Some(path) = &self.path {
            let made = backup::make(&conn, path, BackupReason::BeforeRepair).map_err(|e| {
                backup::failed(
                    "The database could not be backed up before the repair, so nothing \
                     was changed",
                    e,
                )
            })?;
            outcome.backup = Some(made);
        }
        // The pragma is a no-op inside a transaction, so it is set around it.
        conn.execute_batch("PRAGMA foreign_keys = OFF")?;
        let repaired = repair_all(&mut conn, &mut outcome);
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
        repaired?;
        Ok(outcome)
    }
}

fn repair_all(conn: &mut Connection, outcome: &mut OrphanRepairOutcome) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let at = timestamp_text(now());
    let mut schema = Schema::default();
    for _ in 0..MAX_ROUNDS {
        let broken = violations(&tx, &mut schema)?;
        if broken.is_empty() {
            tx.commit()?;
            return Ok(());
        }
        for link in broken {
            match link.repair {
                // A row with two broken links is reported twice; once set aside, its
                // second report finds nothing left to do.
                OrphanRepair::ClearLink => {
                    outcome.links_cleared += usize::from(clear_link(&tx, &mut schema, &link, &at)?);
                }
                OrphanRepair::SetAside => {
                    outcome.rows_set_aside += usize::from(set_aside(&tx, &link, &at)?);
                }
            }
        }
    }
    Err(crate::CoreError::Database(
        "the repair did not settle: rows kept pointing at missing records".into(),
    ))
}

/// One broken link as SQLite reports it.
struct Violation {
    table: String,
    rowid: i64,
    column: String,
    missing_table: String,
    repair: OrphanRepair,
}

/// What the schema says of the tables a check or repair meets, asked once per table
/// and key rather than once per broken row (a deleted rollout leaves hundreds).
#[derive(Default)]
struct Schema {
    /// (table, key number) → (its column, whether the column may be empty).
    keys: HashMap<(String, i64), (String, bool)>,
    /// (table, column) → whether the table has it.
    columns: HashMap<(String, &'static str), bool>,
}

impl Schema {
    fn key(
        &mut self,
        conn: &Connection,
        table: &str,
        key: i64,
    ) -> rusqlite::Result<(String, bool)> {
        if let Some(found) = self.keys.get(&(table.to_owned(), key)) {
            return Ok(found.clone());
        }
        let column = key_column(conn, table, key)?;
        let nullable = !column_not_null(conn, table, &column)?;
        self.keys
            .insert((table.to_owned(), key), (column.clone(), nullable));
        Ok((column, nullable))
    }

    fn has_column(
        &mut self,
        conn: &Connection,
        table: &str,
        column: &'static str,
    ) -> rusqlite::Result<bool> {
        if let Some(&has) = self.columns.get(&(table.to_owned(), column)) {
            return Ok(has);
        }
        let has = has_column(conn, table, column)?;
        self.columns.insert((table.to_owned(), column), has);
        Ok(has)
    }
}

fn violations(conn: &Connection, schema: &mut Schema) -> rusqlite::Result<Vec<Violation>> {
    let mut statement = conn.prepare("PRAGMA foreign_key_check")?;
    let found = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut violations = Vec::with_capacity(found.len());
    for (table, rowid, missing_table, key) in found {
        // Every Rollplan table has a rowid; a foreign one without could not be repaired.
        let Some(rowid) = rowid else { continue };
        let (column, nullable) = schema.key(conn, &table, key)?;
        violations.push(Violation {
            table,
            rowid,
            column,
            missing_table,
            repair: if nullable {
                OrphanRepair::ClearLink
            } else {
                OrphanRepair::SetAside
            },
        });
    }
    Ok(violations)
}

/// The violations grouped per (table, column), with the rows' ids.
pub(crate) fn find(conn: &Connection) -> rusqlite::Result<Vec<OrphanedRows>> {
    let mut schema = Schema::default();
    let mut grouped: Vec<OrphanedRows> = Vec::new();
    for v in violations(conn, &mut schema)? {
        let row_id = row_label(conn, &mut schema, &v.table, v.rowid)?;
        match grouped
            .iter_mut()
            .find(|g| g.table == v.table && g.column == v.column)
        {
            Some(group) => group.row_ids.push(row_id),
            None => grouped.push(OrphanedRows {
                records: table_words(&v.table).1,
                missing: table_words(&v.missing_table).1,
                table: v.table,
                column: v.column,
                missing_table: v.missing_table,
                row_ids: vec![row_id],
                repair: v.repair,
                summary: String::new(),
            }),
        }
    }
    grouped.iter_mut().for_each(OrphanedRows::summarize);
    Ok(grouped)
}

/// The column of foreign key number `key` of `table` (as `foreign_key_check` numbers it).
fn key_column(conn: &Connection, table: &str, key: i64) -> rusqlite::Result<String> {
    conn.query_row(
        r#"SELECT "from" FROM pragma_foreign_key_list(?1) WHERE id = ?2"#,
        params![table, key],
        |row| row.get(0),
    )
}

fn column_not_null(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT \"notnull\" FROM pragma_table_info(?1) WHERE name = ?2",
        params![table, column],
        |row| row.get(0),
    )
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)",
        params![table, column],
        |row| row.get(0),
    )
}

/// The row's `id`, or "row N" for a table without one.
fn row_label(
    conn: &Connection,
    schema: &mut Schema,
    table: &str,
    rowid: i64,
) -> rusqlite::Result<String> {
    if schema.has_column(conn, table, "id")? {
        conn.query_row(
            &format!("SELECT id FROM {} WHERE rowid = ?1", quoted(table)),
            params![rowid],
            |row| row.get(0),
        )
    } else {
        Ok(format!("row {rowid}"))
    }
}

/// Clears the broken link; false when the row is already gone.
fn clear_link(
    conn: &Connection,
    schema: &mut Schema,
    link: &Violation,
    at: &str,
) -> rusqlite::Result<bool> {
    // A versioned row moves on, so an editor open on it sees a conflict, not a revert.
    let versioned = if schema.has_column(conn, &link.table, "row_version")? {
        ", row_version = row_version + 1, updated_at = ?2"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE {} SET {} = NULL{versioned} WHERE rowid = ?1",
        quoted(&link.table),
        quoted(&link.column)
    );
    let changed = if versioned.is_empty() {
        conn.execute(&sql, params![link.rowid])?
    } else {
        conn.execute(&sql, params![link.rowid, at])?
    };
    Ok(changed > 0)
}

/// Keeps the row in `quarantined_rows` and removes it; false when it is already gone.
fn set_aside(conn: &Connection, link: &Violation, at: &str) -> rusqlite::Result<bool> {
    let table = quoted(&link.table);
    let mut statement = conn.prepare(&format!("SELECT * FROM {table} WHERE rowid = ?1"))?;
    let names: Vec<String> = statement
        .column_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let row_json = statement
        .query_row(params![link.rowid], |row| {
            let mut object = serde_json::Map::new();
            for (index, name) in names.iter().enumerate() {
                object.insert(name.clone(), json_value(row.get::<_, Value>(index)?));
            }
            Ok(serde_json::Value::Object(object).to_string())
        })
        .optional()?;
    let Some(row_json) = row_json else {
        return Ok(false);
    };
    conn.execute(
        "INSERT INTO quarantined_rows (id, table_name, row_json, missing_parent, quarantined_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            uuid::Uuid::now_v7().to_string(),
            link.table,
            row_json,
            link.missing_table,
            at
        ],
    )?;
    conn.execute(
        &format!("DELETE FROM {table} WHERE rowid = ?1"),
        params![link.rowid],
    )?;
    Ok(true)
}

fn json_value(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(n) => n.into(),
        Value::Real(x) => x.into(),
        Value::Text(text) => text.into(),
        // No Rollplan column holds bytes; kept as hex so nothing is lost if one ever does.
        Value::Blob(bytes) => bytes
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
            .into(),
    }
}

/// A table name as an SQL identifier (names come from SQLite's own catalogue).
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A table as a person calls one of its rows, and several.
fn table_words(table: &str) -> (String, String) {
    let (one, many) = match table {
        "rollouts" => ("rollout", "rollouts"),
        "people" => ("staff member", "staff members"),
        "roles" => ("role", "roles"),
        "training_modules" => ("training module", "training modules"),
        "training_requirements" => ("training requirement", "training requirements"),
        "training_records" => ("training record", "training records"),
        "readiness_criteria" => ("readiness criterion", "readiness criteria"),
        "sops" => ("SOP", "SOPs"),
        "sop_steps" => ("SOP step", "SOP steps"),
        "sop_exceptions" => ("SOP exception", "SOP exceptions"),
        "sop_revisions" => ("SOP version", "SOP versions"),
        "sop_rollouts" => ("SOP-rollout link", "SOP-rollout links"),
        "plan_phases" => ("plan phase", "plan phases"),
        "plan_tasks" => ("plan task", "plan tasks"),
        "plan_dependencies" => ("task dependency", "task dependencies"),
        "risks" => ("risk", "risks"),
        "decisions" => ("decision", "decisions"),
        "communications" => ("communication", "communications"),
        "stakeholders" => ("stakeholder", "stakeholders"),
        "stakeholder_raci" => ("stakeholder responsibility", "stakeholder responsibilities"),
        "scope_changes" => ("scope change", "scope changes"),
        "metrics" => ("metric", "metrics"),
        "metric_thresholds" => ("metric threshold", "metric thresholds"),
        "metric_measurements" => ("metric value", "metric values"),
        "weekly_statuses" => ("weekly status", "weekly statuses"),
        "debriefs" => ("debrief", "debriefs"),
        "pdsa_cycles" => ("improvement cycle", "improvement cycles"),
        "plan_baselines" => ("plan baseline", "plan baselines"),
        "plan_baseline_tasks" => ("baseline task date", "baseline task dates"),
        "plan_baseline_choices" => ("baseline choice", "baseline choices"),
        other => {
            let words = other.replace('_', " ");
            return (words.clone(), words);
        }
    };
    (one.to_owned(), many.to_owned())
}
