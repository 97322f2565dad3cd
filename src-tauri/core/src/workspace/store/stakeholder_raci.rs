//! The `stakeholder_raci` table: a stakeholder's RACI rows, in the order given.

use rusqlite::{params, Connection, Transaction};

use crate::store::rows;
use crate::workspace::RaciAssignment;
use crate::Result;

/// A stakeholder's RACI rows, in order.
pub(super) fn of(conn: &Connection, stakeholder_id: &str) -> Result<Vec<RaciAssignment>> {
    let mut statement = conn.prepare_cached(
        "SELECT workstream, role FROM stakeholder_raci WHERE stakeholder_id = ?1 ORDER BY position",
    )?;
    let found = statement.query_map(params![stakeholder_id], |row| {
        let role: String = row.get("role")?;
        Ok(RaciAssignment {
            workstream: row.get("workstream")?,
            role: role.parse().map_err(|_| rows::unreadable("role"))?,
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// Replaces a stakeholder's RACI rows with `raci`, in that order.
pub(super) fn replace(
    tx: &Transaction<'_>,
    stakeholder_id: &str,
    raci: &[RaciAssignment],
) -> Result<()> {
    tx.prepare_cached("DELETE FROM stakeholder_raci WHERE stakeholder_id = ?1")?
        .execute(params![stakeholder_id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO stakeholder_raci (stakeholder_id, workstream, role, position)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, row) in raci.iter().enumerate() {
        insert.execute(params![
            stakeholder_id,
            row.workstream,
            row.role.code(),
            position as i64
        ])?;
    }
    Ok(())
}
