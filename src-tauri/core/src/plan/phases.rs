//! The phases of a rollout's plan, in order. Tasks point at a phase; trashing a phase
//! keeps its tasks (they show without a phase until it is restored). Names are unique
//! among a plan's live phases, ignoring case. The SQL is in `store/phases.rs`.

use super::store::phases as rows;
use super::PlanPhase;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::store::trash;
use crate::store::{Conn, Tx};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// A rollout's phases (not in the trash), in plan order.
    pub fn list_phases(&self, rollout_id: &str) -> Result<Vec<PlanPhase>> {
        self.read(|conn| rows::list_live(conn, rollout_id))
    }

    /// Adds a phase at the end of the plan.
    pub fn create_phase(&self, rollout_id: &str, name: &str) -> Result<PlanPhase> {
        self.write(|tx| insert_phase(tx, rollout_id, name))
    }

    /// Renames a phase; refused if it changed since `expected_row_version`.
    pub fn rename_phase(
        &self,
        id: &str,
        expected_row_version: i64,
        name: &str,
    ) -> Result<PlanPhase> {
        let name = valid_name(name)?;
        self.write(|tx| {
            let current = rows::fetch(tx, id)?;
            // Trashed phases are not shown to rename, and a rename never touched the trash
            // state; only the version stops one.
            check_editable(
                &current.name,
                false,
                current.row_version,
                expected_row_version,
            )?;
            if current.name == name {
                return Ok(current);
            }
            refuse_duplicate(tx, &current.rollout_id, &name)?;
            let at = timestamp_text(now());
            rows::rename(tx, (id, expected_row_version, &current.name), &name, &at)?;
            let mut changes = ChangeSet::default();
            changes.compare("name", current.name.as_str(), name.as_str());
            audit::record(
                tx,
                &at,
                EntityKind::PlanPhase,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            rows::fetch(tx, id)
        })
    }

    pub fn trash_phase(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            rows::fetch(tx, id)?;
            trash::set_trashed(tx, "plan_phases", EntityKind::PlanPhase, id, true).map(drop)
        })
    }

    pub fn restore_phase(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let phase = rows::fetch(tx, id)?;
            refuse_duplicate(tx, &phase.rollout_id, &phase.name)?;
            trash::set_trashed(tx, "plan_phases", EntityKind::PlanPhase, id, false).map(drop)
        })
    }
}

fn valid_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid("name", "Give the phase a name."));
    }
    Ok(name.to_owned())
}

fn refuse_duplicate(conn: &Conn, rollout_id: &str, name: &str) -> Result<()> {
    if rows::find_live(conn, rollout_id, name)?.is_some() {
        return Err(CoreError::invalid(
            "name",
            format!("The plan already has a phase called {name}."),
        ));
    }
    Ok(())
}

/// Validates and appends a phase inside a caller's transaction.
pub(crate) fn insert_phase(tx: &Tx<'_>, rollout_id: &str, name: &str) -> Result<PlanPhase> {
    let name = valid_name(name)?;
    crate::rollouts::require_rollout(tx, rollout_id)?;
    refuse_duplicate(tx, rollout_id, &name)?;
    let at = timestamp_text(now());
    let id = rows::insert(tx, rollout_id, &name, &at)?;
    let mut changes = ChangeSet::default();
    changes.compare("name", "", name.as_str());
    audit::record(
        tx,
        &at,
        EntityKind::PlanPhase,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    rows::fetch(tx, &id)
}

/// The live phase called `name` (ignoring case), added at the end if there is none:
/// imports and templates name phases rather than pick them.
pub(crate) fn find_or_insert_phase(tx: &Tx<'_>, rollout_id: &str, name: &str) -> Result<PlanPhase> {
    match rows::find_live(tx, rollout_id, name)? {
        Some(phase) => Ok(phase),
        None => insert_phase(tx, rollout_id, name),
    }
}
