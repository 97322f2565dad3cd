//! The SQL of a role merge: moving every person and training requirement of one role to
//! another, and removing the role that is merged away. The history entries are written
//! by [`crate::people::merge_roles`].

use rusqlite::{params, Transaction};

use crate::Result;

/// Moves every person of `from_role` (active, inactive and in the trash alike) to
/// `to_role`, each one's version moving on; returns their ids.
pub(crate) fn move_people(
    tx: &Transaction<'_>,
    from_role: &str,
    to_role: &str,
    at: &str,
) -> Result<Vec<String>> {
    let mut statement = tx.prepare_cached(
        "UPDATE people SET role_id = ?2, updated_at = ?3, row_version = row_version + 1
         WHERE role_id = ?1 RETURNING id",
    )?;
    let ids = statement.query_map(params![from_role, to_role, at], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The live requirements of `from_role` that `to_role` already has for the same rollout
/// and module: merged, they would be the same requirement twice.
pub(crate) fn duplicate_requirements(
    tx: &Transaction<'_>,
    from_role: &str,
    to_role: &str,
) -> Result<Vec<String>> {
    let mut statement = tx.prepare_cached(
        "SELECT q.id FROM training_requirements q
         WHERE q.role_id = ?1 AND q.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM training_requirements k
                       WHERE k.role_id = ?2 AND k.deleted_at IS NULL
                         AND k.rollout_id = q.rollout_id AND k.module_id = q.module_id)
         ORDER BY q.id",
    )?;
    let ids = statement.query_map(params![from_role, to_role], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Moves every requirement of `from_role` (live or removed) to `to_role`; returns the
/// ids of the live ones moved.
pub(crate) fn move_requirements(
    tx: &Transaction<'_>,
    from_role: &str,
    to_role: &str,
    at: &str,
) -> Result<Vec<String>> {
    let mut statement = tx.prepare_cached(
        "UPDATE training_requirements
         SET role_id = ?2, updated_at = ?3, row_version = row_version + 1
         WHERE role_id = ?1 RETURNING id, deleted_at IS NULL",
    )?;
    let moved = statement.query_map(params![from_role, to_role, at], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, bool>(1)?))
    })?;
    let mut live = Vec::new();
    for entry in moved {
        let (id, is_live) = entry?;
        if is_live {
            live.push(id);
        }
    }
    Ok(live)
}

/// Removes the role row itself, once nothing points at it.
pub(crate) fn delete_role(tx: &Transaction<'_>, role_id: &str) -> Result<()> {
    tx.prepare_cached("DELETE FROM roles WHERE id = ?1")?
        .execute(params![role_id])?;
    Ok(())
}
