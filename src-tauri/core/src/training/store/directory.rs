//! What training reads of the rest of the database — rollouts, roles and people —
//! for its own lists and checks. Those tables belong to their aggregates; these are the
//! few questions training asks of them, kept here so training's SQL stays in one place.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::rows;
use crate::Result;

/// A rollout's name, `None` when there is no such rollout.
pub(super) fn rollout_name(conn: &Connection, rollout_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT name FROM rollouts WHERE id = ?1")?
        .query_row(params![rollout_id], |row| row.get(0))
        .optional()?)
}

/// A role's name, `None` when there is no such role.
pub(super) fn role_name(conn: &Connection, role_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT name FROM roles WHERE id = ?1")?
        .query_row(params![role_id], |row| row.get(0))
        .optional()?)
}

/// Whether `person_id` is in the directory (not in the trash).
pub(super) fn person_is_live(conn: &Connection, person_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND deleted_at IS NULL)",
        )?
        .query_row(params![person_id], |row| row.get(0))?)
}

/// Every role as (id, name), by name as SQLite's NOCASE orders it.
pub(super) fn each_role(conn: &Connection, mut visit: impl FnMut(&str, &str)) -> Result<()> {
    let mut statement =
        conn.prepare_cached("SELECT id, name FROM roles ORDER BY name COLLATE NOCASE")?;
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        visit(rows::text(row, (0, "id"))?, rows::text(row, (1, "name"))?);
    }
    Ok(())
}

/// Every trainee (the `trainees` view: active staff with a role, external people left
/// out), as (id, role id, department, name); the name is left empty unless `with_names`
/// (counts need none, and a thousand people's names are most of what this reads). The
/// department is always read: it says which site's requirements apply.
pub(super) fn each_member(
    conn: &Connection,
    with_names: bool,
    mut visit: impl FnMut(&str, &str, &str, &str),
) -> Result<()> {
    let mut statement = conn.prepare_cached(if with_names {
        "SELECT id, role_id, department, name FROM trainees"
    } else {
        "SELECT id, role_id, department, '' FROM trainees"
    })?;
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        visit(
            rows::text(row, (0, "id"))?,
            rows::text(row, (1, "role_id"))?,
            rows::text(row, (2, "department"))?,
            rows::text(row, (3, "name"))?,
        );
    }
    Ok(())
}
