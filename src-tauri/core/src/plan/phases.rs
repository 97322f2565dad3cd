//! The phases of a rollout's plan, in order. Tasks point at a phase; trashing a phase
//! keeps its tasks (they show without a phase until it is restored).

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::PlanPhase;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::{rows, trash};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

const COLUMNS: &str = "id, rollout_id, name, position, row_version";

impl Store {
    /// A rollout's phases (not in the trash), in plan order.
    pub fn list_phases(&self, rollout_id: &str) -> Result<Vec<PlanPhase>> {
        self.read(|conn| list_live_phases(conn, rollout_id))
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
            let current = fetch(tx, id)?;
            if current.row_version != expected_row_version {
                return Err(CoreError::Conflict(format!(
                    "The phase '{}' was changed elsewhere; reload to see the latest.",
                    current.name
                )));
            }
            if current.name == name {
                return Ok(current);
            }
            refuse_duplicate(tx, &current.rollout_id, &name)?;
            let at = timestamp_text(now());
            tx.execute(
                "UPDATE plan_phases SET name = ?1, updated_at = ?2, row_version = row_version + 1
                 WHERE id = ?3",
                params![name, at, id],
            )?;
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
            fetch(tx, id)
        })
    }

    pub fn trash_phase(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            fetch(tx, id)?;
            trash::set_trashed(tx, "plan_phases", EntityKind::PlanPhase, id, true).map(drop)
        })
    }

    pub fn restore_phase(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let phase = fetch(tx, id)?;
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

fn refuse_duplicate(conn: &Connection, rollout_id: &str, name: &str) -> Result<()> {
    if find_live(conn, rollout_id, name)?.is_some() {
        return Err(CoreError::invalid(
            "name",
            format!("The plan already has a phase called {name}."),
        ));
    }
    Ok(())
}

fn find_live(conn: &Connection, rollout_id: &str, name: &str) -> Result<Option<PlanPhase>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM plan_phases
             WHERE rollout_id = ?1 AND name = ?2 COLLATE NOCASE AND deleted_at IS NULL"
        ))?
        .query_row(params![rollout_id, name.trim()], from_row)
        .optional()?)
}

/// Validates and appends a phase inside a caller's transaction.
pub(crate) fn insert_phase(
    tx: &Transaction<'_>,
    rollout_id: &str,
    name: &str,
) -> Result<PlanPhase> {
    let name = valid_name(name)?;
    crate::rollouts::require_rollout(tx, rollout_id)?;
    refuse_duplicate(tx, rollout_id, &name)?;
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM plan_phases WHERE rollout_id = ?1",
        params![rollout_id],
        |row| row.get(0),
    )?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO plan_phases (id, rollout_id, name, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, rollout_id, name, position, at],
    )?;
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
    fetch(tx, &id)
}

/// A rollout's phases (not in the trash), in plan order.
pub(crate) fn list_live_phases(conn: &Connection, rollout_id: &str) -> Result<Vec<PlanPhase>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM plan_phases
         WHERE rollout_id = ?1 AND deleted_at IS NULL ORDER BY position, id"
    ))?;
    let found = statement.query_map(params![rollout_id], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live phase called `name` (ignoring case), added at the end if there is none:
/// imports and templates name phases rather than pick them.
pub(crate) fn find_or_insert_phase(
    tx: &Transaction<'_>,
    rollout_id: &str,
    name: &str,
) -> Result<PlanPhase> {
    match find_live(tx, rollout_id, name)? {
        Some(phase) => Ok(phase),
        None => insert_phase(tx, rollout_id, name),
    }
}

fn fetch(conn: &Connection, id: &str) -> Result<PlanPhase> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM plan_phases WHERE id = ?1"),
        id,
        "Phase",
        from_row,
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<PlanPhase> {
    Ok(PlanPhase {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        name: row.get("name")?,
        position: row.get("position")?,
        row_version: row.get("row_version")?,
    })
}
