//! Merging two roles into one — the clean-up after a roster brought in "Medical
//! Assistant II" beside "Medical assistant (MA)": everyone and every training requirement
//! of the merged role moves to the role kept, each move recorded in the history, and the
//! merged role leaves the list. Training records belong to people, not roles, so what
//! anyone has completed stays true; a requirement the kept role already has for the same
//! rollout and module is removed (the kept role's due date stands), and anyone who now
//! lacks a record of the kept role's training is assigned it.

use serde::Serialize;
use ts_rs::TS;

use super::store::{role_merge, roles as role_rows, roster_memory};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::Tx;
use crate::time::{now, timestamp_text};
use crate::training::assign_missing_records;
use crate::{CoreError, Result, Store};

/// What a role merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoleMergeReport {
    pub kept_role: String,
    pub merged_role: String,
    /// People moved to the role kept (active, inactive and in the trash).
    pub people_moved: usize,
    /// Live training requirements moved to the role kept.
    pub requirements_moved: usize,
    /// Live requirements removed because the role kept already had them.
    pub requirements_already_held: usize,
}

impl Store {
    /// Merges the role `merged_id` into `kept_id`: its people, training requirements and
    /// remembered roster titles move to the role kept, and it leaves the list.
    pub fn merge_roles(&self, merged_id: &str, kept_id: &str) -> Result<RoleMergeReport> {
        self.write(|tx| merge(tx, merged_id, kept_id))
    }
}

fn merge(tx: &Tx<'_>, merged_id: &str, kept_id: &str) -> Result<RoleMergeReport> {
    if merged_id == kept_id {
        return Err(CoreError::invalid(
            "kept_role",
            "Choose another role to merge it into.",
        ));
    }
    let name = |id: &str| -> Result<String> {
        role_rows::name_of(tx, id)?.ok_or_else(|| CoreError::NotFound {
            entity: "Role",
            id: id.to_owned(),
        })
    };
    let merged_role = name(merged_id)?;
    let kept_role = name(kept_id)?;
    let at = timestamp_text(now());
    let moved_role = || {
        let mut changes = ChangeSet::default();
        changes.compare("role", merged_role.as_str(), kept_role.as_str());
        changes.into_changes()
    };

    let duplicates = role_merge::duplicate_requirements(tx, merged_id, kept_id)?;
    for id in &duplicates {
        crate::training::set_requirement_trashed(tx, id, true)?;
    }
    let requirements = role_merge::move_requirements(tx, merged_id, kept_id, &at)?;
    for id in &requirements {
        audit::record(
            tx,
            &at,
            EntityKind::TrainingRequirement,
            id,
            AuditAction::Update,
            &moved_role(),
        )?;
    }
    let people = role_merge::move_people(tx, merged_id, kept_id, &at)?;
    for id in &people {
        audit::record(
            tx,
            &at,
            EntityKind::Person,
            id,
            AuditAction::Update,
            &moved_role(),
        )?;
    }
    roster_memory::move_titles(tx, merged_id, kept_id)?;
    role_merge::delete_role(tx, merged_id)?;
    let mut changes = ChangeSet::default();
    changes.compare("merged_into", "", kept_role.as_str());
    audit::record(
        tx,
        &at,
        EntityKind::Role,
        merged_id,
        AuditAction::Purge,
        &changes.into_changes(),
    )?;
    assign_missing_records(tx)?;
    Ok(RoleMergeReport {
        kept_role,
        merged_role,
        people_moved: people.len(),
        requirements_moved: requirements.len(),
        requirements_already_held: duplicates.len(),
    })
}
