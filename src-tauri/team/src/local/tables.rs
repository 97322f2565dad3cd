//! Which tables of the workspace are shared with the team, read from the file itself
//! (`PRAGMA table_list`, `table_info`, `foreign_key_list`), so a table a later migration
//! adds is shared without anyone remembering to list it here. What stays on the laptop
//! is listed once, below, with the reason.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use crate::{Result, TeamError};

/// Tables that stay on this laptop, and why. Everything else in the file is shared
/// (SQLite's own tables and the full-text index's are never ordinary tables; the index
/// is the core's to keep in step).
const LOCAL_TABLES: &[(&str, &str)] = &[
    (
        "audit_log",
        "what was done on this copy, by this laptop; the server keeps the team's history \
         (every accepted change with who and when)",
    ),
    (
        "quarantined_rows",
        "rows this copy set aside while repairing its own file; another copy has its own",
    ),
    (
        "search_keys",
        "the numbering of this copy's search index, which its own triggers keep in step \
         with the shared tables",
    ),
    ("team_link", "this copy's own link to the server"),
    (
        "undo_steps",
        "what this copy's person can undo; an undo reaches the team as the changes it makes",
    ),
    (
        "undo_log",
        "the statements that undo this copy's steps, rows as this copy holds them",
    ),
    (
        "team_outbox",
        "this copy's changes not yet accepted by the server",
    ),
    (
        "team_conflicts",
        "this copy's conflicts, for its person to decide",
    ),
];

/// Columns that are bookkeeping of each copy rather than content. `row_version` counts
/// the edits made to a row in this file (an open form compares it to notice a change),
/// so every copy keeps its own and bumps it when a pulled change arrives; shared, every
/// edit on two laptops would conflict on it. `updated_at` likewise changes with every
/// edit of any field; a pulled change sets it to the time the server accepted it.
pub(crate) const LOCAL_COLUMNS: &[&str] = &["row_version", "updated_at"];

/// A shared table as the file defines it.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub name: String,
    /// The primary key's columns in key order: a row's id is their values as a JSON array.
    pub key: Vec<String>,
    /// The shared columns (every column but [`LOCAL_COLUMNS`]), in table order.
    pub columns: Vec<String>,
    pub has_row_version: bool,
    pub has_updated_at: bool,
    /// Shared tables this one refers to by foreign key (not itself).
    pub parents: BTreeSet<String>,
}

/// Every shared table, parents before the tables that refer to them (so a whole
/// workspace can be inserted in this order with foreign keys checked as it goes).
pub(crate) fn shared(conn: &Connection) -> Result<Vec<Table>> {
    let mut names: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")?
        .query_map([], |row| row.get("name"))?
        .collect::<rusqlite::Result<_>>()?;
    names.retain(|name| !name.starts_with("sqlite_") && !is_local(name));
    let mut tables = BTreeMap::new();
    for name in names {
        let table = describe(conn, &name)?;
        tables.insert(name, table);
    }
    let shared_names: BTreeSet<String> = tables.keys().cloned().collect();
    for table in tables.values_mut() {
        table.parents.retain(|parent| shared_names.contains(parent));
    }
    Ok(parents_first(tables))
}

/// Whether `name` stays on the laptop.
pub(crate) fn is_local(name: &str) -> bool {
    LOCAL_TABLES.iter().any(|(local, _)| *local == name)
}

fn describe(conn: &Connection, name: &str) -> Result<Table> {
    let mut key: Vec<(i64, String)> = Vec::new();
    let mut columns = Vec::new();
    let (mut has_row_version, mut has_updated_at) = (false, false);
    let mut statement = conn.prepare("SELECT name, pk FROM pragma_table_info(?1)")?;
    let mut rows = statement.query([name])?;
    while let Some(row) = rows.next()? {
        let column: String = row.get("name")?;
        let pk: i64 = row.get("pk")?;
        if pk > 0 {
            key.push((pk, column.clone()));
        }
        match column.as_str() {
            "row_version" => has_row_version = true,
            "updated_at" => has_updated_at = true,
            _ => {}
        }
        if !LOCAL_COLUMNS.contains(&column.as_str()) {
            columns.push(column);
        }
    }
    if key.is_empty() {
        return Err(TeamError::Refused(format!(
            "The table {name} has no primary key, so its rows cannot be told apart between \
             copies; it cannot be shared."
        )));
    }
    key.sort();
    let parents = conn
        .prepare("SELECT DISTINCT \"table\" AS parent FROM pragma_foreign_key_list(?1)")?
        .query_map([name], |row| row.get::<_, String>("parent"))?
        .collect::<rusqlite::Result<BTreeSet<_>>>()?
        .into_iter()
        .filter(|parent| parent != name)
        .collect();
    Ok(Table {
        name: name.to_owned(),
        key: key.into_iter().map(|(_, column)| column).collect(),
        columns,
        has_row_version,
        has_updated_at,
        parents,
    })
}

/// Orders tables so every table comes after those it refers to; tables in a cycle (none
/// today) keep name order at the end. Applying does not depend on it (see
/// `local::open`), but the team's history then reads in the order a person would.
fn parents_first(mut tables: BTreeMap<String, Table>) -> Vec<Table> {
    let mut ordered: Vec<Table> = Vec::with_capacity(tables.len());
    let mut placed: BTreeSet<String> = BTreeSet::new();
    loop {
        let ready: Vec<String> = tables
            .values()
            .filter(|t| t.parents.iter().all(|p| placed.contains(p)))
            .map(|t| t.name.clone())
            .collect();
        if ready.is_empty() {
            break;
        }
        for name in ready {
            if let Some(table) = tables.remove(&name) {
                placed.insert(name);
                ordered.push(table);
            }
        }
    }
    ordered.extend(tables.into_values());
    ordered
}

/// An identifier quoted for SQL.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A string literal for SQL.
pub(crate) fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

impl Table {
    /// The row id of the row `prefix` (`NEW`, `OLD`, or empty for a plain SELECT) names.
    pub(crate) fn row_id_sql(&self, prefix: &str) -> String {
        let parts: Vec<String> = self.key.iter().map(|c| column_ref(prefix, c)).collect();
        format!("json_array({})", parts.join(", "))
    }

    /// Every shared column of the row `prefix` names, as a JSON object.
    pub(crate) fn fields_sql(&self, prefix: &str) -> String {
        let parts: Vec<String> = self
            .columns
            .iter()
            .map(|c| format!("{}, {}", literal(c), column_ref(prefix, c)))
            .collect();
        format!("json_object({})", parts.join(", "))
    }
}

fn column_ref(prefix: &str, column: &str) -> String {
    if prefix.is_empty() {
        quoted(column)
    } else {
        format!("{prefix}.{}", quoted(column))
    }
}
