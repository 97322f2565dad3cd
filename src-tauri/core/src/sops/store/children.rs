//! The `sop_steps` and `sop_exceptions` tables: an SOP's ordered steps and exception
//! rules. The whole ordered list is the unit of editing, so they are read whole and
//! replaced whole. A step keeps its own id across those rewrites (`step_id`), and an
//! exception names the step it applies to by that id.

use rusqlite::{params, Connection, Transaction};

use crate::sops::{SopException, Step};
use crate::Result;

/// The SOP's steps and exceptions, each in order.
pub(crate) fn load(conn: &Connection, sop_id: &str) -> Result<(Vec<Step>, Vec<SopException>)> {
    let mut steps = conn.prepare_cached(
        "SELECT step_id, role, instruction, quality_check FROM sop_steps WHERE sop_id = ?1 ORDER BY position",
    )?;
    let steps = steps
        .query_map(params![sop_id], |row| {
            Ok(Step {
                // A step that arrived without an id (an older bundle) gets one on the
                // next save.
                id: row.get::<_, Option<String>>("step_id")?.unwrap_or_default(),
                role: row.get("role")?,
                instruction: row.get("instruction")?,
                quality_check: row.get("quality_check")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut exceptions = conn.prepare_cached(
        "SELECT trigger, action, escalate_to, within, evidence, step_id FROM sop_exceptions WHERE sop_id = ?1 ORDER BY position",
    )?;
    let exceptions = exceptions
        .query_map(params![sop_id], |row| {
            Ok(SopException {
                trigger: row.get("trigger")?,
                action: row.get("action")?,
                escalate_to: row.get("escalate_to")?,
                within: row.get("within")?,
                evidence: row.get("evidence")?,
                step_id: row.get("step_id")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((steps, exceptions))
}

/// Replaces the SOP's steps and exceptions with these, numbered in order. A step's role
/// is stored trimmed; the rest as typed. Every step must already have its id (the
/// caller gives new steps one).
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
        "INSERT INTO sop_steps (sop_id, position, step_id, role, instruction, quality_check)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, s) in steps.iter().enumerate() {
        step.execute(params![
            sop_id,
            position as i64,
            s.id,
            s.role.trim(),
            s.instruction,
            s.quality_check
        ])?;
    }
    let mut exception = tx.prepare_cached(
        "INSERT INTO sop_exceptions (sop_id, position, trigger, action, escalate_to, within, evidence, step_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, e) in exceptions.iter().enumerate() {
        exception.execute(params![
            sop_id,
            position as i64,
            e.trigger,
            e.action,
            e.escalate_to,
            e.within,
            e.evidence,
            e.step_id
        ])?;
    }
    Ok(())
}
