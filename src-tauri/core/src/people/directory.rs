//! The staff directory's entry points: listing, reading, adding, editing, trashing and
//! restoring people. Each write and its audit entry share one transaction; the SQL is in
//! `store/`, the shape of each write in `write.rs`.

use super::store::{people as rows, roles::RoleNames};
use super::write::{insert_person, update_person_in};
use super::{Person, PersonDraft};
use crate::audit::{AuditEntry, EntityKind};
use crate::store::editable::check_editable;
use crate::store::trash::set_trashed;
use crate::training::assign_missing_records;
use crate::{Result, Store};

impl Store {
    /// People in the directory (not in the trash), by family name then given name (see
    /// [`super::family_sort_key`]); inactive ones only if asked.
    pub fn list_people(&self, include_inactive: bool) -> Result<Vec<Person>> {
        let mut people = self.read(|conn| rows::list_live(conn, include_inactive))?;
        people.sort_by(|a, b| (&a.sort_key, &a.id).cmp(&(&b.sort_key, &b.id)));
        Ok(people)
    }

    pub fn get_person(&self, id: &str) -> Result<Person> {
        self.read(|conn| rows::fetch(conn, id))
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
            let current = rows::fetch(tx, id)?;
            check_editable(
                &current.name,
                current.deleted_at.is_some(),
                current.row_version,
                expected_row_version,
            )?;
            let person = update_person_in(tx, &mut RoleNames::default(), &current, draft)?;
            // A new role (or coming back) brings that role's required training.
            assign_missing_records(tx)?;
            Ok(person)
        })
    }

    /// Moves a person entered by mistake to the trash (someone who left is deactivated
    /// instead, so their history stays in the directory).
    pub fn trash_person(&self, id: &str) -> Result<Person> {
        self.write(|tx| {
            rows::fetch(tx, id)?;
            set_trashed(tx, "people", EntityKind::Person, id, true)?;
            rows::fetch(tx, id)
        })
    }

    pub fn restore_person(&self, id: &str) -> Result<Person> {
        self.write(|tx| {
            rows::fetch(tx, id)?;
            set_trashed(tx, "people", EntityKind::Person, id, false)?;
            rows::fetch(tx, id)
        })
    }

    pub fn person_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::Person, id)
    }
}
