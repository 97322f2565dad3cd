//! `team_conflicts`: fields this copy changed that someone else had changed first, with
//! both values, until the person keeps one.

use rusqlite::{params, Connection};
use serde_json::Value;

use crate::server::Clash;
use crate::{Result, TeamError};

/// A conflict as kept on the laptop.
#[derive(Debug, Clone)]
pub(crate) struct StoredConflict {
    pub id: i64,
    pub table_name: String,
    pub row_id: String,
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
    pub theirs_seq: i64,
    pub theirs_by: String,
    pub theirs_at: String,
    pub theirs_deleted: bool,
}

/// Keeps a conflict the server reported for one of this copy's changes; a newer one for
/// the same field replaces the older.
pub(crate) fn record_conflict(
    conn: &Connection,
    table: &str,
    row_id: &str,
    mine: &Value,
    clash: &Clash,
) -> Result<()> {
    conn.execute(
        "INSERT INTO team_conflicts (table_name, row_id, field, mine, theirs, theirs_seq,
                                     theirs_by, theirs_at, theirs_deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (table_name, row_id, field) DO UPDATE SET
             mine = excluded.mine, theirs = excluded.theirs, theirs_seq = excluded.theirs_seq,
             theirs_by = excluded.theirs_by, theirs_at = excluded.theirs_at,
             theirs_deleted = excluded.theirs_deleted",
        params![
            table,
            row_id,
            clash.field,
            mine.to_string(),
            clash.theirs.to_string(),
            clash.seq,
            clash.by.as_deref().unwrap_or(""),
            clash
                .at
                .as_deref()
                .map(crate::local::timestamp)
                .unwrap_or_default(),
            clash.deleted,
        ],
    )?;
    Ok(())
}

/// The fields of a row with an open conflict.
pub(crate) fn conflicted_fields(
    conn: &Connection,
    table: &str,
    row_id: &str,
) -> Result<Vec<String>> {
    let mut statement = conn
        .prepare_cached("SELECT field FROM team_conflicts WHERE table_name = ?1 AND row_id = ?2")?;
    let fields = statement
        .query_map(params![table, row_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(fields)
}

/// Someone else's change, as a conflict shows it.
pub(crate) struct Theirs<'a> {
    /// Their value (null for a deletion).
    pub value: &'a Value,
    pub seq: i64,
    pub by: &'a str,
    pub at: &'a str,
}

/// A later change by someone else to a field in conflict (`field`), or the row's
/// deletion (`None`): the conflict now shows that as theirs.
pub(crate) fn update_theirs(
    conn: &Connection,
    table: &str,
    row_id: &str,
    field: Option<&str>,
    theirs: &Theirs<'_>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE team_conflicts SET theirs = ?4, theirs_seq = ?5, theirs_by = ?6, theirs_at = ?7,
                theirs_deleted = (?3 IS NULL)
          WHERE table_name = ?1 AND row_id = ?2 AND (?3 IS NULL OR field = ?3)",
    )?
    .execute(params![
        table,
        row_id,
        field,
        theirs.value.to_string(),
        theirs.seq,
        theirs.by,
        theirs.at
    ])?;
    Ok(())
}

/// A newer value of this copy's for a field in conflict: the conflict now shows it as
/// mine.
pub(crate) fn set_mine(
    conn: &Connection,
    table: &str,
    row_id: &str,
    field: &str,
    mine: &Value,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE team_conflicts SET mine = ?4 WHERE table_name = ?1 AND row_id = ?2 AND field = ?3",
    )?
    .execute(params![table, row_id, field, mine.to_string()])?;
    Ok(())
}

/// Every open conflict, oldest first.
pub(crate) fn conflicts(conn: &Connection) -> Result<Vec<StoredConflict>> {
    let mut statement = conn.prepare(
        "SELECT id, table_name, row_id, field, mine, theirs, theirs_seq, theirs_by, theirs_at,
                theirs_deleted
           FROM team_conflicts ORDER BY id",
    )?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, i64>("id")?,
                row.get::<_, String>("table_name")?,
                row.get::<_, String>("row_id")?,
                row.get::<_, String>("field")?,
                row.get::<_, String>("mine")?,
                row.get::<_, String>("theirs")?,
                row.get::<_, i64>("theirs_seq")?,
                row.get::<_, String>("theirs_by")?,
                row.get::<_, String>("theirs_at")?,
                row.get::<_, bool>("theirs_deleted")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(
            |(
                id,
                table_name,
                row_id,
                field,
                mine,
                theirs,
                theirs_seq,
                theirs_by,
                theirs_at,
                theirs_deleted,
            )| {
                Ok(StoredConflict {
                    id,
                    table_name,
                    row_id,
                    field,
                    mine: json(&mine)?,
                    theirs: json(&theirs)?,
                    theirs_seq,
                    theirs_by,
                    theirs_at,
                    theirs_deleted,
                })
            },
        )
        .collect()
}

fn json(text: &str) -> Result<Value> {
    serde_json::from_str(text)
        .map_err(|e| TeamError::Protocol(format!("a kept value is not JSON: {e}")))
}

/// How many conflicts wait for a decision.
pub(crate) fn conflicts_len(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM team_conflicts", [], |row| row.get(0))?)
}

/// Closes a conflict once decided.
pub(crate) fn remove_conflict(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM team_conflicts WHERE id = ?1", [id])?;
    Ok(())
}
