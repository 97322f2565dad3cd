//! The `roles` table: the managed list of job roles, and a cache of role names for a run
//! of writes to the directory.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::people::Role;
use crate::Result;

/// The people counted in one pass, not once a role (ten thousand people in nine roles
/// were read nine times), and from the index of the active people's roles (migration
/// 0032), not the people's rows.
const WITH_COUNTS: &str = "SELECT r.id, r.name, coalesce(c.active_people, 0) AS active_people
     FROM roles r
     LEFT JOIN (SELECT role_id, count(*) AS active_people FROM people
                WHERE active = 1 AND deleted_at IS NULL GROUP BY role_id) c
       ON c.role_id = r.id
     ORDER BY r.name COLLATE NOCASE";

/// Every role, by name, with how many active people (not in the trash) hold it.
pub(crate) fn list_with_counts(conn: &Connection) -> Result<Vec<Role>> {
    let mut statement = conn.prepare_cached(WITH_COUNTS)?;
    let rows = statement.query_map([], |row| {
        Ok(Role {
            id: row.get("id")?,
            name: row.get("name")?,
            active_people: row.get("active_people")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The role called `name` (ignoring case), as (id, name).
pub(crate) fn find_by_name(conn: &Connection, name: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, name FROM roles WHERE name = ?1 COLLATE NOCASE")?
        .query_row(params![name.trim()], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// A role's name; `None` when there is no such role.
pub(crate) fn name_of(conn: &Connection, role_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT name FROM roles WHERE id = ?1")?
        .query_row(params![role_id], |row| row.get(0))
        .optional()?)
}

/// Inserts a role (already checked) and returns its id.
pub(crate) fn insert(tx: &Transaction<'_>, name: &str, at: &str) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.prepare_cached(
        "INSERT INTO roles (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![id, name, at])?;
    Ok(id)
}

/// Role names by id, remembered over a run of writes to the directory in one
/// transaction: a roster names a handful of roles over hundreds of rows, so whether each
/// exists and what it is called is asked once a role. Nothing in such a run renames or
/// removes a role. A single edit uses a fresh one.
#[derive(Default)]
pub(crate) struct RoleNames(HashMap<String, Option<String>>);

impl RoleNames {
    /// The role's name; `None` when there is no such role.
    pub(crate) fn name(&mut self, conn: &Connection, role_id: &str) -> Result<Option<String>> {
        if let Some(name) = self.0.get(role_id) {
            return Ok(name.clone());
        }
        let name = name_of(conn, role_id)?;
        self.0.insert(role_id.to_owned(), name.clone());
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::WITH_COUNTS;
    use crate::store::inspect::{query_plan, reads_index_alone};
    use crate::Store;

    #[test]
    fn the_roles_holders_are_counted_from_the_index_of_active_people_alone() {
        let store = Store::open_in_memory().expect("store");
        let plan = store
            .read(|conn| query_plan(conn, WITH_COUNTS, []))
            .expect("plan");
        assert!(
            reads_index_alone(&plan, "people_active_by_role"),
            "the holders are counted from their index: {plan:?}"
        );
    }
}
