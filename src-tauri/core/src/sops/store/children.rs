//! The `sop_steps` and `sop_exceptions` tables: an SOP's ordered steps and exception
//! rules. The whole ordered list is the unit of editing, so they are read whole and
//! replaced whole.

use rusqlite::{params, Connection, Transaction};

use crate::sops::{SopException, Step};
use crate::Result;

/// The SOP's steps and exceptions, each in order.
pub(crate) fn load(conn: &Connection, sop_id: &str) -> Result<(Vec<Step>, Vec<SopException>)> {
    let mut steps = conn.prepare_cached(
        "SELECT role, instruction, quality_check FROM sop_steps WHERE sop_id = ?1 ORDER BY position",
    )?;
    let steps = steps
        .query_map(params![sop_id], |row| {
            Ok(Step {
                role: row.get(0)?,
                instruction: row.get(1)?,
                quality_check: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut exceptions = conn.prepare_cached(
        "SELECT trigger, action, escalate_to, within, evidence FROM sop_exceptions WHERE sop_id = ?1 ORDER BY position",
    )?;
    let exceptions = exceptions
        .query_map(params![sop_id], |row| {
            Ok(SopException {
                trigger: row.get(0)?,
                action: row.get(1)?,
                escalate_to: row.get(2)?,
                within: row.get(3)?,
                evidence: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((steps, exceptions))
}

/// Replaces the SOP's steps and exceptions with these, numbered in order. A step's role
/// is stored trimmed; the rest as typed.
pub(crate) fn replace(
    tx: &Transaction<'_>,
    sop_id: &str,
    steps: &[Step],
    exceptions: &[SopException],
) -> Result<()> {
    tx.execute("DELETE FROM sop_steps WHERE sop_id = ?1", params![sop_id])?;
    tx.execute(
        "DELETE FROM sop_exceptions WHERE sop_id = ?1",
        params![sop_id],
    )?;
    let mut step = tx.prepare_cached(
        "INSERT INTO sop_steps (sop_id, position, role, instruction, quality_check) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, s) in steps.iter().enumerate() {
        step.execute(params![
            sop_id,
            position as i64,
            s.role.trim(),
            s.instruction,
            s.quality_check
        ])?;
    }
    let mut exception = tx.prepare_cached(
        "INSERT INTO sop_exceptions (sop_id, position, trigger, action, escalate_to, within, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, e) in exceptions.iter().enumerate() {
        exception.execute(params![
            sop_id,
            position as i64,
            e.trigger,
            e.action,
            e.escalate_to,
            e.within,
            e.evidence
        ])?;
    }
    Ok(())
}
