//! Storing a rollout's readiness criteria.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row, Transaction};

use super::{Criterion, CriterionDraft, CriterionStatus, ReadinessCategory};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::{rows, trash};
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

const COLUMNS: &str =
    "id, rollout_id, category, title, owner, status, evidence, hard_gate, row_version";

/// The order criteria are listed in: by category, then as added.
const ORDER: &str = "CASE category WHEN 'people' THEN 1 WHEN 'process' THEN 2
    WHEN 'technology' THEN 3 WHEN 'data' THEN 4 ELSE 5 END, created_at, id";

impl Store {
    /// A rollout's criteria (not in the trash), by category then in the order added.
    pub fn list_criteria(&self, rollout_id: &str) -> Result<Vec<Criterion>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM readiness_criteria
                 WHERE rollout_id = ?1 AND deleted_at IS NULL
                 ORDER BY {ORDER}"
            ))?;
            let found = statement.query_map(params![rollout_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn create_criterion(&self, rollout_id: &str, draft: &CriterionDraft) -> Result<Criterion> {
        self.write(|tx| insert_criterion(tx, rollout_id, draft))
    }

    /// Edits a criterion; refused if it changed since `expected_row_version`.
    pub fn update_criterion(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &CriterionDraft,
    ) -> Result<Criterion> {
        validate(draft)?;
        self.write(|tx| {
            let current = fetch(tx, id)?;
            if current.row_version != expected_row_version {
                return Err(CoreError::Conflict(format!(
                    "'{}' was changed elsewhere; reload to see the latest.",
                    current.title
                )));
            }
            let mut changes = ChangeSet::default();
            let flag = |on: bool| if on { "yes" } else { "no" };
            changes.compare("category", current.category.code(), draft.category.code());
            changes.compare("title", current.title.as_str(), draft.title.trim());
            changes.compare("owner", current.owner.as_str(), draft.owner.trim());
            changes.compare("status", current.status.code(), draft.status.code());
            changes.compare(
                "evidence",
                current.evidence.as_str(),
                draft.evidence.as_str(),
            );
            changes.compare("hard_gate", flag(current.hard_gate), flag(draft.hard_gate));
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            tx.execute(
                "UPDATE readiness_criteria SET category = ?1, title = ?2, owner = ?3, status = ?4,
                     evidence = ?5, hard_gate = ?6, updated_at = ?7, row_version = row_version + 1
                 WHERE id = ?8",
                params![
                    draft.category.code(),
                    draft.title.trim(),
                    draft.owner.trim(),
                    draft.status.code(),
                    draft.evidence,
                    draft.hard_gate,
                    at,
                    id
                ],
            )?;
            audit::record(
                tx,
                &at,
                EntityKind::ReadinessCriterion,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            fetch(tx, id)
        })
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

fn validate(draft: &CriterionDraft) -> Result<()> {
    if draft.title.trim().is_empty() {
        return Err(CoreError::Validation(vec![FieldError::new(
            "title",
            "Say what must be true before go-live.",
        )]));
    }
    Ok(())
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
    validate(draft)?;
    let rollout_exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM rollouts WHERE id = ?1)",
        params![rollout_id],
        |row| row.get(0),
    )?;
    if !rollout_exists {
        return Err(CoreError::NotFound {
            entity: "Rollout",
            id: rollout_id.to_owned(),
        });
    }
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO readiness_criteria (id, rollout_id, category, title, owner, status, evidence,
             hard_gate, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            rollout_id,
            draft.category.code(),
            draft.title.trim(),
            draft.owner.trim(),
            draft.status.code(),
            draft.evidence,
            draft.hard_gate,
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    changes.compare("title", "", draft.title.trim());
    changes.compare("status", "", draft.status.code());
    audit::record(
        tx,
        &at,
        EntityKind::ReadinessCriterion,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    fetch(tx, &id)
}

fn fetch(conn: &Connection, id: &str) -> Result<Criterion> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM readiness_criteria WHERE id = ?1"),
        id,
        "Readiness criterion",
        from_row,
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
        owner: row.get("owner")?,
        status: status
            .parse::<CriterionStatus>()
            .map_err(|_| rows::unreadable("status"))?,
        evidence: row.get("evidence")?,
        hard_gate: row.get("hard_gate")?,
        row_version: row.get("row_version")?,
    })
}
