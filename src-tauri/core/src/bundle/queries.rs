//! The bundle's SQL beyond the generic record bridge (`record.rs`, `records.rs`): which
//! rows an export takes, the directory lookups that match people and roles, the
//! existence checks behind every reference, and the two relations without ids of their
//! own (task dependencies and SOP links).
//!
//! A bundle reads and writes raw rows of many aggregates by nature — its format is the
//! tables' own columns — so rather than reaching into each aggregate's store it keeps
//! all of its SQL in these three files, beside each other, and nowhere else in
//! `bundle/`.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::format::BundleDependency;
use crate::plan::LinkType;
use crate::{CoreError, Result};

/// The live row with the id `?1` (the rollout an export starts from).
pub(super) const LIVE_BY_ID: &str = "id = ?1 AND deleted_at IS NULL";
/// Live rows of the rollout `?1`.
pub(super) const LIVE_IN_ROLLOUT: &str = "rollout_id = ?1 AND deleted_at IS NULL";
/// Rows of a table without a trash (weekly statuses): all of the rollout's.
pub(super) const ALL_IN_ROLLOUT: &str = "rollout_id = ?1";
/// Live thresholds or measurements of the rollout's live metrics.
pub(super) const IN_LIVE_METRICS: &str = "metric_id IN (SELECT id FROM metrics
    WHERE rollout_id = ?1 AND deleted_at IS NULL) AND deleted_at IS NULL";
/// Live improvement cycles of the rollout on its live metrics.
pub(super) const LIVE_CYCLES: &str = "rollout_id = ?1 AND deleted_at IS NULL AND metric_id IN
    (SELECT id FROM metrics WHERE rollout_id = ?1 AND deleted_at IS NULL)";
/// The modules the rollout's live requirements name. A requirement keeps its module even
/// if the module went to the trash, so the module travels with it rather than leaving
/// the requirement pointing nowhere.
pub(super) const REQUIRED_MODULES: &str = "id IN (SELECT module_id FROM training_requirements
    WHERE rollout_id = ?1 AND deleted_at IS NULL)";
/// The live SOPs linked to the rollout.
pub(super) const LINKED_SOPS: &str =
    "id IN (SELECT sop_id FROM sop_rollouts WHERE rollout_id = ?1) AND deleted_at IS NULL";
/// Every revision of the live SOPs linked to the rollout.
pub(super) const LINKED_REVISIONS: &str = "sop_id IN (SELECT s.id FROM sops s JOIN sop_rollouts l
    ON l.sop_id = s.id WHERE l.rollout_id = ?1 AND s.deleted_at IS NULL)";
/// Every trainee (the `trainees` view) in a role the rollout requires training of.
pub(super) const TRAINEES: &str = "id IN (SELECT id FROM trainees WHERE role_id IN (SELECT role_id
    FROM training_requirements WHERE rollout_id = ?1 AND deleted_at IS NULL))";
/// Training records of the modules the rollout's live requirements name.
pub(super) const RECORDS_OF_REQUIRED_MODULES: &str = "module_id IN (SELECT module_id
    FROM training_requirements WHERE rollout_id = ?1 AND deleted_at IS NULL)";

/// Whether `table` has a row with this id, live or in the trash.
pub(super) fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![id], |row| row.get(0))?)
}

/// The id of the role called `name` here, ignoring case.
pub(super) fn role_named(conn: &Connection, name: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM roles WHERE name = ?1 COLLATE NOCASE")?
        .query_row([name.trim()], |row| row.get(0))
        .optional()?)
}

/// The id of the person with this (non-empty) email here, ignoring case.
pub(super) fn person_with_email(conn: &Connection, email: &str) -> Result<Option<String>> {
    // `email <> ''` lets SQLite use the partial index people_by_email.
    Ok(conn
        .prepare_cached("SELECT id FROM people WHERE email = ?1 COLLATE NOCASE AND email <> ''")?
        .query_row([email], |row| row.get(0))
        .optional()?)
}

/// The ids of the live people called exactly `name`.
pub(super) fn people_named(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let mut statement =
        conn.prepare_cached("SELECT id FROM people WHERE name = ?1 AND deleted_at IS NULL")?;
    let ids = statement.query_map([name], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// How the rollout links the SOP (the relation's code), if it does.
pub(super) fn sop_relation(
    conn: &Connection,
    sop_id: &str,
    rollout_id: &str,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT relation FROM sop_rollouts WHERE sop_id = ?1 AND rollout_id = ?2")?
        .query_row(params![sop_id, rollout_id], |row| row.get(0))
        .optional()?)
}

/// Links the SOP to the rollout with the relation `code`.
pub(super) fn insert_sop_link(
    tx: &Transaction<'_>,
    sop_id: &str,
    rollout_id: &str,
    code: &str,
    at: &str,
) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO sop_rollouts (sop_id, rollout_id, relation, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![sop_id, rollout_id, code, at])?)
}

/// Changes the relation of the SOP's link to the rollout to `code`.
pub(super) fn update_sop_link(
    tx: &Transaction<'_>,
    sop_id: &str,
    rollout_id: &str,
    code: &str,
) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "UPDATE sop_rollouts SET relation = ?3 WHERE sop_id = ?1 AND rollout_id = ?2",
        )?
        .execute(params![sop_id, rollout_id, code])?)
}

/// Whether `task_id` already depends on `depends_on_id`.
pub(super) fn stored_link(
    conn: &Connection,
    task_id: &str,
    depends_on_id: &str,
) -> Result<Option<(LinkType, i32)>> {
    let found: Option<(String, i32)> = conn
        .prepare_cached(
            "SELECT link_type, lag_days FROM plan_dependencies
             WHERE task_id = ?1 AND depends_on_id = ?2",
        )?
        .query_row(params![task_id, depends_on_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    found
        .map(|(code, lag)| {
            LinkType::from_code(&code)
                .map(|link_type| (link_type, lag))
                .ok_or_else(|| CoreError::Database(format!("an unreadable link type '{code}'")))
        })
        .transpose()
}

/// A task's title, for naming a dependency in a conflict.
pub(super) fn task_title(conn: &Connection, id: &str) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT title FROM plan_tasks WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))
        .optional()?
        .unwrap_or_else(|| id.to_owned()))
}

/// Dependencies between the rollout's live tasks, in (task, predecessor) order.
pub(super) fn rollout_dependencies(
    conn: &Connection,
    rollout_id: &str,
) -> Result<Vec<BundleDependency>> {
    let mut statement = conn.prepare_cached(
        // CROSS JOIN fixes the order: the rollout's tasks, then each one's dependencies
        // by primary key, then the predecessor by id. Left to itself the planner paired
        // every task with every other task of the rollout first (4 million probes for a
        // 2,000-task plan, over a second).
        "SELECT d.task_id, d.depends_on_id, d.link_type, d.lag_days FROM plan_tasks t
         CROSS JOIN plan_dependencies d ON d.task_id = t.id
         CROSS JOIN plan_tasks p ON p.id = d.depends_on_id
         WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL
           AND p.rollout_id = ?1 AND p.deleted_at IS NULL
         ORDER BY d.task_id, d.depends_on_id",
    )?;
    let rows = statement.query_map([rollout_id], |row| {
        let code: String = row.get(2)?;
        Ok(BundleDependency {
            task_id: row.get(0)?,
            depends_on_id: row.get(1)?,
            link_type: LinkType::from_code(&code)
                .ok_or_else(|| crate::store::rows::unreadable("link_type"))?,
            lag_days: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
