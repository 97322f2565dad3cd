//! The `programme_waves` table: which rollouts are waves of which programme. The
//! rollout is the table's key, so the database itself keeps a rollout in at most one
//! programme. Wave numbers are not stored: waves are numbered by go-live as they are
//! read.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// The programme a rollout is a wave of, live or in the trash, with whether it is in the
/// trash; `None` when the rollout is in none.
pub(crate) fn programme_of(conn: &Connection, rollout_id: &str) -> Result<Option<(String, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT w.programme_id, p.deleted_at IS NOT NULL AS trashed
             FROM programme_waves w JOIN programmes p ON p.id = w.programme_id
             WHERE w.rollout_id = ?1",
        )?
        .query_row(params![rollout_id], |row| {
            Ok((row.get("programme_id")?, row.get("trashed")?))
        })
        .optional()?)
}

/// The live rollouts that are waves of a programme, in wave order: by go-live, undated
/// ones last, then in the order they joined.
pub(crate) fn rollout_ids(conn: &Connection, programme_id: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT r.id FROM programme_waves w JOIN rollouts r ON r.id = w.rollout_id
         WHERE w.programme_id = ?1 AND r.deleted_at IS NULL
         ORDER BY r.go_live_date IS NULL, r.go_live_date, w.added_at, r.id",
    )?;
    let ids = statement
        .query_map(params![programme_id], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    programme_id: &str,
    rollout_id: &str,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO programme_waves (rollout_id, programme_id, added_at) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![rollout_id, programme_id, at])?;
    Ok(())
}

/// Takes a rollout out of whatever programme it is in; whether it was in one.
pub(crate) fn delete(tx: &Transaction<'_>, rollout_id: &str) -> Result<bool> {
    let removed = tx
        .prepare_cached("DELETE FROM programme_waves WHERE rollout_id = ?1")?
        .execute(params![rollout_id])?;
    Ok(removed > 0)
}
