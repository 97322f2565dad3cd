//! The `plan_phases` table: the stages of a rollout's plan, in order. Renaming names the
//! version it edits, so a stale rename is refused by the database itself.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::Version;
use crate::plan::PlanPhase;
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::Result;

const COLUMNS: &str = "id, rollout_id, name, position, row_version";

/// One phase, live or in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<PlanPhase> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM plan_phases WHERE id = ?1"),
        id,
        "Phase",
        from_row,
    )
}

/// A rollout's phases (not in the trash), in plan order.
pub(crate) fn list_live(conn: &Connection, rollout_id: &str) -> Result<Vec<PlanPhase>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM plan_phases
         WHERE rollout_id = ?1 AND deleted_at IS NULL ORDER BY position, id"
    ))?;
    let found = statement.query_map(params![rollout_id], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live phase of the rollout called `name`, ignoring case.
pub(crate) fn find_live(
    conn: &Connection,
    rollout_id: &str,
    name: &str,
) -> Result<Option<PlanPhase>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM plan_phases
             WHERE rollout_id = ?1 AND name = ?2 COLLATE NOCASE AND deleted_at IS NULL"
        ))?
        .query_row(params![rollout_id, name.trim()], from_row)
        .optional()?)
}

/// Whether `phase_id` is a phase (not in the trash) of the rollout's plan.
pub(crate) fn is_live(conn: &Connection, phase_id: &str, rollout_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM plan_phases
             WHERE id = ?1 AND rollout_id = ?2 AND deleted_at IS NULL)",
        )?
        .query_row(params![phase_id, rollout_id], |row| row.get(0))?)
}

/// A phase's name, live or in the trash.
pub(crate) fn name_of(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM plan_phases WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))?)
}

/// Inserts a phase (already checked) at the end of the rollout's plan; returns its id.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    rollout_id: &str,
    name: &str,
    at: &str,
) -> Result<String> {
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM plan_phases WHERE rollout_id = ?1",
        params![rollout_id],
        |row| row.get(0),
    )?;
    let id = uuid::Uuid::now_v7().to_string();
    tx.execute(
        "INSERT INTO plan_phases (id, rollout_id, name, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, rollout_id, name, position, at],
    )?;
    Ok(id)
}

/// Renames the phase at `version`; any other version is a conflict.
pub(crate) fn rename(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    name: &str,
    at: &str,
) -> Result<()> {
    let affected = tx.execute(
        "UPDATE plan_phases SET name = ?1, updated_at = ?2, row_version = row_version + 1
         WHERE id = ?3 AND row_version = ?4",
        params![name, at, id, row_version],
    )?;
    one_row_updated(affected, label)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollouts::RolloutDraft;
    use crate::Store;

    #[test]
    fn a_rename_at_a_stale_version_is_refused_by_the_sql_and_changes_nothing() {
        let store = Store::open_in_memory().expect("store");
        let rollout = store
            .create_rollout(&RolloutDraft {
                name: "EHR go-live".into(),
                ..RolloutDraft::default()
            })
            .expect("rollout");
        let before = store.create_phase(&rollout.id, "Build").expect("phase");
        let stale = (before.id.as_str(), before.row_version + 1, "Build");
        let error = store
            .write(|tx| rename(tx, stale, "Cutover", "2027-01-01T00:00:00Z"))
            .expect_err("a stale version");
        assert_eq!(error.code(), "conflict", "a stale version is a conflict");
        assert_eq!(
            fetch_phase(&store, &before.id),
            before,
            "a refused rename leaves the phase as it was"
        );
    }

    fn fetch_phase(store: &Store, id: &str) -> PlanPhase {
        store.read(|conn| fetch(conn, id)).expect("phase")
    }
}
