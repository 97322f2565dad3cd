//! The `debriefs` table, with the links and action task ids as JSON columns, and the
//! look-ups that name what a debrief links to as the rollout holds it now.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::audit::EntityKind;
use crate::debriefs::validate::ValidDebrief;
use crate::debriefs::{Debrief, DebriefAction, DebriefLink, LinkKind, LinkedRecord};
use crate::plan::TaskStatus;
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::{CoreError, Result};

const SELECT: &str = "SELECT id, rollout_id, held_on, title, expected, happened, broke, changed,
    next_check, links, action_task_ids, row_version FROM debriefs";

/// The table and the column that names a record of each kind.
fn table_of(kind: LinkKind) -> (&'static str, &'static str) {
    match kind {
        LinkKind::Task => ("plan_tasks", "title"),
        LinkKind::Risk => ("risks", "title"),
        LinkKind::Metric => ("metrics", "name"),
        LinkKind::Decision => ("decisions", "title"),
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| CoreError::Database(format!("cannot encode a debrief: {e}")))
}

/// Whether `link` names a live record of this rollout.
pub(crate) fn in_rollout(conn: &Connection, rollout_id: &str, link: &DebriefLink) -> Result<bool> {
    let (table, _) = table_of(link.kind);
    Ok(conn
        .prepare_cached(&format!(
            "SELECT 1 FROM {table} WHERE id = ?1 AND rollout_id = ?2 AND deleted_at IS NULL"
        ))?
        .query_row(params![link.id, rollout_id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    rollout_id: &str,
    valid: &ValidDebrief,
    task_ids: &[String],
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO debriefs (id, rollout_id, held_on, title, expected, happened, broke,
             changed, next_check, links, action_task_ids, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        id,
        rollout_id,
        valid.held_on.to_string(),
        valid.title,
        valid.expected,
        valid.happened,
        valid.broke,
        valid.changed,
        valid.next_check,
        json(&valid.links)?,
        json(&task_ids)?,
        at
    ])?;
    Ok(())
}

/// Writes an edited debrief read at `expected_row_version`; another writer since then
/// is a conflict.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    valid: &ValidDebrief,
    task_ids: &[String],
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE debriefs SET held_on = ?1, title = ?2, expected = ?3, happened = ?4,
                 broke = ?5, changed = ?6, next_check = ?7, links = ?8, action_task_ids = ?9,
                 updated_at = ?10, row_version = row_version + 1
             WHERE id = ?11 AND row_version = ?12",
        )?
        .execute(params![
            valid.held_on.to_string(),
            valid.title,
            valid.expected,
            valid.happened,
            valid.broke,
            valid.changed,
            valid.next_check,
            json(&valid.links)?,
            json(&task_ids)?,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, &valid.title)
}

/// The tasks a debrief's actions became, as stored (a task since trashed included, so
/// restoring it brings the action back).
pub(crate) fn action_task_ids(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let text: String = conn
        .prepare_cached("SELECT action_task_ids FROM debriefs WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))?;
    serde_json::from_str(&text)
        .map_err(|e| CoreError::Database(format!("cannot read a debrief's actions: {e}")))
}

/// Whether the debrief is in the trash.
pub(crate) fn is_trashed(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT deleted_at IS NOT NULL FROM debriefs WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))?)
}

/// Moves a debrief to the trash or back, with its audit entry.
pub(crate) fn set_trashed(tx: &Transaction<'_>, id: &str, trashed: bool) -> Result<()> {
    trash_or_restore(tx, "debriefs", EntityKind::Debrief, "Debrief", id, trashed)
}

/// A debrief as stored, before its links and actions are named.
struct Stored {
    debrief: Debrief,
    links: Vec<DebriefLink>,
    task_ids: Vec<String>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let links: Vec<DebriefLink> =
        serde_json::from_str(rows::text(row, "links")?).map_err(|_| rows::unreadable("links"))?;
    let task_ids: Vec<String> = serde_json::from_str(rows::text(row, "action_task_ids")?)
        .map_err(|_| rows::unreadable("action_task_ids"))?;
    Ok(Stored {
        debrief: Debrief {
            id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            held_on: rows::date(row, "held_on")?.ok_or_else(|| rows::unreadable("held_on"))?,
            title: row.get("title")?,
            expected: row.get("expected")?,
            happened: row.get("happened")?,
            broke: row.get("broke")?,
            broke_links: Vec::new(),
            changed: row.get("changed")?,
            changed_links: Vec::new(),
            actions: Vec::new(),
            next_check: row.get("next_check")?,
            row_version: row.get("row_version")?,
        },
        links,
        task_ids,
    })
}

/// Names each link and action as the rollout holds them now; a record since deleted
/// for good keeps its place with an empty name, a trashed action task drops out.
fn named(conn: &Connection, stored: Stored) -> Result<Debrief> {
    let mut debrief = stored.debrief;
    for link in stored.links {
        let (table, column) = table_of(link.kind);
        let label: Option<String> = conn
            .prepare_cached(&format!("SELECT {column} FROM {table} WHERE id = ?1"))?
            .query_row(params![link.id], |row| row.get(0))
            .optional()?;
        let linked = LinkedRecord {
            kind: link.kind,
            id: link.id,
            label: label.unwrap_or_default(),
        };
        if linked.kind == LinkKind::Decision {
            debrief.changed_links.push(linked);
        } else {
            debrief.broke_links.push(linked);
        }
    }
    for task_id in stored.task_ids {
        let action = conn
            .prepare_cached(
                "SELECT t.title, coalesce(p.name, '') AS owner_name, t.due_date, t.status
                 FROM plan_tasks t LEFT JOIN people p ON p.id = t.owner_id
                 WHERE t.id = ?1 AND t.deleted_at IS NULL",
            )?
            .query_row(params![task_id], |row| {
                let status: String = row.get("status")?;
                Ok(DebriefAction {
                    task_id: task_id.clone(),
                    title: row.get("title")?,
                    owner_name: row.get("owner_name")?,
                    due_date: rows::date(row, "due_date")?,
                    status: TaskStatus::from_code(&status)
                        .ok_or_else(|| rows::unreadable("status"))?,
                })
            })
            .optional()?;
        debrief.actions.extend(action);
    }
    Ok(debrief)
}

pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Debrief> {
    let stored = rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE id = ?1"),
        id,
        "Debrief",
        from_row,
    )?;
    named(conn, stored)
}

/// A rollout's live debriefs, the latest first.
pub(crate) fn list_in(conn: &Connection, rollout_id: &str) -> Result<Vec<Debrief>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE rollout_id = ?1 AND deleted_at IS NULL ORDER BY held_on DESC, created_at DESC"
    ))?;
    let stored = statement
        .query_map(params![rollout_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    stored.into_iter().map(|s| named(conn, s)).collect()
}
