//! `team_outbox`: this copy's changes, in the order they were made, until the server
//! has answered them.

use rusqlite::{params, Connection};
use serde_json::Value;

use super::parse_uuid;
use crate::server::Outgoing;
use crate::{Result, TeamError};

/// The oldest `limit` changes waiting to be sent, in the order they were made.
pub(crate) fn outbox(conn: &Connection, limit: i64) -> Result<Vec<(i64, Outgoing)>> {
    let mut statement = conn.prepare(
        "SELECT seq, change_id, table_name, row_id, fields, based_on_seq
           FROM team_outbox ORDER BY seq LIMIT ?1",
    )?;
    let rows = statement
        .query_map([limit], |row| {
            Ok((
                row.get::<_, i64>("seq")?,
                row.get::<_, String>("change_id")?,
                row.get::<_, String>("table_name")?,
                row.get::<_, String>("row_id")?,
                row.get::<_, Option<String>>("fields")?,
                row.get::<_, i64>("based_on_seq")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(
            |(seq, change_id, table_name, row_id, fields, based_on_seq)| {
                let fields = fields
                    .map(|f| serde_json::from_str(&f))
                    .transpose()
                    .map_err(|e| {
                        TeamError::Protocol(format!("a waiting change is not JSON: {e}"))
                    })?;
                Ok((
                    seq,
                    Outgoing {
                        change_id: parse_uuid(&change_id)?,
                        table_name,
                        row_id,
                        fields,
                        based_on_seq,
                    },
                ))
            },
        )
        .collect()
}

/// How many changes wait to be sent.
pub(crate) fn outbox_len(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM team_outbox", [], |row| row.get(0))?)
}

/// Rewrites a waiting change's fields (some were taken into a conflict); a change left
/// with no field is taken out of the outbox.
pub(crate) fn set_fields(
    conn: &Connection,
    seq: i64,
    fields: &serde_json::Map<String, Value>,
) -> Result<()> {
    if fields.is_empty() {
        return remove_sent(conn, seq);
    }
    conn.execute(
        "UPDATE team_outbox SET fields = ?2 WHERE seq = ?1",
        params![seq, Value::Object(fields.clone()).to_string()],
    )?;
    Ok(())
}

/// Takes a change out of the outbox once the server has answered it.
pub(crate) fn remove_sent(conn: &Connection, seq: i64) -> Result<()> {
    conn.execute("DELETE FROM team_outbox WHERE seq = ?1", [seq])?;
    Ok(())
}

/// Puts a change into the outbox by hand (keeping one's own value of a conflict).
pub(crate) fn enqueue(
    conn: &Connection,
    table: &str,
    row_id: &str,
    fields: &Value,
    based_on: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO team_outbox (table_name, row_id, fields, based_on_seq) VALUES (?1, ?2, ?3, ?4)",
        params![table, row_id, fields.to_string(), based_on],
    )?;
    Ok(())
}

/// The fields of a row that have a change waiting to be sent.
pub(crate) fn waiting_fields(conn: &Connection, table: &str, row_id: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT key FROM team_outbox, json_each(team_outbox.fields)
          WHERE table_name = ?1 AND row_id = ?2 AND fields IS NOT NULL",
    )?;
    let fields = statement
        .query_map(params![table, row_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(fields)
}

/// Whether any change of this copy's to the row waits to be sent.
pub(crate) fn row_waiting(conn: &Connection, table: &str, row_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM team_outbox WHERE table_name = ?1 AND row_id = ?2")?
        .exists(params![table, row_id])?)
}

/// Whether this copy's deletion of the row waits to be sent.
pub(crate) fn deletion_waiting(conn: &Connection, table: &str, row_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM team_outbox WHERE table_name = ?1 AND row_id = ?2 AND fields IS NULL",
        )?
        .exists(params![table, row_id])?)
}
