//! A rollout from creation to purge: creating, reading, editing, trashing, restoring and
//! deleting for good, each write with its audit entry in one transaction. The SQL is in
//! `store.rs`, the shape of each write in `write.rs`; these entry points orchestrate.

use super::store;
use super::validate::validate;
use super::write::{describe_changes, edit, insert};
use super::{Rollout, RolloutDraft};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind, FieldChange};
use crate::store::trash::set_trashed;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// Creates a rollout from a draft, or explains every field that is wrong.
    pub fn create_rollout(&self, draft: &RolloutDraft) -> Result<Rollout> {
        let valid = validate(draft)?;
        self.write(|tx| insert(tx, &valid))
    }

    /// Live rollouts (not in the trash), soonest go-live first, undated ones last.
    pub fn list_rollouts(&self) -> Result<Vec<Rollout>> {
        self.read(store::list_live)
    }

    /// Rollouts in the trash, most recently trashed first.
    pub fn list_trashed_rollouts(&self) -> Result<Vec<Rollout>> {
        self.read(store::list_trashed)
    }

    /// One rollout, live or in the trash.
    pub fn get_rollout(&self, id: &str) -> Result<Rollout> {
        self.read(|conn| store::fetch(conn, id))
    }

    /// Replaces the editable fields of a live rollout.
    ///
    /// `expected_row_version` is the version the caller edited; if the rollout has changed
    /// since, the update is refused as a conflict instead of overwriting that change.
    /// An update that changes nothing writes nothing and keeps the version.
    pub fn update_rollout(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &RolloutDraft,
    ) -> Result<Rollout> {
        let valid = validate(draft)?;
        self.write(|tx| {
            let current = store::fetch(tx, id)?;
            let mut changes = ChangeSet::default();
            describe_changes(&mut changes, Some(&current), &valid);
            edit(tx, current, expected_row_version, changes, |version, at| {
                store::update(tx, version, &valid, at)
            })
        })
    }

    /// Moves a rollout to the trash; it keeps all its data until purged.
    pub fn trash_rollout(&self, id: &str) -> Result<Rollout> {
        self.write(|tx| {
            store::fetch(tx, id)?;
            set_trashed(tx, "rollouts", EntityKind::Rollout, id, true)?;
            store::fetch(tx, id)
        })
    }

    /// Brings a rollout back from the trash.
    pub fn restore_rollout(&self, id: &str) -> Result<Rollout> {
        self.write(|tx| {
            store::fetch(tx, id)?;
            set_trashed(tx, "rollouts", EntityKind::Rollout, id, false)?;
            store::fetch(tx, id)
        })
    }

    /// Deletes a rollout for good. Only a rollout already in the trash can be purged, so
    /// nothing vanishes in one click; its audit history stays.
    pub fn purge_rollout(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let current = store::fetch(tx, id)?;
            if current.deleted_at.is_none() {
                return Err(CoreError::Conflict(format!(
                    "'{}' is not in the trash: move it to the trash before deleting it for good.",
                    current.name
                )));
            }
            store::delete(tx, id)?;
            let gone = [FieldChange {
                field: "name".into(),
                old: Some(current.name),
                new: None,
            }];
            audit::record(
                tx,
                &timestamp_text(now()),
                EntityKind::Rollout,
                id,
                AuditAction::Purge,
                &gone,
            )
        })
    }

    /// The rollout's history, newest first.
    pub fn rollout_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::Rollout, id)
    }

    /// How many rollouts exist, counting the trash.
    pub fn count_rollouts(&self) -> Result<i64> {
        self.read(store::count)
    }
}
