//! Reading and writing people and roles. Each write and its audit entry share one
//! transaction.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::sort_key::family_sort_key;
use super::validate::{validate, ValidPerson};
use super::{Person, PersonDraft, Role};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind};
use crate::store::rows;
use crate::time::{now, timestamp_text};
use crate::training::assign_missing_records;
use crate::{CoreError, Result, Store};

const PERSON_COLUMNS: &str =
    "p.id, p.name, p.role_id, r.name AS role_name, p.department, p.email, \
     p.super_user, p.active, p.created_at, p.updated_at, p.deleted_at, p.row_version";
const PERSON_FROM: &str = "people p LEFT JOIN roles r ON r.id = p.role_id";

impl Store {
    /// People in the directory (not in the trash), by family name then given name (see
    /// [`family_sort_key`]); inactive ones only if asked.
    pub fn list_people(&self, include_inactive: bool) -> Result<Vec<Person>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {PERSON_COLUMNS} FROM {PERSON_FROM}
                 WHERE p.deleted_at IS NULL AND (?1 OR p.active = 1)"
            ))?;
            let rows = statement.query_map(params![include_inactive], person_from_row)?;
            let mut people = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            people.sort_by(|a, b| (&a.sort_key, &a.id).cmp(&(&b.sort_key, &b.id)));
            Ok(people)
        })
    }

    pub fn get_person(&self, id: &str) -> Result<Person> {
        self.read(|conn| fetch_person(conn, id))
    }

    /// Adds a person to the directory, or explains every field that is wrong.
    /// Someone who joins in a role that has required training is assigned it at once.
    pub fn create_person(&self, draft: &PersonDraft) -> Result<Person> {
        self.write(|tx| {
            let person = insert_person(tx, draft)?;
            assign_missing_records(tx)?;
            Ok(person)
        })
    }

    /// Replaces a person's editable fields; refused if they changed since
    /// `expected_row_version`. Deactivating is an update with `active: false`.
    pub fn update_person(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &PersonDraft,
    ) -> Result<Person> {
        self.write(|tx| {
            let current = fetch_person(tx, id)?;
            if current.deleted_at.is_some() {
                return Err(CoreError::Conflict(format!(
                    "{} is in the trash: restore them before editing.",
                    current.name
                )));
            }
            if current.row_version != expected_row_version {
                return Err(CoreError::Conflict(format!(
                    "{} was changed elsewhere since you opened them; reload to see the latest.",
                    current.name
                )));
            }
            let person = update_person_in(tx, &mut RoleNames::default(), &current, draft)?;
            // A new role (or coming back) brings that role's required training.
            assign_missing_records(tx)?;
            Ok(person)
        })
    }

    /// Moves a person entered by mistake to the trash (someone who left is deactivated
    /// instead, so their history stays in the directory).
    pub fn trash_person(&self, id: &str) -> Result<Person> {
        self.write(|tx| set_person_deleted_at(tx, id, Some(timestamp_text(now()))))
    }

    pub fn restore_person(&self, id: &str) -> Result<Person> {
        self.write(|tx| set_person_deleted_at(tx, id, None))
    }

    pub fn person_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::Person, id)
    }

    /// The managed list of roles, by name, with how many active people hold each.
    pub fn list_roles(&self) -> Result<Vec<Role>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT r.id, r.name,
                        (SELECT count(*) FROM people p
                         WHERE p.role_id = r.id AND p.active = 1 AND p.deleted_at IS NULL)
                        AS active_people
                 FROM roles r ORDER BY r.name COLLATE NOCASE",
            )?;
            let rows = statement.query_map([], |row| {
                Ok(Role {
                    id: row.get("id")?,
                    name: row.get("name")?,
                    active_people: row.get("active_people")?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Adds a role to the managed list; names are unique, ignoring case.
    pub fn create_role(&self, name: &str) -> Result<Role> {
        self.write(|tx| {
            let id = insert_role(tx, name)?;
            Ok(Role {
                id,
                name: name.trim().to_owned(),
                active_people: 0,
            })
        })
    }
}

/// Validates and inserts a person inside a caller's transaction.
pub(crate) fn insert_person(tx: &Transaction<'_>, draft: &PersonDraft) -> Result<Person> {
    let id = add_person(tx, &mut RoleNames::default(), draft)?;
    fetch_person(tx, &id)
}

/// [`insert_person`] for a caller that needs only the new person's id (an import).
pub(crate) fn add_person(
    tx: &Transaction<'_>,
    roles: &mut RoleNames,
    draft: &PersonDraft,
) -> Result<String> {
    let valid = validate(draft)?;
    check_references(tx, roles, &valid, None)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.prepare_cached(
        "INSERT INTO people (id, name, role_id, department, email, super_user, active,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id,
        valid.name,
        valid.role_id,
        valid.department,
        valid.email,
        valid.super_user,
        valid.active,
        at
    ])?;
    let mut changes = ChangeSet::default();
    describe_changes(roles.role_of(tx, &valid)?, &mut changes, None, &valid);
    audit::record(
        tx,
        &at,
        EntityKind::Person,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(id)
}

/// Validates and applies an edit inside a caller's transaction; no change writes nothing.
pub(crate) fn update_person_in(
    tx: &Transaction<'_>,
    roles: &mut RoleNames,
    current: &Person,
    draft: &PersonDraft,
) -> Result<Person> {
    let valid = validate(draft)?;
    check_references(tx, roles, &valid, Some(&current.id))?;
    let mut changes = ChangeSet::default();
    describe_changes(
        roles.role_of(tx, &valid)?,
        &mut changes,
        Some(current),
        &valid,
    );
    if changes.is_empty() {
        return Ok(current.clone());
    }
    let at = timestamp_text(now());
    tx.prepare_cached(
        "UPDATE people SET name = ?1, role_id = ?2, department = ?3, email = ?4,
             super_user = ?5, active = ?6, updated_at = ?7, row_version = row_version + 1
         WHERE id = ?8",
    )?
    .execute(params![
        valid.name,
        valid.role_id,
        valid.department,
        valid.email,
        valid.super_user,
        valid.active,
        at,
        current.id
    ])?;
    audit::record(
        tx,
        &at,
        EntityKind::Person,
        &current.id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    fetch_person(tx, &current.id)
}

/// Adds a role inside a caller's transaction and returns its id.
pub(crate) fn insert_role(tx: &Transaction<'_>, name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid("name", "Enter the role's name."));
    }
    if let Some(existing) = find_role_by_name(tx, name)? {
        return Err(CoreError::invalid(
            "name",
            format!("There is already a role called '{}'.", existing.1),
        ));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.prepare_cached(
        "INSERT INTO roles (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![id, name, at])?;
    let mut changes = ChangeSet::default();
    changes.compare("name", "", name);
    audit::record(
        tx,
        &at,
        EntityKind::Role,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(id)
}

/// The role called `name` (ignoring case), as (id, name).
pub(crate) fn find_role_by_name(conn: &Connection, name: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, name FROM roles WHERE name = ?1 COLLATE NOCASE")?
        .query_row(params![name.trim()], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

/// The role must exist and the email must not belong to someone else.
fn check_references(
    conn: &Connection,
    roles: &mut RoleNames,
    valid: &ValidPerson,
    own_id: Option<&str>,
) -> Result<()> {
    if let Some(role_id) = &valid.role_id {
        if roles.name(conn, role_id)?.is_none() {
            return Err(CoreError::invalid(
                "role_id",
                "Choose a role from the list.",
            ));
        }
    }
    if !valid.email.is_empty() {
        // `email <> ''` lets SQLite use the partial index people_by_email.
        let holder: Option<String> = conn
            .prepare_cached(
                "SELECT name FROM people WHERE email = ?1 COLLATE NOCASE AND email <> '' AND id <> ?2",
            )?
            .query_row(params![valid.email, own_id.unwrap_or("")], |row| row.get(0))
            .optional()?;
        if let Some(holder) = holder {
            return Err(CoreError::invalid(
                "email",
                format!("{holder} already uses {}.", valid.email),
            ));
        }
    }
    Ok(())
}

fn set_person_deleted_at(
    tx: &Transaction<'_>,
    id: &str,
    deleted_at: Option<String>,
) -> Result<Person> {
    let current = fetch_person(tx, id)?;
    if current.deleted_at.is_some() == deleted_at.is_some() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    tx.execute(
        "UPDATE people SET deleted_at = ?1, updated_at = ?2, row_version = row_version + 1 WHERE id = ?3",
        params![deleted_at, at, id],
    )?;
    let action = if deleted_at.is_some() {
        AuditAction::Trash
    } else {
        AuditAction::Restore
    };
    audit::record(tx, &at, EntityKind::Person, id, action, &[])?;
    fetch_person(tx, id)
}

fn describe_changes(
    new_role: String,
    changes: &mut ChangeSet,
    old: Option<&Person>,
    new: &ValidPerson,
) {
    let text = |f: fn(&Person) -> String| old.map(f).unwrap_or_default();
    let flag = |on: bool| if on { "yes" } else { "no" };
    changes.compare("name", text(|p| p.name.clone()), new.name.as_str());
    changes.compare(
        "role",
        text(|p| p.role_name.clone().unwrap_or_default()),
        new_role,
    );
    changes.compare(
        "department",
        text(|p| p.department.clone()),
        new.department.as_str(),
    );
    changes.compare("email", text(|p| p.email.clone()), new.email.as_str());
    changes.compare(
        "super_user",
        old.map(|p| flag(p.super_user)).unwrap_or(""),
        flag(new.super_user),
    );
    changes.compare(
        "active",
        old.map(|p| flag(p.active)).unwrap_or(""),
        flag(new.active),
    );
}

/// Role names by id, remembered over a run of writes to the directory in one
/// transaction: a roster names a handful of roles over hundreds of rows, so whether each
/// exists and what it is called is asked once a role. Nothing in such a run renames or
/// removes a role. A single edit uses a fresh one.
#[derive(Default)]
pub(crate) struct RoleNames(HashMap<String, Option<String>>);

impl RoleNames {
    /// The role's name; `None` when there is no such role.
    fn name(&mut self, conn: &Connection, role_id: &str) -> Result<Option<String>> {
        if let Some(name) = self.0.get(role_id) {
            return Ok(name.clone());
        }
        let name: Option<String> = conn
            .prepare_cached("SELECT name FROM roles WHERE id = ?1")?
            .query_row(params![role_id], |row| row.get(0))
            .optional()?;
        self.0.insert(role_id.to_owned(), name.clone());
        Ok(name)
    }

    /// The name of a person's role, for their history; empty without one.
    fn role_of(&mut self, conn: &Connection, person: &ValidPerson) -> Result<String> {
        Ok(match &person.role_id {
            Some(id) => self.name(conn, id)?.unwrap_or_default(),
            None => String::new(),
        })
    }
}

pub(super) fn fetch_person(conn: &Connection, id: &str) -> Result<Person> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM {PERSON_FROM} WHERE p.id = ?1"),
        id,
        "Person",
        person_from_row,
    )
}

fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
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
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        deleted_at: rows::timestamp(row, "deleted_at")?,
        row_version: row.get("row_version")?,
    })
}
