//! The `roster_title_roles` and `roster_status_meanings` tables: what a person told a
//! roster import about the HR file's job titles and employment statuses, remembered so
//! that next month's file is mapped the same way without asking again.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

use crate::Result;

/// Every remembered job title, by title in lower case, with the role it means.
pub(crate) fn title_roles(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.title, m.role_id FROM roster_title_roles m JOIN roles r ON r.id = m.role_id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, String>(0)?.to_lowercase(), row.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remembers that `title` means the role `role_id` (replacing what it meant before).
pub(crate) fn remember_title(
    tx: &Transaction<'_>,
    title: &str,
    role_id: &str,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO roster_title_roles (title, role_id, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (title) DO UPDATE SET role_id = excluded.role_id,
             updated_at = excluded.updated_at",
    )?
    .execute(params![title.trim(), role_id, at])?;
    Ok(())
}

/// Points every title remembered for `from_role` at `to_role` (a role merge).
pub(crate) fn move_titles(tx: &Transaction<'_>, from_role: &str, to_role: &str) -> Result<()> {
    tx.prepare_cached("UPDATE roster_title_roles SET role_id = ?2 WHERE role_id = ?1")?
        .execute(params![from_role, to_role])?;
    Ok(())
}

/// Every remembered employment status, by status in lower case: whether it means the
/// person still works here.
pub(crate) fn status_meanings(conn: &Connection) -> Result<HashMap<String, bool>> {
    let mut statement = conn.prepare_cached("SELECT status, active FROM roster_status_meanings")?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, String>(0)?.to_lowercase(), row.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remembers what the employment status `status` means.
pub(crate) fn remember_status(
    tx: &Transaction<'_>,
    status: &str,
    active: bool,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO roster_status_meanings (status, active, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (status) DO UPDATE SET active = excluded.active,
             updated_at = excluded.updated_at",
    )?
    .execute(params![status.trim(), active, at])?;
    Ok(())
}
