//! The rows of shared tables, whatever the table: writing what the server sent (one
//! field change, a deletion, a whole row of a join) and reading every row for a publish.
//! Column names come from the file's own tables, never from the server's text, so a
//! change naming an unknown column cannot reach the SQL.

use rusqlite::types::Value as Sql;
use rusqlite::{params_from_iter, Connection};
use serde_json::{Map, Value};

use super::tables::{quoted, Table};
use crate::{Result, TeamError};

/// Writes `fields` into the row `row_id` of `table`, inserting it if this copy does not
/// have it. When a value changes, the row's `row_version` grows by one (an open form
/// notices the change) and `updated_at` becomes `at`, the time the server accepted the
/// change; a row that already holds these values is left alone, version and all.
pub(crate) fn write_fields(
    conn: &Connection,
    table: &Table,
    row_id: &str,
    fields: &Map<String, Value>,
    at: &str,
) -> Result<()> {
    let key = key_values(table, row_id)?;
    let known: Vec<(&String, &Value)> = table
        .columns
        .iter()
        .filter_map(|column| fields.get_key_value(column))
        .filter(|(column, _)| !table.key.contains(column))
        .collect();
    if !known.is_empty() {
        let mut sets: Vec<String> = Vec::new();
        let mut differs: Vec<String> = Vec::new();
        for (i, (column, _)) in known.iter().enumerate() {
            sets.push(format!("{} = ?{}", quoted(column), i + 1));
            differs.push(format!("{} IS NOT ?{}", quoted(column), i + 1));
        }
        let mut values: Vec<Sql> = known.iter().map(|(_, value)| to_sql(value)).collect();
        if table.has_updated_at {
            values.push(Sql::Text(at.to_owned()));
            sets.push(format!("\"updated_at\" = ?{}", values.len()));
        }
        if table.has_row_version {
            sets.push("\"row_version\" = \"row_version\" + 1".to_owned());
        }
        let matches = key_match(table, values.len());
        values.extend(key.iter().cloned());
        let updated = conn
            .prepare_cached(&format!(
                "UPDATE {} SET {} WHERE {matches} AND ({})",
                quoted(&table.name),
                sets.join(", "),
                differs.join(" OR ")
            ))?
            .execute(params_from_iter(values))?;
        if updated > 0 {
            return Ok(());
        }
    }
    if !exists(conn, table, &key)? {
        insert_row(conn, table, row_id, fields, at)?;
    }
    Ok(())
}

/// Inserts a whole row (a join, or a row another copy created).
pub(crate) fn insert_row(
    conn: &Connection,
    table: &Table,
    row_id: &str,
    fields: &Map<String, Value>,
    at: &str,
) -> Result<()> {
    let key = key_values(table, row_id)?;
    let mut columns: Vec<String> = Vec::new();
    let mut values: Vec<Sql> = Vec::new();
    for (column, value) in table.key.iter().zip(key) {
        columns.push(quoted(column));
        values.push(value);
    }
    for column in &table.columns {
        if table.key.contains(column) {
            continue;
        }
        if let Some(value) = fields.get(column) {
            columns.push(quoted(column));
            values.push(to_sql(value));
        }
    }
    if table.has_updated_at {
        columns.push("\"updated_at\"".to_owned());
        values.push(Sql::Text(at.to_owned()));
    }
    let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    conn.prepare_cached(&format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quoted(&table.name),
        columns.join(", "),
        placeholders.join(", ")
    ))?
    .execute(params_from_iter(values))?;
    Ok(())
}

/// Deletes the row (what another copy purged); a row already gone is no error.
pub(crate) fn delete_row(conn: &Connection, table: &Table, row_id: &str) -> Result<()> {
    let key = key_values(table, row_id)?;
    conn.prepare_cached(&format!(
        "DELETE FROM {} WHERE {}",
        quoted(&table.name),
        key_match(table, 0)
    ))?
    .execute(params_from_iter(key))?;
    Ok(())
}

/// Every row of the table as the capture triggers describe it: its id and all its shared
/// fields.
pub(crate) fn all_rows(conn: &Connection, table: &Table) -> Result<Vec<(String, Value)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {} AS row_id, {} AS fields FROM {}",
        table.row_id_sql(""),
        table.fields_sql(""),
        quoted(&table.name)
    ))?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>("row_id")?,
                row.get::<_, String>("fields")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(row_id, fields)| {
            let fields = serde_json::from_str(&fields).map_err(|e| {
                TeamError::Protocol(format!("a row of {} is not JSON: {e}", table.name))
            })?;
            Ok((row_id, fields))
        })
        .collect()
}

/// Deletes every row of the table (a join replaces what a new file starts with).
pub(crate) fn clear(conn: &Connection, table: &Table) -> Result<()> {
    conn.execute(&format!("DELETE FROM {}", quoted(&table.name)), [])?;
    Ok(())
}

/// The current value of one field of a row, as JSON (None when the row is not here).
pub(crate) fn read_field(
    conn: &Connection,
    table: &Table,
    row_id: &str,
    field: &str,
) -> Result<Option<Value>> {
    if !table.columns.iter().any(|c| c == field) {
        return Err(TeamError::UnknownData(format!(
            "a field {field} of {}",
            table.name
        )));
    }
    let key = key_values(table, row_id)?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT json_array({}) FROM {} WHERE {}",
        quoted(field),
        quoted(&table.name),
        key_match(table, 0)
    ))?;
    let mut rows = statement.query(params_from_iter(key))?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let text: String = row.get(0)?;
    let array: Vec<Value> = serde_json::from_str(&text)
        .map_err(|e| TeamError::Protocol(format!("a field could not be read: {e}")))?;
    Ok(array.into_iter().next())
}

/// Every shared field of the row as it stands here (None when the row is not here).
pub(crate) fn read_row(
    conn: &Connection,
    table: &Table,
    row_id: &str,
) -> Result<Option<Map<String, Value>>> {
    let key = key_values(table, row_id)?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {} FROM {} WHERE {}",
        table.fields_sql(""),
        quoted(&table.name),
        key_match(table, 0)
    ))?;
    let mut rows = statement.query(params_from_iter(key))?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let text: String = row.get(0)?;
    match serde_json::from_str(&text) {
        Ok(Value::Object(fields)) => Ok(Some(fields)),
        _ => Err(TeamError::Protocol(format!(
            "a row of {} could not be read",
            table.name
        ))),
    }
}

/// Whether this copy has the row.
pub(crate) fn has_row(conn: &Connection, table: &Table, row_id: &str) -> Result<bool> {
    exists(conn, table, &key_values(table, row_id)?)
}

fn exists(conn: &Connection, table: &Table, key: &[Sql]) -> Result<bool> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT 1 FROM {} WHERE {}",
        quoted(&table.name),
        key_match(table, 0)
    ))?;
    Ok(statement.exists(params_from_iter(key.iter()))?)
}

/// `"a" = ?n AND "b" = ?n+1`, numbering after `offset` parameters.
fn key_match(table: &Table, offset: usize) -> String {
    table
        .key
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{} = ?{}", quoted(column), offset + i + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The key columns' values from a row id (a JSON array, as the triggers write it).
fn key_values(table: &Table, row_id: &str) -> Result<Vec<Sql>> {
    let parts: Vec<Value> = serde_json::from_str(row_id).map_err(|e| {
        TeamError::Protocol(format!("the row id {row_id} is not a JSON array: {e}"))
    })?;
    if parts.len() != table.key.len() {
        return Err(TeamError::Protocol(format!(
            "the row id {row_id} does not fit the key of {}",
            table.name
        )));
    }
    Ok(parts.iter().map(to_sql).collect())
}

/// A JSON value as SQLite stores it: the triggers wrote SQLite values with
/// `json_object`, so this is the way back (integers stay integers).
fn to_sql(value: &Value) -> Sql {
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}
