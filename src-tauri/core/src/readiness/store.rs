//! All SQL of readiness: the `readiness_criteria` table, read with each owner's name
//! from the directory. Plain functions over a connection, returning domain values.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row, Transaction};

use super::draft::{describe, validate, ValidCriterion};
use super::{Criterion, CriterionDraft, CriterionStatus, ReadinessCategory};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::people::find_owner_keeping;
use crate::rollouts::require_rollout;
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::Result;

const SELECT: &str = "SELECT c.id, c.rollout_id, c.category, c.title, c.owner_id,
        coalesce(p.name, '') AS owner_name, c.owner_role, c.status, c.evidence,
        c.evidence_link, c.evidence_file, c.hard_gate, c.row_version, c.deleted_at,
        c.created_at
    FROM readiness_criteria c LEFT JOIN people p ON p.id = c.owner_id";

/// The order criteria are listed in: by category, then as added.
const ORDER: &str = "CASE category WHEN 'people' THEN 1 WHEN 'process' THEN 2
    WHEN 'technology' THEN 3 WHEN 'data' THEN 4 ELSE 5 END, created_at, id";
/// [`ORDER`] for the criteria of [`SELECT`], whose table is `c`.
const ORDER_OF_C: &str = "CASE c.category WHEN 'people' THEN 1 WHEN 'process' THEN 2
    WHEN 'technology' THEN 3 WHEN 'data' THEN 4 ELSE 5 END, c.created_at, c.id";

/// A rollout's criteria (not in the trash), by category then in the order added.
pub(crate) fn list(conn: &Connection, rollout_id: &str) -> Result<Vec<Criterion>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.rollout_id = ?1 AND c.deleted_at IS NULL ORDER BY {ORDER_OF_C}"
    ))?;
    let found = statement.query_map(params![rollout_id], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A rollout's criteria, those in the trash too, each with when it was created (UTC
/// ISO-8601) and whether it is in the trash now: what an earlier day's readiness is
/// rebuilt from.
pub(super) fn list_with_trashed(
    conn: &Connection,
    rollout_id: &str,
) -> Result<Vec<(Criterion, String, bool)>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.rollout_id = ?1 ORDER BY {ORDER_OF_C}"
    ))?;
    let found = statement.query_map(params![rollout_id], |row| {
        Ok((
            from_row(row)?,
            rows::text(row, "created_at")?.to_owned(),
            row.get::<_, Option<String>>("deleted_at")?.is_some(),
        ))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A criterion, live or in the trash, and whether it is in the trash.
pub(super) fn fetch(conn: &Connection, id: &str) -> Result<(Criterion, bool)> {
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

/// Inserts a checked criterion as `id` of a rollout, created at `at`.
pub(super) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    rollout_id: &str,
    valid: &ValidCriterion,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO readiness_criteria (id, rollout_id, category, title, owner_id, owner_role,
             status, evidence, evidence_link, evidence_file, hard_gate, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        id,
        rollout_id,
        valid.category.code(),
        valid.title,
        valid.owner_id,
        valid.owner_role,
        valid.status.code(),
        valid.evidence,
        valid.evidence_link,
        valid.evidence_file,
        valid.hard_gate,
        at
    ])?;
    Ok(())
}

/// Checks a draft and creates it as a criterion of a rollout, with its audit entry,
/// inside a caller's transaction (templates and the sample clinic add many in one).
pub(crate) fn insert_criterion(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &CriterionDraft,
) -> Result<Criterion> {
    require_rollout(tx, rollout_id)?;
    let valid = validate(draft, find_owner_keeping(tx, &draft.owner, None)?)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    insert(tx, &id, rollout_id, &valid, &at)?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, &valid);
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

/// Writes a checked criterion over `id` as edited at `expected_row_version`; a row
/// that has moved past that version is left alone and the edit refused as a conflict
/// naming `label`.
pub(super) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    valid: &ValidCriterion,
    at: &str,
    label: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE readiness_criteria SET category = ?1, title = ?2, owner_id = ?3,
                 owner_role = ?4, status = ?5, evidence = ?6, evidence_link = ?7,
                 evidence_file = ?8, hard_gate = ?9, updated_at = ?10,
                 row_version = row_version + 1
             WHERE id = ?11 AND row_version = ?12",
        )?
        .execute(params![
            valid.category.code(),
            valid.title,
            valid.owner_id,
            valid.owner_role,
            valid.status.code(),
            valid.evidence,
            valid.evidence_link,
            valid.evidence_file,
            valid.hard_gate,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

/// Moves a criterion to the trash (`true`) or back, with its audit entry.
pub(super) fn set_trashed(tx: &Transaction<'_>, id: &str, trashed: bool) -> Result<()> {
    trash_or_restore(
        tx,
        "readiness_criteria",
        EntityKind::ReadinessCriterion,
        "Readiness criterion",
        id,
        trashed,
    )
}

/// The status and hard gate of every rollout's criteria (not in the trash), by rollout
/// id, each list in the order [`list`] gives: all Home weighs of them.
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
        let status = CriterionStatus::from_code(rows::text(row, (1, "status"))?)
            .ok_or_else(|| rows::unreadable("status"))?;
        by_rollout
            .entry(row.get(0)?)
            .or_default()
            .push((status, row.get(2)?));
    }
    Ok(by_rollout)
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
