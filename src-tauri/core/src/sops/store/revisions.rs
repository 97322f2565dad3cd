//! The `sop_revisions` table: approved versions, frozen. A trigger in the schema
//! refuses any change to a stored revision, so this file only inserts and reads.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::sops::Revision;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

const SELECT: &str =
    "SELECT id, sop_id, version, approved_by, approved_at, effective_date, snapshot
    FROM sop_revisions";

/// One revision.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Revision> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE id = ?1"),
        id,
        "SOP revision",
        from_row,
    )
}

/// Every revision of an SOP, newest first.
pub(crate) fn list(conn: &Connection, sop_id: &str) -> Result<Vec<Revision>> {
    let mut statement =
        conn.prepare_cached(&format!("{SELECT} WHERE sop_id = ?1 ORDER BY version DESC"))?;
    let found = statement.query_map(params![sop_id], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The latest revision of an SOP effective by `date`.
pub(crate) fn in_force_on(
    conn: &Connection,
    sop_id: &str,
    date: NaiveDate,
) -> Result<Option<Revision>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE sop_id = ?1 AND effective_date <= ?2
             ORDER BY effective_date DESC, version DESC LIMIT 1"
        ))?
        .query_row(params![sop_id, date_text(date)], from_row)
        .optional()?)
}

/// The stored snapshot (JSON) of an SOP's revision `version`, if it was approved.
pub(crate) fn snapshot_text(
    conn: &Connection,
    sop_id: &str,
    version: i64,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT snapshot FROM sop_revisions WHERE sop_id = ?1 AND version = ?2")?
        .query_row(params![sop_id, version], |row| row.get(0))
        .optional()?)
}

/// How many revisions an SOP has.
pub(crate) fn count(conn: &Connection, sop_id: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM sop_revisions WHERE sop_id = ?1")?
        .query_row(params![sop_id], |row| row.get(0))?)
}

/// What a revision stores besides its id.
pub(crate) struct RevisionValues<'a> {
    pub sop_id: &'a str,
    pub version: i64,
    pub approved_by: &'a str,
    pub approved_at: &'a str,
    pub effective_date: NaiveDate,
    /// The SOP as approved, as JSON.
    pub snapshot: &'a str,
}

/// Inserts a revision under `id`.
pub(crate) fn insert(tx: &Transaction<'_>, id: &str, values: &RevisionValues<'_>) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sop_revisions (id, sop_id, version, approved_by, approved_at, effective_date, snapshot)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        values.sop_id,
        values.version,
        values.approved_by,
        values.approved_at,
        date_text(values.effective_date),
        values.snapshot
    ])?;
    Ok(())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Revision> {
    let snapshot: String = row.get("snapshot")?;
    Ok(Revision {
        id: row.get("id")?,
        sop_id: row.get("sop_id")?,
        version: row.get("version")?,
        approved_by: row.get("approved_by")?,
        approved_at: row.get("approved_at")?,
        effective_date: rows::date(row, "effective_date")?
            .ok_or_else(|| rows::unreadable("effective_date"))?,
        snapshot: serde_json::from_str(&snapshot).map_err(|_| rows::unreadable("snapshot"))?,
    })
}
