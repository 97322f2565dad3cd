//! Every statement sent to the team server after connecting: sending changes through
//! `rollplan.push_change`, reading the changes after a sequence number, and reading the
//! workspace as it stands (for a join).

use postgres::error::SqlState;
use postgres::Client;
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use crate::{Result, TeamError};

/// One change as it is sent: which row, which fields (None for a deletion) and the
/// sequence number the sender had pulled up to when it was made.
#[derive(Debug, Clone)]
pub(crate) struct Outgoing {
    pub change_id: Uuid,
    pub table_name: String,
    pub row_id: String,
    pub fields: Option<Value>,
    pub based_on_seq: i64,
}

/// The server's answer to one change (see `rollplan.push_change`; the list of accepted
/// fields it also gives is for the record, what matters here is what was not).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Answer {
    /// The sequence number of the accepted part; None when nothing was accepted.
    pub seq: Option<i64>,
    pub conflicts: Vec<Clash>,
}

/// A field of a change that someone else had changed first.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Clash {
    pub field: String,
    pub theirs: Value,
    pub seq: i64,
    pub by: Option<String>,
    pub at: Option<String>,
    pub deleted: bool,
}

/// One accepted change as others pull it.
#[derive(Debug, Clone)]
pub(crate) struct ServerChange {
    pub seq: i64,
    pub replica_id: Uuid,
    pub table_name: String,
    pub row_id: String,
    pub fields: Option<Value>,
    pub author: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Sends `changes` in one server transaction and returns the answer to each, in order.
/// A change sent before gets its earlier answer back and changes nothing. A login that
/// may not write is told to ask `admin`.
pub(crate) fn push_batch(
    client: &mut Client,
    replica_id: Uuid,
    changes: &[Outgoing],
    admin: &str,
) -> Result<Vec<Answer>> {
    let mut tx = client.transaction()?;
    let statement = tx.prepare("SELECT rollplan.push_change($1, $2, $3, $4, $5, $6) AS answer")?;
    let mut answers = Vec::with_capacity(changes.len());
    for change in changes {
        let row = tx
            .query_one(
                &statement,
                &[
                    &change.change_id,
                    &replica_id,
                    &change.table_name,
                    &change.row_id,
                    &change.based_on_seq,
                    &change.fields,
                ],
            )
            .map_err(|e| refused_write(e, admin))?;
        let answer: Value = row.try_get("answer")?;
        answers
            .push(serde_json::from_value(answer).map_err(|e| TeamError::Protocol(e.to_string()))?);
    }
    tx.commit()?;
    Ok(answers)
}

/// A login without the right to change the team (a viewer) gets a message saying so.
fn refused_write(error: postgres::Error, admin: &str) -> TeamError {
    if error.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) {
        TeamError::ViewerOnly {
            admin: admin.to_owned(),
        }
    } else {
        TeamError::Server(error)
    }
}

/// Up to `limit` accepted changes after `seq`, in order.
pub(crate) fn changes_after(
    client: &mut Client,
    seq: i64,
    limit: i64,
) -> Result<Vec<ServerChange>> {
    let rows = client
        .query(
            "SELECT seq, replica_id, table_name, row_id, fields, author, at
               FROM rollplan.changes WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&seq, &limit],
        )
        .map_err(|e| {
            // Removed while this copy was syncing: the grants went at once.
            if e.code() == Some(&SqlState::INSUFFICIENT_PRIVILEGE) {
                TeamError::NoLongerMember
            } else {
                TeamError::Server(e)
            }
        })?;
    rows.iter()
        .map(|row| {
            Ok(ServerChange {
                seq: row.try_get("seq")?,
                replica_id: row.try_get("replica_id")?,
                table_name: row.try_get("table_name")?,
                row_id: row.try_get("row_id")?,
                fields: row.try_get("fields")?,
                author: row.try_get("author")?,
                at: row.try_get("at")?,
            })
        })
        .collect()
}

/// The highest sequence number accepted so far (0 for a new team).
pub(crate) fn latest_seq(client: &mut Client) -> Result<i64> {
    Ok(client
        .query_one(
            "SELECT COALESCE(max(seq), 0) AS seq FROM rollplan.changes",
            &[],
        )?
        .try_get("seq")?)
}

/// Whether the team holds no workspace yet.
pub(crate) fn is_empty(client: &mut Client) -> Result<bool> {
    Ok(client
        .query_opt("SELECT 1 FROM rollplan.rows LIMIT 1", &[])?
        .is_none())
}

/// The workspace as it stands: every live row (table, row id, fields) and the sequence
/// number that state is current up to, read in one snapshot, so a join applies a
/// consistent state and then pulls only what came after it.
pub(crate) struct Snapshot {
    pub seq: i64,
    pub rows: Vec<(String, String, Value)>,
}

/// Reads the workspace as it stands, in one repeatable-read transaction.
pub(crate) fn current_rows(client: &mut Client) -> Result<Snapshot> {
    let mut tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    let seq: i64 = tx
        .query_one(
            "SELECT COALESCE(max(seq), 0) AS seq FROM rollplan.changes",
            &[],
        )?
        .try_get("seq")?;
    let rows = tx
        .query(
            "SELECT table_name, row_id, fields FROM rollplan.rows
              WHERE NOT deleted ORDER BY table_name, row_id",
            &[],
        )?
        .iter()
        .map(|row| {
            Ok((
                row.try_get("table_name")?,
                row.try_get("row_id")?,
                row.try_get("fields")?,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(Snapshot { seq, rows })
}
