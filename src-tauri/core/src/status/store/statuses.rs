//! The `weekly_statuses` table: saved statuses, their kept draft and the manager's
//! edits, as JSON columns.

use rusqlite::{params, Connection, Row, Transaction};

use crate::status::{SavedStatus, StatusDraft, StatusEdit, StatusState};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::{CoreError, Result};

const SELECT: &str = "SELECT id, rollout_id, week_monday, content, notes, hidden, state, sent_at,
    created_at, updated_at, row_version FROM weekly_statuses";

fn json_column<T: serde::de::DeserializeOwned>(row: &Row<'_>, column: &str) -> rusqlite::Result<T> {
    serde_json::from_str(rows::text(row, column)?).map_err(|_| rows::unreadable(column))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<SavedStatus> {
    let state: String = row.get("state")?;
    Ok(SavedStatus {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        week_monday: rows::date(row, "week_monday")?
            .ok_or_else(|| rows::unreadable("week_monday"))?,
        content: json_column(row, "content")?,
        notes: json_column(row, "notes")?,
        hidden: json_column(row, "hidden")?,
        state: StatusState::from_code(&state).ok_or_else(|| rows::unreadable("state"))?,
        sent_at: rows::timestamp(row, "sent_at")?,
        // Filled in by the domain, which decides what is shown.
        shown_headline: String::new(),
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        row_version: row.get("row_version")?,
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| CoreError::Database(format!("cannot encode a status: {e}")))
}

pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<SavedStatus> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE id = ?1"),
        id,
        "Status",
        from_row,
    )
}

/// A rollout's statuses (`None`: the all-rollouts ones), the latest week first.
pub(crate) fn list(conn: &Connection, rollout_id: Option<&str>) -> Result<Vec<SavedStatus>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE rollout_id IS ?1 ORDER BY week_monday DESC, created_at DESC"
    ))?;
    let found = statement.query_map(params![rollout_id], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    draft: &StatusDraft,
    edit: &StatusEdit,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO weekly_statuses (id, rollout_id, week_monday, content, notes, hidden,
             state, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?7)",
    )?
    .execute(params![
        id,
        draft.rollout_id,
        date_text(draft.week.monday),
        to_json(draft)?,
        to_json(&edit.notes)?,
        to_json(&edit.hidden)?,
        at
    ])?;
    Ok(())
}

/// Writes a draft's edits, and with `sent_at` marks it sent.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    row_version: i64,
    edit: &StatusEdit,
    sent_at: Option<&str>,
    at: &str,
    label: &str,
) -> Result<()> {
    let state = if sent_at.is_some() {
        StatusState::Sent
    } else {
        StatusState::Draft
    };
    let affected = tx
        .prepare_cached(
            "UPDATE weekly_statuses SET notes = ?3, hidden = ?4, state = ?5, sent_at = ?6,
                 updated_at = ?7, row_version = row_version + 1
             WHERE id = ?1 AND row_version = ?2 AND state = 'draft'",
        )?
        .execute(params![
            id,
            row_version,
            to_json(&edit.notes)?,
            to_json(&edit.hidden)?,
            state.code(),
            sent_at,
            at
        ])?;
    one_row_updated(affected, label)
}
