//! The `sop_rollouts` table: which rollouts introduce or change which SOPs, one row per
//! pair with its relation.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::sops::{head_from_row, COLUMNS};
use crate::sops::{LinkedRollout, Sop, SopRelation, SopStatus};
use crate::store::rows;
use crate::Result;

/// Links an SOP to a rollout with `relation`, or changes the relation of their link.
pub(crate) fn upsert(
    tx: &Transaction<'_>,
    sop_id: &str,
    rollout_id: &str,
    relation: SopRelation,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sop_rollouts (sop_id, rollout_id, relation, created_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (sop_id, rollout_id) DO UPDATE SET relation = excluded.relation",
    )?
    .execute(params![sop_id, rollout_id, relation.code(), at])?;
    Ok(())
}

/// Removes the link between an SOP and a rollout.
pub(crate) fn delete(tx: &Transaction<'_>, sop_id: &str, rollout_id: &str) -> Result<()> {
    tx.prepare_cached("DELETE FROM sop_rollouts WHERE sop_id = ?1 AND rollout_id = ?2")?
        .execute(params![sop_id, rollout_id])?;
    Ok(())
}

/// How the rollout touches the SOP, if they are linked.
pub(crate) fn relation(
    conn: &Connection,
    sop_id: &str,
    rollout_id: &str,
) -> Result<Option<SopRelation>> {
    let code: Option<String> = conn
        .prepare_cached("SELECT relation FROM sop_rollouts WHERE sop_id = ?1 AND rollout_id = ?2")?
        .query_row(params![sop_id, rollout_id], |row| row.get(0))
        .optional()?;
    Ok(code.map(relation_from).transpose()?)
}

/// The live SOPs a rollout links to (without steps), each with its relation, by code.
pub(crate) fn linked_sops(conn: &Connection, rollout_id: &str) -> Result<Vec<(SopRelation, Sop)>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, l.relation AS relation
         FROM sops JOIN sop_rollouts l ON l.sop_id = sops.id
         WHERE l.rollout_id = ?1 AND sops.deleted_at IS NULL
         ORDER BY code COLLATE NOCASE"
    ))?;
    let found = statement.query_map(params![rollout_id], |row| {
        Ok((relation_from(row.get("relation")?)?, head_from_row(row)?))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live rollouts an SOP is linked to, soonest go-live first.
pub(crate) fn linked_rollouts(conn: &Connection, sop_id: &str) -> Result<Vec<LinkedRollout>> {
    let mut statement = conn.prepare_cached(
        "SELECT l.relation, r.id, r.name, r.go_live_date
         FROM sop_rollouts l JOIN rollouts r ON r.id = l.rollout_id
         WHERE l.sop_id = ?1 AND r.deleted_at IS NULL
         ORDER BY r.go_live_date IS NULL, r.go_live_date, r.name COLLATE NOCASE",
    )?;
    let found = statement.query_map(params![sop_id], |row| {
        Ok(LinkedRollout {
            relation: relation_from(row.get::<_, String>(0)?)?,
            rollout_id: row.get(1)?,
            rollout_name: row.get(2)?,
            go_live_date: rows::date(row, "go_live_date")?,
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The status of every rollout's SOPs (not in the trash), by rollout id, each list by
/// code as the rollout's SOP list gives it: all Home weighs of them.
pub(crate) fn statuses_by_rollout(conn: &Connection) -> Result<HashMap<String, Vec<SopStatus>>> {
    let mut statement = conn.prepare_cached(
        "SELECT l.rollout_id, sops.status
         FROM sops JOIN sop_rollouts l ON l.sop_id = sops.id
         WHERE sops.deleted_at IS NULL
         ORDER BY l.rollout_id, sops.code COLLATE NOCASE",
    )?;
    let mut by_rollout: HashMap<String, Vec<SopStatus>> = HashMap::new();
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        let status = SopStatus::from_code(rows::text(row, (1, "status"))?)
            .ok_or_else(|| rows::unreadable("status"))?;
        by_rollout.entry(row.get(0)?).or_default().push(status);
    }
    Ok(by_rollout)
}

fn relation_from(code: String) -> rusqlite::Result<SopRelation> {
    code.parse().map_err(|_| rows::unreadable("relation"))
}
