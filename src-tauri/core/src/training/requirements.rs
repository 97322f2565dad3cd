//! Requirements — which role needs which module for a rollout, by when — and the
//! assignment they drive: every active person in the role gets a record to complete.
//! The SQL is in [`super::store::requirements`].

use super::sites::clean_sites;
use super::store::{self, requirements, NewRequirement};
use super::Requirement;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::time::{now, parse_date, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// A rollout's training requirements, by due date then role.
    pub fn list_requirements(&self, rollout_id: &str) -> Result<Vec<Requirement>> {
        self.read(|conn| requirements::list(conn, rollout_id))
    }

    /// Requires `module_id` of everyone in `role_id` for a rollout by `due_date` — at
    /// `sites` only, or wherever the rollout is when none are named — and assigns it to
    /// each of them at once.
    pub fn add_requirement(
        &self,
        rollout_id: &str,
        role_id: &str,
        module_id: &str,
        due_date: &str,
        sites: &[String],
    ) -> Result<Requirement> {
        let due = parse_date(due_date).ok_or_else(|| {
            CoreError::invalid(
                "due_date",
                format!(
                    "'{}' is not a date: use a date like 2027-03-01.",
                    due_date.trim()
                ),
            )
        })?;
        self.write(|tx| {
            let requirement = store::insert_requirement(
                tx,
                &NewRequirement {
                    rollout_id,
                    role_id,
                    module_id,
                    due,
                    sites,
                },
            )?;
            store::assign_missing_records(tx)?;
            Ok(requirement)
        })
    }

    /// Limits a requirement to `sites` (none: wherever the rollout is), as read at
    /// `row_version`, and assigns it to the people it now reaches. Records already
    /// assigned to people it no longer reaches stay (the training they did is still
    /// true), but no longer count towards the rollout's trained %.
    pub fn set_requirement_sites(
        &self,
        id: &str,
        sites: &[String],
        row_version: i64,
    ) -> Result<Requirement> {
        let sites = clean_sites(sites)?;
        self.write(|tx| {
            let current = requirements::fetch(tx, id)?;
            let label = format!("{} for {}", current.module_title, current.role_name);
            if current.sites == sites {
                return Ok(current);
            }
            let at = timestamp_text(now());
            requirements::update_sites(tx, id, row_version, &sites, &at, &label)?;
            let mut changes = ChangeSet::default();
            changes.compare("sites", current.sites.join(", "), sites.join(", "));
            audit::record(
                tx,
                &at,
                EntityKind::TrainingRequirement,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            store::assign_missing_records(tx)?;
            requirements::fetch(tx, id)
        })
    }

    /// Moves a requirement to the trash. Records already assigned stay: the training
    /// people did is still true.
    pub fn remove_requirement(&self, id: &str) -> Result<()> {
        self.set_requirement_trashed(id, true)
    }

    /// Brings a removed requirement back (and assigns it to anyone who joined since).
    pub fn restore_requirement(&self, id: &str) -> Result<()> {
        self.set_requirement_trashed(id, false)
    }

    fn set_requirement_trashed(&self, id: &str, trashed: bool) -> Result<()> {
        self.write(|tx| {
            let requirement = requirements::fetch(tx, id)?;
            if !trashed
                && requirements::live_exists(
                    tx,
                    &requirement.rollout_id,
                    &requirement.role_id,
                    &requirement.module_id,
                    Some(id),
                )?
            {
                return Err(CoreError::Conflict(
                    "The same requirement has been added again since; remove that one first."
                        .into(),
                ));
            }
            let changed = requirements::set_trashed(tx, id, trashed)?;
            if changed && !trashed {
                store::assign_missing_records(tx)?;
            }
            Ok(())
        })
    }
}
