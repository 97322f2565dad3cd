//! Conflicts a person decides: a field this copy changed that someone else had changed
//! first. Listed field by field with both values and who made theirs and when; kept
//! either way by the person's choice, never silently.
//!
//! Keeping mine sends the local value again as a new change based on the sequence
//! number of theirs (the person has now seen it), so it is accepted unless yet another
//! person changed the field since. Keeping theirs writes their value into this copy.

use std::path::Path;

use rusqlite::TransactionBehavior;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::local::tables::{self, Table};
use crate::local::{self, apply, store};
use crate::{Result, TeamError};

/// One open conflict, as a person sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    pub id: i64,
    pub table_name: String,
    /// The row's id as kept by the team (a JSON array of its key's values).
    pub row_id: String,
    /// What a person calls the record (its name, title or code), when this copy still
    /// has it.
    pub record: Option<String>,
    pub field: String,
    pub yours: Value,
    pub theirs: Value,
    /// Whether the other person purged the whole row.
    pub theirs_deleted: bool,
    pub theirs_by: String,
    pub theirs_at: String,
}

/// Which value a person keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}

/// Every open conflict of the copy at `db`, oldest first.
pub fn list(db: &Path) -> Result<Vec<Conflict>> {
    let conn = local::open(db)?;
    store::link(&conn)?;
    let tables = tables::shared(&conn)?;
    store::conflicts(&conn)?
        .into_iter()
        .map(|c| {
            let record = match tables.iter().find(|t| t.name == c.table_name) {
                Some(table) => record_label(&conn, table, &c.row_id)?,
                None => None,
            };
            Ok(Conflict {
                id: c.id,
                table_name: c.table_name,
                row_id: c.row_id,
                record,
                field: c.field,
                yours: c.mine,
                theirs: c.theirs,
                theirs_deleted: c.theirs_deleted,
                theirs_by: c.theirs_by,
                theirs_at: c.theirs_at,
            })
        })
        .collect()
}

/// The record's name, title or code, whichever its table has first.
fn record_label(
    conn: &rusqlite::Connection,
    table: &Table,
    row_id: &str,
) -> Result<Option<String>> {
    let Some(column) = ["name", "title", "code"]
        .into_iter()
        .find(|c| table.columns.iter().any(|column| column == c))
    else {
        return Ok(None);
    };
    Ok(match apply::read_field(conn, table, row_id, column)? {
        Some(Value::String(text)) if !text.is_empty() => Some(text),
        _ => None,
    })
}

/// Decides conflict `id`. Keeping mine puts a change in the outbox (sent at the next
/// sync); keeping theirs changes this copy at once. Works offline either way.
pub fn resolve(db: &Path, id: i64, keep: Keep) -> Result<()> {
    let mut conn = local::open(db)?;
    store::link(&conn)?;
    let conflict = store::conflicts(&conn)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| TeamError::Refused(format!("There is no open conflict {id}.")))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let table = find_table(&tx, &conflict.table_name)?;
    match keep {
        Keep::Mine => {
            if conflict.theirs_deleted {
                return Err(TeamError::Refused(format!(
                    "{} purged this record, so your value has nothing to belong to; keep \
                     theirs, then add the record again if it is still needed.",
                    conflict.theirs_by
                )));
            }
            let mut fields = Map::new();
            fields.insert(conflict.field.clone(), conflict.mine.clone());
            store::enqueue(
                &tx,
                &table.name,
                &conflict.row_id,
                &Value::Object(fields),
                conflict.theirs_seq,
            )?;
        }
        Keep::Theirs => {
            store::set_applying(&tx, true)?;
            if conflict.theirs_deleted {
                apply::delete_row(&tx, &table, &conflict.row_id)?;
            } else {
                let mut fields = Map::new();
                fields.insert(conflict.field.clone(), conflict.theirs.clone());
                apply::write_fields(&tx, &table, &conflict.row_id, &fields, &conflict.theirs_at)?;
            }
            store::set_applying(&tx, false)?;
        }
    }
    store::remove_conflict(&tx, id)?;
    tx.commit()?;
    Ok(())
}

fn find_table(conn: &rusqlite::Connection, name: &str) -> Result<Table> {
    tables::shared(conn)?
        .into_iter()
        .find(|t| t.name == name)
        .ok_or_else(|| TeamError::UnknownData(format!("a table named {name}")))
}
