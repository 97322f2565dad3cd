//! One generic bridge between a bundle record and its table. A record's fields are
//! named after its table's columns, so a row becomes a record by way of a JSON object
//! (and back): no per-entity SQL to keep in step with the format. The few fields that
//! live in child tables (RACI, SOP steps) are each record's own `load_nested` /
//! `write_nested`.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection, Transaction};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::audit::{AuditAction, EntityKind, FieldChange};
use crate::store::editable::one_row_updated;
use crate::{CoreError, Result};

/// A bundle record stored in one table (plus, for some, child tables).
pub(crate) trait Record: Serialize + DeserializeOwned + Clone {
    /// Its section in the bundle ("tasks"), also used in messages and conflict keys.
    const SECTION: &'static str;
    const TABLE: &'static str;
    const ENTITY: EntityKind;
    /// Whether rows carry `rollout_id`, filled from the bundle's rollout on insert.
    const IN_ROLLOUT: bool = true;
    /// Whether the table has created_at / updated_at / row_version / deleted_at.
    const TRACKED: bool = true;
    /// Integer columns that the record reads as true/false.
    const BOOLEANS: &'static [&'static str] = &[];
    /// Text columns holding JSON (a list of sites, a snapshot).
    const JSON_COLUMNS: &'static [&'static str] = &[];
    /// Fields stored outside the table, by `write_nested`.
    const NESTED: &'static [&'static str] = &[];
    /// Fields that take part in neither comparison nor update (handled elsewhere).
    const NOT_COMPARED: &'static [&'static str] = &[];
    /// Approved SOP revisions: a difference can only be reported, never applied.
    const IMMUTABLE: bool = false;

    fn id(&self) -> &str;
    /// What a practice manager calls it: a task's title, a metric's name.
    fn label(&self) -> String;

    /// The entity whose history records this record's import.
    fn audit_target(&self) -> &str {
        self.id()
    }

    /// How the audit log records the import of a new record: by default, created with
    /// these fields.
    fn creation_audit(&self, fields: Vec<FieldChange>) -> (AuditAction, Vec<FieldChange>) {
        (AuditAction::Create, fields)
    }

    /// Adds the nested fields to a row read from the table.
    fn load_nested(_conn: &Connection, _id: &str, _row: &mut Map<String, Value>) -> Result<()> {
        Ok(())
    }

    /// Writes the nested fields after the row was inserted or updated.
    fn write_nested(&self, _tx: &Transaction<'_>) -> Result<()> {
        Ok(())
    }
}

/// A row as found in the database.
pub(crate) struct Stored<R> {
    pub record: R,
    pub trashed: bool,
    /// The row's version, for a table that keeps one: what an update of it is based on.
    pub row_version: Option<i64>,
}

/// The records of `R::TABLE` matching `condition` (one `?1` parameter), sorted by id.
pub(crate) fn load_where<R: Record>(
    conn: &Connection,
    condition: &str,
    parameter: &str,
) -> Result<Vec<R>> {
    let sql = format!("SELECT * FROM {} WHERE {condition} ORDER BY id", R::TABLE);
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([parameter])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        found.push(from_row::<R>(conn, row)?.record);
    }
    Ok(found)
}

/// The record with this id, live or in the trash.
pub(crate) fn load_by_id<R: Record>(conn: &Connection, id: &str) -> Result<Option<Stored<R>>> {
    let sql = format!("SELECT * FROM {} WHERE id = ?1", R::TABLE);
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([id])?;
    match rows.next()? {
        Some(row) => Ok(Some(from_row::<R>(conn, row)?)),
        None => Ok(None),
    }
}

fn from_row<R: Record>(conn: &Connection, row: &rusqlite::Row<'_>) -> Result<Stored<R>> {
    let unreadable = |column: &str| {
        CoreError::Database(format!(
            "the database holds an unreadable {column} in {}",
            R::TABLE
        ))
    };
    let statement = row.as_ref();
    let mut object = Map::new();
    let mut trashed = false;
    let mut row_version = None;
    for (index, column) in statement.column_names().into_iter().enumerate() {
        let value = match row.get_ref(index)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) if R::BOOLEANS.contains(&column) => Value::Bool(n != 0),
            ValueRef::Integer(n) => Value::from(n),
            ValueRef::Real(x) => Value::from(x),
            ValueRef::Text(bytes) => {
                let text = std::str::from_utf8(bytes).map_err(|_| unreadable(column))?;
                if R::JSON_COLUMNS.contains(&column) {
                    serde_json::from_str(text).map_err(|_| unreadable(column))?
                } else {
                    Value::from(text)
                }
            }
            ValueRef::Blob(_) => return Err(unreadable(column)),
        };
        match column {
            "deleted_at" => trashed = !value.is_null(),
            "row_version" => row_version = value.as_i64(),
            _ => {}
        }
        object.insert(column.to_owned(), value);
    }
    let id = object
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    R::load_nested(conn, &id, &mut object)?;
    let record = serde_json::from_value(Value::Object(object))
        .map_err(|e| CoreError::Database(format!("cannot read {} {id}: {e}", R::TABLE)))?;
    Ok(Stored {
        record,
        trashed,
        row_version,
    })
}

/// The record's fields as a JSON object (id included).
pub(crate) fn fields<R: Record>(record: &R) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(object)) => object,
        // Every record is a struct of plain fields; serde cannot fail on it.
        _ => Map::new(),
    }
}

/// The fields that differ between the stored record and the incoming one, as the audit
/// log words them: `old` is the database's value, `new` the bundle's. Fields the bundle
/// leaves out (a redacted person's email) are not compared.
pub(crate) fn differences<R: Record>(stored: &R, incoming: &R) -> Vec<FieldChange> {
    let (stored, incoming) = (fields(stored), fields(incoming));
    incoming
        .iter()
        .filter(|(field, _)| *field != "id" && !R::NOT_COMPARED.contains(&field.as_str()))
        .filter(|(field, value)| stored.get(*field) != Some(value))
        .map(|(field, value)| FieldChange {
            field: field.clone(),
            old: stored.get(field).and_then(as_text),
            new: as_text(value),
        })
        .collect()
}

/// A value as the audit log and the conflict list show it; `None` when unset or empty.
pub(crate) fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) if text.is_empty() => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

/// The columns the record writes to its own table (everything but id and nested).
fn columns<R: Record>(record: &R) -> Vec<(String, SqlValue)> {
    fields(record)
        .into_iter()
        .filter(|(field, _)| {
            field != "id"
                && !R::NESTED.contains(&field.as_str())
                && !R::NOT_COMPARED.contains(&field.as_str())
        })
        .map(|(field, value)| (field, to_sql(value)))
        .collect()
}

fn to_sql(value: Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(flag) => SqlValue::Integer(i64::from(flag)),
        Value::Number(n) => match n.as_i64() {
            Some(whole) => SqlValue::Integer(whole),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(text) => SqlValue::Text(text),
        nested => SqlValue::Text(nested.to_string()),
    }
}

/// Inserts the record; returns its fields for the audit entry.
pub(crate) fn insert<R: Record>(
    tx: &Transaction<'_>,
    record: &R,
    rollout_id: &str,
    at: &str,
) -> Result<Vec<FieldChange>> {
    let columns = columns(record);
    let mut names = vec!["id".to_owned()];
    let mut values = vec![SqlValue::Text(record.id().to_owned())];
    if R::IN_ROLLOUT {
        names.push("rollout_id".into());
        values.push(SqlValue::Text(rollout_id.to_owned()));
    }
    if R::TRACKED {
        names.extend(["created_at".into(), "updated_at".into()]);
        values.extend([SqlValue::Text(at.into()), SqlValue::Text(at.into())]);
    }
    let created: Vec<FieldChange> = columns
        .iter()
        .filter_map(|(name, value)| {
            let new = sql_text(value)?;
            Some(FieldChange {
                field: name.clone(),
                old: None,
                new: Some(new),
            })
        })
        .collect();
    for (name, value) in columns {
        names.push(name);
        values.push(value);
    }
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        R::TABLE,
        names.join(", "),
        placeholders.join(", ")
    );
    tx.execute(&sql, params_from_iter(values))
        .map_err(|e| refused::<R>(record, e))?;
    record.write_nested(tx)?;
    Ok(created)
}

/// Overwrites the stored row's fields with the record's. A table that keeps row versions
/// is updated only at `expected_row_version` (the version just read in this import's
/// transaction), and anything else is a conflict, as for an edit in the app.
pub(crate) fn update<R: Record>(
    tx: &Transaction<'_>,
    record: &R,
    expected_row_version: Option<i64>,
    at: &str,
) -> Result<()> {
    let mut assignments = Vec::new();
    let mut values = Vec::new();
    for (name, value) in columns(record) {
        values.push(value);
        assignments.push(format!("{name} = ?{}", values.len()));
    }
    if R::TRACKED {
        values.push(SqlValue::Text(at.to_owned()));
        assignments.push(format!(
            "updated_at = ?{}, row_version = row_version + 1",
            values.len()
        ));
    }
    values.push(SqlValue::Text(record.id().to_owned()));
    let mut condition = format!("id = ?{}", values.len());
    if R::TRACKED {
        // A tracked row always has a version; without one there is nothing to match.
        values.push(expected_row_version.map_or(SqlValue::Null, SqlValue::Integer));
        condition.push_str(&format!(" AND row_version = ?{}", values.len()));
    }
    let sql = format!(
        "UPDATE {} SET {} WHERE {condition}",
        R::TABLE,
        assignments.join(", "),
    );
    let affected = tx
        .execute(&sql, params_from_iter(values))
        .map_err(|e| refused::<R>(record, e))?;
    one_row_updated(affected, &record.label())?;
    record.write_nested(tx)
}

fn sql_text(value: &SqlValue) -> Option<String> {
    match value {
        SqlValue::Null => None,
        SqlValue::Integer(n) => Some(n.to_string()),
        SqlValue::Real(x) => Some(x.to_string()),
        SqlValue::Text(text) if text.is_empty() => None,
        SqlValue::Text(text) => Some(text.clone()),
        SqlValue::Blob(_) => None,
    }
}

/// A row the database's own rules refuse (a duplicate SOP code, a due date before the
/// start date) is the bundle's fault: say which record, in the bundle's words.
fn refused<R: Record>(record: &R, error: rusqlite::Error) -> CoreError {
    let is_constraint = matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ConstraintViolation)
    );
    if !is_constraint {
        return error.into();
    }
    let detail = error.to_string();
    let why = if detail.contains("UNIQUE") {
        "this database already has another one with the same name, code or date \
         (under a different id)"
            .to_owned()
    } else {
        format!("its values break a rule of the database ({detail})")
    };
    CoreError::Import {
        file: "bundle".into(),
        row: None,
        column: Some(R::SECTION.into()),
        message: format!(
            "'{}' (id {}) cannot be imported: {why}.",
            record.label(),
            record.id()
        ),
    }
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
