//! The `programmes` table: a programme's name, description and owner, versioned and
//! trashed like every other record.

use rusqlite::{params, Connection, Row, Transaction};

use crate::programmes::validate::ValidProgramme;
use crate::programmes::Programme;
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::Result;

const SELECT: &str = "SELECT id, name, description, owner, created_at, updated_at, deleted_at,
    row_version FROM programmes";

/// One programme, live or in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Programme> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE id = ?1"),
        id,
        "Programme",
        from_row,
    )
}

/// Live programmes by name.
pub(crate) fn list_live(conn: &Connection) -> Result<Vec<Programme>> {
    query(
        conn,
        "WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
    )
}

/// Programmes in the trash, most recently removed first.
pub(crate) fn list_trashed(conn: &Connection) -> Result<Vec<Programme>> {
    query(
        conn,
        "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC",
    )
}

fn query(conn: &Connection, tail: &str) -> Result<Vec<Programme>> {
    let mut statement = conn.prepare_cached(&format!("{SELECT} {tail}"))?;
    let found = statement
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    valid: &ValidProgramme,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO programmes (id, name, description, owner, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![id, valid.name, valid.description, valid.owner, at])?;
    Ok(())
}

/// Writes an edit read at `expected_row_version`; another writer since then is a
/// conflict.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    valid: &ValidProgramme,
    at: &str,
    label: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE programmes SET name = ?1, description = ?2, owner = ?3, updated_at = ?4,
                 row_version = row_version + 1
             WHERE id = ?5 AND row_version = ?6",
        )?
        .execute(params![
            valid.name,
            valid.description,
            valid.owner,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Programme> {
    Ok(Programme {
        id: row.get("id")?,
        name: row.get("name")?,
        description: row.get("description")?,
        owner: row.get("owner")?,
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        deleted_at: rows::timestamp(row, "deleted_at")?,
        row_version: row.get("row_version")?,
    })
}
