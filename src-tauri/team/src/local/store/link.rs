//! `team_link`: this file's one link to its team, how far it has pulled, and the flag
//! that silences the capture triggers while pulled changes are applied.

use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use super::parse_uuid;
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
