//! The team tables of the local file (migration 0019): the link to the server, the
//! outbox of changes not yet accepted, and the conflicts waiting for a decision.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use uuid::Uuid;

use crate::server::{Clash, Outgoing};
use crate::{Result, TeamError};

/// This file's link to its team.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub server: String,
    pub workspace_id: Uuid,
    pub replica_id: Uuid,
    pub last_pulled_seq: i64,
    pub last_synced_at: Option<String>,
    pub joined_at: String,
}

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

/// The link, or [`TeamError::NotJoined`].
pub(crate) fn link(conn: &Connection) -> Result<Link> {
    link_if_any(conn)?.ok_or(TeamError::NotJoined)
}

/// The link, if this file has joined a team.
pub(crate) fn link_if_any(conn: &Connection) -> Result<Option<Link>> {
    conn.query_row(
        "SELECT server, workspace_id, replica_id, last_pulled_seq, last_synced_at, joined_at
           FROM team_link WHERE id = 1",
        [],
        |row| {
            Ok((
                row.get::<_, String>("server")?,
                row.get::<_, String>("workspace_id")?,
                row.get::<_, String>("replica_id")?,
                row.get("last_pulled_seq")?,
                row.get("last_synced_at")?,
                row.get("joined_at")?,
            ))
        },
    )
    .optional()?
    .map(
        |(server, workspace, replica, last_pulled_seq, last_synced_at, joined_at)| {
            Ok(Link {
                server,
                workspace_id: parse_uuid(&workspace)?,
                replica_id: parse_uuid(&replica)?,
                last_pulled_seq,
                last_synced_at,
                joined_at,
            })
        },
    )
    .transpose()
}

fn parse_uuid(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text)
        .map_err(|e| TeamError::Protocol(format!("the id {text} is not a UUID: {e}")))
}

/// Links the file to a team (inside the caller's transaction).
pub(crate) fn create_link(
    conn: &Connection,
    server: &str,
    workspace_id: Uuid,
    replica_id: Uuid,
    last_pulled_seq: i64,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO team_link (id, server, workspace_id, replica_id, last_pulled_seq,
                                last_synced_at, joined_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            server,
            workspace_id.to_string(),
            replica_id.to_string(),
            last_pulled_seq,
            now
        ],
    )?;
    Ok(())
}

/// Records how far the file has pulled, and when.
pub(crate) fn set_pulled(conn: &Connection, seq: i64, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE team_link SET last_pulled_seq = ?1, last_synced_at = ?2 WHERE id = 1",
        params![seq, now],
    )?;
    Ok(())
}

/// Silences (or wakes) the capture triggers for the rest of the caller's transaction.
pub(crate) fn set_applying(conn: &Connection, applying: bool) -> Result<()> {
    conn.execute(
        "UPDATE team_link SET applying = ?1 WHERE id = 1",
        [applying],
    )?;
    Ok(())
}

/// Unlinks the file: the link, the outbox and the conflicts go; the rows stay.
pub(crate) fn drop_link(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM team_conflicts; DELETE FROM team_outbox; DELETE FROM team_link;",
    )?;
    Ok(())
}

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

/// Whether this copy's deletion of the row waits to be sent.
pub(crate) fn deletion_waiting(conn: &Connection, table: &str, row_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM team_outbox WHERE table_name = ?1 AND row_id = ?2 AND fields IS NULL",
        )?
        .exists(params![table, row_id])?)
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
            clash.at.as_deref().unwrap_or(""),
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
