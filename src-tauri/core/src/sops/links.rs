//! Which rollouts introduce or change which SOPs. A rollout lists its SOPs with their
//! status, and an SOP not yet approved is a readiness warning for its rollout.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{fetch, head_from_row, summary, SopSummary, COLUMNS};
use super::SopStatus;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::rows;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

/// How a rollout touches an SOP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SopRelation {
    /// The rollout brings in a procedure the clinic did not have.
    #[default]
    Introduces,
    /// The rollout changes an existing procedure.
    Changes,
}

coded_enum!(SopRelation, "relation", "relation", {
    Introduces => "introduces", "Introduces";
    Changes => "changes", "Changes";
});

/// An SOP as its rollout lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinkedSop {
    pub relation: SopRelation,
    pub sop: SopSummary,
}

/// A rollout as an SOP lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinkedRollout {
    pub relation: SopRelation,
    pub rollout_id: String,
    pub rollout_name: String,
    pub go_live_date: Option<NaiveDate>,
}

impl Store {
    /// Links an SOP to a rollout (or changes how they are linked).
    pub fn link_sop_to_rollout(
        &self,
        sop_id: &str,
        rollout_id: &str,
        relation: SopRelation,
    ) -> Result<()> {
        self.write(|tx| {
            let sop = fetch(tx, sop_id)?;
            let rollout = live_rollout_name(tx, rollout_id)?;
            let previous = current_relation(tx, sop_id, rollout_id)?;
            if previous == Some(relation) {
                return Ok(());
            }
            insert_link(tx, &sop.id, rollout_id, relation)?;
            let describe = |r: SopRelation| format!("{rollout} ({})", r.label().to_lowercase());
            record_link_change(
                tx,
                sop_id,
                previous.map(describe).unwrap_or_default(),
                describe(relation),
            )
        })
    }

    /// Removes the link between an SOP and a rollout; neither is otherwise touched.
    pub fn unlink_sop_from_rollout(&self, sop_id: &str, rollout_id: &str) -> Result<()> {
        self.write(|tx| {
            fetch(tx, sop_id)?;
            let Some(previous) = current_relation(tx, sop_id, rollout_id)? else {
                return Ok(());
            };
            let rollout: String = tx.query_row(
                "SELECT name FROM rollouts WHERE id = ?1",
                params![rollout_id],
                |row| row.get(0),
            )?;
            tx.execute(
                "DELETE FROM sop_rollouts WHERE sop_id = ?1 AND rollout_id = ?2",
                params![sop_id, rollout_id],
            )?;
            record_link_change(
                tx,
                sop_id,
                format!("{rollout} ({})", previous.label().to_lowercase()),
                String::new(),
            )
        })
    }

    /// The SOPs a rollout introduces or changes (not those in the trash), by code.
    pub fn sops_for_rollout(&self, rollout_id: &str) -> Result<Vec<LinkedSop>> {
        self.read(|conn| linked_sops(conn, rollout_id))
    }

    /// The rollouts (not in the trash) that introduce or change an SOP, soonest go-live
    /// first.
    pub fn rollouts_for_sop(&self, sop_id: &str) -> Result<Vec<LinkedRollout>> {
        self.read(|conn| {
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
        })
    }
}

/// Links (or relinks) an SOP to a rollout inside a caller's transaction.
pub(crate) fn insert_link(
    tx: &Transaction<'_>,
    sop_id: &str,
    rollout_id: &str,
    relation: SopRelation,
) -> Result<()> {
    tx.execute(
        "INSERT INTO sop_rollouts (sop_id, rollout_id, relation, created_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (sop_id, rollout_id) DO UPDATE SET relation = excluded.relation",
        params![sop_id, rollout_id, relation.code(), timestamp_text(now())],
    )?;
    Ok(())
}

fn linked_sops(conn: &Connection, rollout_id: &str) -> Result<Vec<LinkedSop>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, l.relation AS relation
         FROM sops JOIN sop_rollouts l ON l.sop_id = sops.id
         WHERE l.rollout_id = ?1 AND sops.deleted_at IS NULL
         ORDER BY code COLLATE NOCASE"
    ))?;
    let found = statement.query_map(params![rollout_id], |row| {
        Ok(LinkedSop {
            relation: relation_from(row.get("relation")?)?,
            sop: summary(&head_from_row(row)?),
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The status of every rollout's SOPs (not in the trash), by rollout id, each list by
/// code as [`Store::sops_for_rollout`] gives it: all Home weighs of them.
pub(crate) fn sop_statuses_by_rollout(
    conn: &Connection,
) -> Result<HashMap<String, Vec<SopStatus>>> {
    let mut statement = conn.prepare_cached(
        "SELECT l.rollout_id, sops.status
         FROM sops JOIN sop_rollouts l ON l.sop_id = sops.id
         WHERE sops.deleted_at IS NULL
         ORDER BY l.rollout_id, sops.code COLLATE NOCASE",
    )?;
    let mut by_rollout: HashMap<String, Vec<SopStatus>> = HashMap::new();
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        let status = SopStatus::from_code(rows::text_at(row, 1)?)
            .ok_or_else(|| rows::unreadable("status"))?;
        by_rollout.entry(row.get(0)?).or_default().push(status);
    }
    Ok(by_rollout)
}

fn relation_from(code: String) -> rusqlite::Result<SopRelation> {
    code.parse().map_err(|_| rows::unreadable("relation"))
}

fn live_rollout_name(conn: &Connection, rollout_id: &str) -> Result<String> {
    let found: Option<(String, bool)> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT name, deleted_at IS NOT NULL FROM rollouts WHERE id = ?1",
        params![rollout_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    ))?;
    match found {
        Some((name, false)) => Ok(name),
        Some((name, true)) => Err(CoreError::Conflict(format!(
            "'{name}' is in the trash: restore it before linking SOPs to it."
        ))),
        None => Err(CoreError::NotFound {
            entity: "rollout",
            id: rollout_id.to_owned(),
        }),
    }
}

fn current_relation(
    conn: &Connection,
    sop_id: &str,
    rollout_id: &str,
) -> Result<Option<SopRelation>> {
    let code: Option<String> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT relation FROM sop_rollouts WHERE sop_id = ?1 AND rollout_id = ?2",
        params![sop_id, rollout_id],
        |row| row.get(0),
    ))?;
    Ok(code.map(relation_from).transpose()?)
}

fn record_link_change(tx: &Transaction<'_>, sop_id: &str, old: String, new: String) -> Result<()> {
    let mut changes = ChangeSet::default();
    changes.compare("rollout", old, new);
    audit::record(
        tx,
        &timestamp_text(now()),
        EntityKind::Sop,
        sop_id,
        AuditAction::Update,
        &changes.into_changes(),
    )
}
