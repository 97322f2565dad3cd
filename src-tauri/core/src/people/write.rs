//! Writing a person inside a caller's transaction — one added from the form, a roster
//! row, the sample clinic: checked, written, and described in the history by name.

use super::store::{people as rows, roles::RoleNames};
use super::validate::{looks_like_email, validate, ValidPerson};
use super::{Person, PersonDraft};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::{Conn, Tx};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result};

/// Validates and inserts a person inside a caller's transaction.
pub(crate) fn insert_person(tx: &Tx<'_>, draft: &PersonDraft) -> Result<Person> {
    let id = add_person(tx, &mut RoleNames::default(), draft)?;
    rows::fetch(tx, &id)
}

/// [`insert_person`] for a caller that needs only the new person's id (an import).
pub(crate) fn add_person(
    tx: &Tx<'_>,
    roles: &mut RoleNames,
    draft: &PersonDraft,
) -> Result<String> {
    let valid = validate(draft)?;
    let role = check_references(tx, roles, &valid, None)?;
    let at = timestamp_text(now());
    let id = rows::insert(tx, &valid, &at)?;
    let mut changes = ChangeSet::default();
    describe_changes(role, &mut changes, None, &valid);
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

/// Adds `name` to the directory as an external person (vendor staff named in an
/// imported plan): no role, no training. A name that is an email address is their
/// email too. Gives their id.
pub(crate) fn add_external_person(tx: &Tx<'_>, name: &str) -> Result<String> {
    let draft = PersonDraft {
        name: name.to_owned(),
        email: if looks_like_email(name) {
            name.to_owned()
        } else {
            String::new()
        },
        external: true,
        ..PersonDraft::default()
    };
    add_person(tx, &mut RoleNames::default(), &draft)
}

/// Validates and applies an edit of `current` (as read in this transaction) inside a
/// caller's transaction; no change writes nothing.
pub(crate) fn update_person_in(
    tx: &Tx<'_>,
    roles: &mut RoleNames,
    current: &Person,
    draft: &PersonDraft,
) -> Result<Person> {
    let valid = validate(draft)?;
    let role = check_references(tx, roles, &valid, Some(&current.id))?;
    let mut changes = ChangeSet::default();
    describe_changes(role, &mut changes, Some(current), &valid);
    if changes.is_empty() {
        return Ok(current.clone());
    }
    let at = timestamp_text(now());
    rows::update(
        tx,
        (&current.id, current.row_version, &current.name),
        &valid,
        &at,
    )?;
    audit::record(
        tx,
        &at,
        EntityKind::Person,
        &current.id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    rows::fetch(tx, &current.id)
}

/// The role must exist and the email must not belong to someone else. Gives the role's
/// name for the history (empty without a role).
fn check_references(
    conn: &Conn,
    roles: &mut RoleNames,
    valid: &ValidPerson,
    own_id: Option<&str>,
) -> Result<String> {
    let role = match &valid.role_id {
        Some(role_id) => roles
            .name(conn, role_id)?
            .ok_or_else(|| CoreError::invalid("role_id", "Choose a role from the list."))?,
        None => String::new(),
    };
    if !valid.email.is_empty() {
        if let Some(holder) = rows::email_holder(conn, &valid.email, own_id)? {
            return Err(CoreError::invalid(
                "email",
                format!("{holder} already uses {}.", valid.email),
            ));
        }
    }
    Ok(role)
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
    // Most people are staff: a new one's history mentions this only when they are not.
    changes.compare(
        "external",
        old.map(|p| flag(p.external)).unwrap_or("no"),
        flag(new.external),
    );
}
