//! A rollout's readiness criteria: listing, creating, editing and trashing them. The
//! checks are in [`super::draft`], the SQL in [`super::store`].

use super::draft::{describe, validate};
use super::store;
use super::{Criterion, CriterionDraft};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind};
use crate::people::find_owner_keeping;
use crate::store::editable::check_editable;
use crate::time::{now, timestamp_text};
use crate::{Result, Store};

impl Store {
    /// A rollout's criteria (not in the trash), by category then in the order added.
    pub fn list_criteria(&self, rollout_id: &str) -> Result<Vec<Criterion>> {
        self.read(|conn| store::list(conn, rollout_id))
    }

    pub fn create_criterion(&self, rollout_id: &str, draft: &CriterionDraft) -> Result<Criterion> {
        self.write(|tx| store::insert_criterion(tx, rollout_id, draft))
    }

    /// Edits a criterion; refused if it is in the trash or changed since
    /// `expected_row_version`.
    pub fn update_criterion(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &CriterionDraft,
    ) -> Result<Criterion> {
        self.write(|tx| {
            let (current, deleted) = store::fetch(tx, id)?;
            check_editable(
                &current.title,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let valid = validate(
                draft,
                find_owner_keeping(tx, &draft.owner, current.owner_id.as_deref())?,
            )?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), &valid);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            store::update(tx, id, expected_row_version, &valid, &at, &current.title)?;
            audit::record(
                tx,
                &at,
                EntityKind::ReadinessCriterion,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(store::fetch(tx, id)?.0)
        })
    }

    /// Sets a criterion's status and nothing else (ticked off from a person's week);
    /// refused if it is in the trash or changed since `expected_row_version`.
    pub fn set_criterion_status(
        &self,
        id: &str,
        expected_row_version: i64,
        status: super::CriterionStatus,
    ) -> Result<Criterion> {
        let (current, _) = self.read(|conn| store::fetch(conn, id))?;
        let draft = CriterionDraft {
            status,
            ..current.draft()
        };
        self.update_criterion(id, expected_row_version, &draft)
    }

    /// A criterion's history, newest first.
    pub fn criterion_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::ReadinessCriterion, id)
    }

    /// Moves a criterion to the trash (it no longer counts towards the verdict).
    pub fn trash_criterion(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed(tx, id, true))
    }

    pub fn restore_criterion(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed(tx, id, false))
    }
}
