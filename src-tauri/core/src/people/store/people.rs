//! The `people` table: the staff directory's rows, read with their role's name. Every
//! update names the version it edits, so a stale edit is refused by the database.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::Version;
use crate::people::sort_key::family_sort_key;
use crate::people::validate::ValidPerson;
use crate::people::Person;
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::Result;

const PERSON_COLUMNS: &str =
    "p.id, p.name, p.role_id, r.name AS role_name, p.department, p.email, \
     p.super_user, p.active, p.external, p.created_at, p.updated_at, p.deleted_at, p.row_version";
const PERSON_FROM: &str = "people p LEFT JOIN roles r ON r.id = p.role_id";

/// One person, live or in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Person> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} WHERE p.id = ?1"),
        id,
        "Person",
        from_row,
    )
}

/// People not in the trash, in no particular order; inactive ones only if asked.
pub(crate) fn list_live(conn: &Connection, include_inactive: bool) -> Result<Vec<Person>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {PERSON_COLUMNS} FROM {PERSON_FROM}
         WHERE p.deleted_at IS NULL AND (?1 OR p.active = 1)"
    ))?;
    let rows = statement.query_map(params![include_inactive], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts a person (already checked) at version 1 and returns their id.
pub(crate) fn insert(tx: &Transaction<'_>, valid: &ValidPerson, at: &str) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.prepare_cached(
        "INSERT INTO people (id, name, role_id, department, email, super_user, active,
             external, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        valid.name,
        valid.role_id,
        valid.department,
        valid.email,
        valid.super_user,
        valid.active,
        valid.external,
        at
    ])?;
    Ok(id)
}

/// Replaces a person's editable fields at `row_version`; any other version is a
/// conflict (named `label`) and nothing is written.
pub(crate) fn update(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    valid: &ValidPerson,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE people SET name = ?1, role_id = ?2, department = ?3, email = ?4,
                 super_user = ?5, active = ?6, external = ?7, updated_at = ?8,
                 row_version = row_version + 1
             WHERE id = ?9 AND row_version = ?10",
        )?
        .execute(params![
            valid.name,
            valid.role_id,
            valid.department,
            valid.email,
            valid.super_user,
            valid.active,
            valid.external,
            at,
            id,
            row_version
        ])?;
    one_row_updated(affected, label)
}

/// The name of whoever else (not `own_id`) uses `email`, ignoring case.
pub(crate) fn email_holder(
    conn: &Connection,
    email: &str,
    own_id: Option<&str>,
) -> Result<Option<String>> {
    // `email <> ''` lets SQLite use the partial index people_by_email.
    Ok(conn
        .prepare_cached(
            "SELECT name FROM people WHERE email = ?1 COLLATE NOCASE AND email <> '' AND id <> ?2",
        )?
        .query_row(params![email, own_id.unwrap_or("")], |row| row.get(0))
        .optional()?)
}

/// The ids of the staff (not external people) not in the trash called `name`,
/// ignoring case: whom a roster row without an email can be about.
pub(crate) fn staff_ids_named(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT id FROM people
         WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL AND external = 0",
    )?;
    let ids = statement.query_map(params![name], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The ids of the staff (not external people; the trash included) with `email`,
/// ignoring case: whom a roster row with an email can be about.
pub(crate) fn staff_ids_with_email(conn: &Connection, email: &str) -> Result<Vec<String>> {
    // `email <> ''` lets SQLite use the partial index people_by_email; without it each
    // row of a roster scanned the whole directory.
    let mut statement = conn.prepare_cached(
        "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE AND email <> '' AND external = 0",
    )?;
    let ids = statement.query_map(params![email], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The person `id` as (id, name), if they are not in the trash.
pub(crate) fn live_by_id(conn: &Connection, id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, name FROM people WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row(params![id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// The person not in the trash whose email is `email` (ignoring case), as (id, name):
/// a vendor's plan often names owners by email.
pub(crate) fn live_by_email(conn: &Connection, email: &str) -> Result<Option<(String, String)>> {
    // `email <> ''` lets SQLite use the partial index people_by_email.
    Ok(conn
        .prepare_cached(
            "SELECT id, name FROM people
             WHERE email = ?1 COLLATE NOCASE AND email <> '' AND deleted_at IS NULL
             ORDER BY active DESC LIMIT 1",
        )?
        .query_row(params![email], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// The people not in the trash called `name` (ignoring case) as (id, name, active),
/// active ones first.
pub(crate) fn live_named(conn: &Connection, name: &str) -> Result<Vec<(String, String, bool)>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, name, active FROM people
         WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL ORDER BY active DESC",
    )?;
    let found = statement.query_map(params![name], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The people not in the trash called `name` (ignoring case), active ones first: the
/// namesakes a person chooses between.
pub(crate) fn live_people_named(conn: &Connection, name: &str) -> Result<Vec<Person>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {PERSON_COLUMNS} FROM {PERSON_FROM}
         WHERE p.name = ?1 COLLATE NOCASE AND p.deleted_at IS NULL
         ORDER BY p.active DESC, p.department, p.email"
    ))?;
    let found = statement.query_map(params![name], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A person's name, live or in the trash; `None` when there is no such person.
pub(crate) fn name_of(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT name FROM people WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))
        .optional()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    let name: String = row.get("name")?;
    Ok(Person {
        id: row.get("id")?,
        sort_key: family_sort_key(&name),
        name,
        role_id: row.get("role_id")?,
        role_name: row.get("role_name")?,
        department: row.get("department")?,
        email: row.get("email")?,
        super_user: row.get("super_user")?,
        active: row.get("active")?,
        external: row.get("external")?,
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        deleted_at: rows::timestamp(row, "deleted_at")?,
        row_version: row.get("row_version")?,
    })
}

/// What the directory's order and search read of a person not in the trash.
pub(crate) struct SearchLine {
    pub id: String,
    pub name: String,
    pub role_id: Option<String>,
    pub role_name: Option<String>,
    pub department: String,
    pub email: String,
    pub active: bool,
    pub external: bool,
}

/// Everyone not in the trash, in no particular order, as the search reads them.
pub(crate) fn search_lines(conn: &Connection) -> Result<Vec<SearchLine>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.id, p.name, p.role_id, r.name AS role_name, p.department, p.email,
             p.active, p.external
         FROM people p LEFT JOIN roles r ON r.id = p.role_id
         WHERE p.deleted_at IS NULL",
    )?;
    let lines = statement.query_map([], |row| {
        Ok(SearchLine {
            id: row.get("id")?,
            name: row.get("name")?,
            role_id: row.get("role_id")?,
            role_name: row.get("role_name")?,
            department: row.get("department")?,
            email: row.get("email")?,
            active: row.get("active")?,
            external: row.get("external")?,
        })
    })?;
    Ok(lines.collect::<rusqlite::Result<_>>()?)
}

/// The departments of the active people not in the trash, each once, in order.
pub(crate) fn active_departments(conn: &Connection) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(ACTIVE_DEPARTMENTS)?;
    let names = statement.query_map([], |row| row.get(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// Read from the index of the active people's departments (migration 0032), not the
/// people's rows.
const ACTIVE_DEPARTMENTS: &str = "SELECT DISTINCT department FROM people
     WHERE deleted_at IS NULL AND active = 1 AND department <> ''
     ORDER BY department";

/// The role of every active person in the directory who holds one, by person id: what a
/// roster import compares before and after to say who leaves and joins each role.
pub(crate) fn active_roles(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, role_id FROM people
         WHERE active = 1 AND deleted_at IS NULL AND role_id IS NOT NULL",
    )?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::validate::validate;
    use crate::people::PersonDraft;
    use crate::store::inspect::{query_plan, reads_index_alone};
    use crate::Store;

    #[test]
    fn the_departments_come_from_the_index_of_active_people_alone() {
        let store = Store::open_in_memory().expect("store");
        let plan = store
            .read(|conn| query_plan(conn, ACTIVE_DEPARTMENTS, []))
            .expect("plan");
        assert!(
            reads_index_alone(&plan, "people_active_by_department"),
            "the departments are read from their index: {plan:?}"
        );
    }

    #[test]
    fn an_update_at_a_stale_version_is_refused_by_the_sql_and_changes_nothing() {
        let store = Store::open_in_memory().expect("store");
        let before = store
            .create_person(&PersonDraft {
                name: "Dana Whitfield".into(),
                ..PersonDraft::default()
            })
            .expect("person");
        let valid = validate(&PersonDraft {
            name: "Dana Okafor".into(),
            ..before.draft()
        })
        .expect("valid");
        let stale = (before.id.as_str(), before.row_version + 1, "Dana Whitfield");
        let error = store
            .write(|tx| update(tx, stale, &valid, "2027-01-01T00:00:00Z"))
            .expect_err("a stale version");
        assert_eq!(error.code(), "conflict", "a stale version is a conflict");
        assert_eq!(
            store.get_person(&before.id).expect("person"),
            before,
            "a refused update leaves the person as they were"
        );
    }
}
