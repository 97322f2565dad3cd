//! All SQL of training, one file per table (and [`directory`] for what training reads
//! of people, roles and rollouts), as plain functions returning domain values. Beside
//! them, the writes that other aggregates and the sample clinic make inside their own
//! transactions — creating a module or a requirement, assigning missing records,
//! recording a completion — each with its audit entries, and [`standing`], which reads
//! what the trained % and the matrix count.

mod directory;
pub(crate) mod modules;
pub(crate) mod records;
pub(crate) mod requirements;
pub(crate) use requirements::NewRequirement;
pub(crate) mod standing;

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::sites::clean_sites;
use super::{ModuleDraft, RecordDraft, Requirement, TrainingModule, TrainingRecord};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result};

/// Checks and inserts a module inside a caller's transaction.
pub(crate) fn insert_module(tx: &Transaction<'_>, draft: &ModuleDraft) -> Result<TrainingModule> {
    super::modules::validate(draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    modules::insert(tx, &id, draft, &at)?;
    let changes = super::modules::describe(None, draft);
    audit::record(
        tx,
        &at,
        EntityKind::TrainingModule,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(modules::fetch(tx, &id)?.0)
}

/// Inserts a requirement inside a caller's transaction (without assigning it); the
/// rollout must exist, and the role and module must be ones from the lists, not already
/// required of that role for that rollout. Its sites are cleaned first (see
/// [`super::sites::clean_sites`]).
pub(crate) fn insert_requirement(
    tx: &Transaction<'_>,
    new: &NewRequirement<'_>,
) -> Result<Requirement> {
    let sites = clean_sites(new.sites)?;
    let rollout_name =
        directory::rollout_name(tx, new.rollout_id)?.ok_or_else(|| CoreError::NotFound {
            entity: "Rollout",
            id: new.rollout_id.to_owned(),
        })?;
    let role_name = directory::role_name(tx, new.role_id)?
        .ok_or_else(|| CoreError::invalid("role_id", "Choose a role from the list."))?;
    let (module, _) = modules::fetch(tx, new.module_id)
        .map_err(|_| CoreError::invalid("module_id", "Choose a module from the list."))?;
    if requirements::live_exists(tx, new.rollout_id, new.role_id, new.module_id, None)? {
        return Err(CoreError::invalid(
            "module_id",
            format!(
                "{role_name} already need '{}' for {rollout_name}.",
                module.title
            ),
        ));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    requirements::insert(
        tx,
        &id,
        &NewRequirement {
            sites: &sites,
            ..*new
        },
        &at,
    )?;
    let mut changes = ChangeSet::default();
    changes.compare("rollout", "", rollout_name);
    changes.compare("role", "", role_name);
    changes.compare("module", "", module.title);
    changes.compare("due_date", "", date_text(new.due));
    changes.compare("sites", "", sites.join(", "));
    audit::record(
        tx,
        &at,
        EntityKind::TrainingRequirement,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    requirements::fetch(tx, &id)
}

/// Gives every active person a record for each module their role requires in a live
/// rollout, where they have none yet. Returns how many records were assigned.
pub(crate) fn assign_missing_records(tx: &Transaction<'_>) -> Result<usize> {
    let missing = records::missing(tx)?;
    let at = timestamp_text(now());
    for (person_id, module_id) in &missing {
        let id = uuid::Uuid::now_v7().to_string();
        records::insert(tx, &id, person_id, module_id, &at)?;
        let mut changes = ChangeSet::default();
        changes.compare("status", "", "assigned");
        audit::record(
            tx,
            &at,
            EntityKind::TrainingRecord,
            &id,
            AuditAction::Create,
            &changes.into_changes(),
        )?;
    }
    Ok(missing.len())
}

/// Records a completion inside a caller's transaction (a sign-in sheet, the sample
/// clinic's history); a person without a record of the module gets one.
pub(crate) fn complete_in(
    tx: &Transaction<'_>,
    person_id: &str,
    module_id: &str,
    draft: &RecordDraft,
    today: NaiveDate,
) -> Result<TrainingRecord> {
    let (current, module_title) = match records::find(tx, person_id, module_id)? {
        Some(found) => found,
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            let at = timestamp_text(now());
            records::insert(tx, &id, person_id, module_id, &at)?;
            audit::record(
                tx,
                &at,
                EntityKind::TrainingRecord,
                &id,
                AuditAction::Create,
                &[],
            )?;
            records::fetch(tx, &id)?
        }
    };
    write_record(tx, &current, &module_title, draft, today)
}

/// Checks a draft and writes it over `current` (named `label` in a conflict), with its
/// audit entry; a draft that changes nothing writes nothing.
pub(crate) fn write_record(
    tx: &Transaction<'_>,
    current: &TrainingRecord,
    label: &str,
    draft: &RecordDraft,
    today: NaiveDate,
) -> Result<TrainingRecord> {
    let verifier_known = match super::records::verifier(draft) {
        Some(id) => directory::person_is_live(tx, id)?,
        None => true,
    };
    let valid = super::records::validate(draft, verifier_known, today)?;
    let changes = super::records::describe(current, &valid);
    if changes.is_empty() {
        return Ok(current.clone());
    }
    let at = timestamp_text(now());
    records::update(tx, &current.id, current.row_version, &valid, &at, label)?;
    audit::record(
        tx,
        &at,
        EntityKind::TrainingRecord,
        &current.id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    Ok(records::fetch(tx, &current.id)?.0)
}

#[cfg(test)]
mod tests;
