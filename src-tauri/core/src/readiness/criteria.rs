//! Storing a rollout's readiness criteria.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row, Transaction};

use super::draft::{describe, validate};
use super::{Criterion, CriterionDraft, CriterionStatus, ReadinessCategory};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind};
use crate::rollouts::require_rollout;
use crate::store::editable::{check_editable, one_row_updated};
use crate::store::{rows, trash};
use crate::time::{now, timestamp_text};
use crate::{Result, Store};

const SELECT: &str = "SELECT c.id, c.rollout_id, c.category, c.title, c.owner_id,
        coalesce(p.name, '') AS owner_name, c.owner_role, c.status, c.evidence,
        c.evidence_link, c.evidence_file, c.hard_gate, c.row_version, c.deleted_at
    FROM readiness_criteria c LEFT JOIN people p ON p.id = c.owner_id";

/// The order criteria are listed in: by category, then as added.
const ORDER: &str = "CASE category WHEN 'people' THEN 1 WHEN 'process' THEN 2
    WHEN 'technology' THEN 3 WHEN 'data' THEN 4 ELSE 5 END, created_at, id";
/// [`ORDER`] for the criteria of [`SELECT`], whose table is `c`.
const ORDER_OF_C: &str = "CASE c.category WHEN 'people' THEN 1 WHEN 'process' THEN 2
    WHEN 'technology' THEN 3 WHEN 'data' THEN 4 ELSE 5 END, c.created_at, c.id";

impl Store {
    /// A rollout's criteria (not in the trash), by category then in the order added.
    pub fn list_criteria(&self, rollout_id: &str) -> Result<Vec<Criterion>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE c.rollout_id = ?1 AND c.deleted_at IS NULL ORDER BY {}",
                ORDER_OF_C
            ))?;
            let found = statement.query_map(params![rollout_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn create_criterion(&self, rollout_id: &str, draft: &CriterionDraft) -> Result<Criterion> {
        self.write(|tx| insert_criterion(tx, rollout_id, draft))
    }

    /// Edits a criterion; refused if it is in the trash or changed since
    /// `expected_row_version`.
    pub fn update_criterion(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &CriterionDraft,
    ) -> Result<Criterion> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            check_editable(
                &current.title,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let owner_id = validate(tx, draft)?;
            let mut changes = ChangeSet::default();
            describe(tx, &mut changes, Some(&current), draft, owner_id.as_deref())?;
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let written = tx.execute(
                "UPDATE readiness_criteria SET category = ?1, title = ?2, owner_id = ?3,
                     owner_role = ?4, status = ?5, evidence = ?6, evidence_link = ?7,
                     evidence_file = ?8, hard_gate = ?9, updated_at = ?10,
                     row_version = row_version + 1
                 WHERE id = ?11 AND row_version = ?12",
                params![
                    draft.category.code(),
                    draft.title.trim(),
                    owner_id,
                    draft.owner_role.trim(),
                    draft.status.code(),
                    draft.evidence.trim(),
                    draft.evidence_link.trim(),
                    draft.evidence_file.trim(),
                    draft.hard_gate,
                    at,
                    id,
                    expected_row_version
                ],
            )?;
            one_row_updated(written, &current.title)?;
            audit::record(
                tx,
                &at,
                EntityKind::ReadinessCriterion,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    /// A criterion's history, newest first.
    pub fn criterion_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::ReadinessCriterion, id)
    }

    /// Moves a criterion to the trash (it no longer counts towards the verdict).
    pub fn trash_criterion(&self, id: &str) -> Result<()> {
        self.set_criterion_trashed(id, true)
    }

    pub fn restore_criterion(&self, id: &str) -> Result<()> {
        self.set_criterion_trashed(id, false)
    }

    fn set_criterion_trashed(&self, id: &str, trashed: bool) -> Result<()> {
        self.write(|tx| {
            fetch(tx, id)?;
            trash::set_trashed(
                tx,
                "readiness_criteria",
                EntityKind::ReadinessCriterion,
                id,
                trashed,
            )?;
            Ok(())
        })
    }
}

/// The status and hard gate of every rollout's criteria (not in the trash), by rollout
/// id, each list in the order [`Store::list_criteria`] gives: all Home weighs of them.
pub(crate) fn criterion_states_by_rollout(
    conn: &Connection,
) -> Result<HashMap<String, Vec<(CriterionStatus, bool)>>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT rollout_id, status, hard_gate FROM readiness_criteria WHERE deleted_at IS NULL
         ORDER BY rollout_id, {ORDER}"
    ))?;
    let mut by_rollout: HashMap<String, Vec<(CriterionStatus, bool)>> = HashMap::new();
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        let status = CriterionStatus::from_code(rows::text_at(row, 1)?)
            .ok_or_else(|| rows::unreadable("status"))?;
        by_rollout
            .entry(row.get(0)?)
            .or_default()
            .push((status, row.get(2)?));
    }
    Ok(by_rollout)
}

/// Validates and inserts a criterion inside a caller's transaction.
pub(crate) fn insert_criterion(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &CriterionDraft,
) -> Result<Criterion> {
    require_rollout(tx, rollout_id)?;
    let owner_id = validate(tx, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO readiness_criteria (id, rollout_id, category, title, owner_id, owner_role,
             status, evidence, evidence_link, evidence_file, hard_gate, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            id,
            rollout_id,
            draft.category.code(),
            draft.title.trim(),
            owner_id,
            draft.owner_role.trim(),
            draft.status.code(),
            draft.evidence.trim(),
            draft.evidence_link.trim(),
            draft.evidence_file.trim(),
            draft.hard_gate,
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(tx, &mut changes, None, draft, owner_id.as_deref())?;
    audit::record(
        tx,
        &at,
        EntityKind::ReadinessCriterion,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

/// A criterion and whether it is in the trash.
fn fetch(conn: &Connection, id: &str) -> Result<(Criterion, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE c.id = ?1"),
        id,
        "Readiness criterion",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Criterion> {
    let category: String = row.get("category")?;
    let status: String = row.get("status")?;
    Ok(Criterion {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        category: category
            .parse::<ReadinessCategory>()
            .map_err(|_| rows::unreadable("category"))?,
        title: row.get("title")?,
        owner_id: row.get("owner_id")?,
        owner_name: row.get("owner_name")?,
        owner_role: row.get("owner_role")?,
        status: status
            .parse::<CriterionStatus>()
            .map_err(|_| rows::unreadable("status"))?,
        evidence: row.get("evidence")?,
        evidence_link: row.get("evidence_link")?,
        evidence_file: row.get("evidence_file")?,
        hard_gate: row.get("hard_gate")?,
        row_version: row.get("row_version")?,
    })
}
