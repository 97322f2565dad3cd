//! The reads of a person's week: one query per kind of line, each by the owner's index,
//! so the week costs the same however large the workspace around it.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::{WeekCriterion, WeekMeasurement, WeekMessage, WeekReview, WeekTask, WeekTiming};
use crate::plan::TaskStatus;
use crate::readiness::CriterionStatus;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

/// Rollouts a line may come from: not in the trash, not closed.
const OPEN_ROLLOUT: &str = "r.deleted_at IS NULL AND r.phase <> 'closed'";

/// The tasks `person_id` owns that are not done: with a `horizon`, those due by then or
/// blocked (the week); without, every one (the person's panel). Soonest first, undated
/// last.
pub(super) fn tasks_of(
    conn: &Connection,
    person_id: &str,
    horizon: Option<NaiveDate>,
    today: NaiveDate,
    week_end: NaiveDate,
) -> Result<Vec<WeekTask>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT t.id, t.rollout_id, r.name AS rollout_name, t.title, t.kind, t.status,
             t.due_date, t.row_version
         FROM plan_tasks t JOIN rollouts r ON r.id = t.rollout_id
         WHERE t.owner_id = ?1 AND t.deleted_at IS NULL AND t.status <> 'done'
           AND {OPEN_ROLLOUT}
           AND (?2 IS NULL OR t.status = 'blocked' OR t.due_date <= ?2)
         ORDER BY t.due_date IS NULL, t.due_date, r.name COLLATE NOCASE,
             t.title COLLATE NOCASE, t.id"
    ))?;
    let found = statement.query_map(params![person_id, horizon.map(date_text)], |row| {
        let status: TaskStatus = parsed(row, "status")?;
        let due_date = rows::date(row, "due_date")?;
        let timing = match due_date {
            Some(due) if due < today => WeekTiming::Overdue,
            _ if status == TaskStatus::Blocked => WeekTiming::Blocked,
            Some(due) if due <= week_end => WeekTiming::DueThisWeek,
            _ => WeekTiming::Upcoming,
        };
        Ok(WeekTask {
            task_id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            rollout_name: row.get("rollout_name")?,
            title: row.get("title")?,
            kind: parsed(row, "kind")?,
            status,
            due_date,
            timing,
            row_version: row.get("row_version")?,
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The criteria `person_id` owns that are not met, in rollouts not yet past go-live:
/// those at risk, and those whose rollout goes live by `horizon` (or has gone live).
pub(super) fn criteria_of(
    conn: &Connection,
    person_id: &str,
    horizon: NaiveDate,
    today: NaiveDate,
    week_end: NaiveDate,
) -> Result<Vec<WeekCriterion>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.id, c.rollout_id, r.name AS rollout_name, c.title, c.status, c.hard_gate,
             r.go_live_date, c.row_version
         FROM readiness_criteria c JOIN rollouts r ON r.id = c.rollout_id
         WHERE c.owner_id = ?1 AND c.deleted_at IS NULL AND c.status <> 'met'
           AND r.deleted_at IS NULL AND r.phase IN ('planning', 'preparing', 'go_live')
           AND (c.status = 'at_risk' OR r.go_live_date <= ?2)
         ORDER BY r.go_live_date IS NULL, r.go_live_date, r.name COLLATE NOCASE,
             c.title COLLATE NOCASE, c.id",
    )?;
    let found = statement.query_map(params![person_id, date_text(horizon)], |row| {
        let status: CriterionStatus = parsed(row, "status")?;
        let go_live_date = rows::date(row, "go_live_date")?;
        let timing = match go_live_date {
            Some(go_live) if go_live < today => WeekTiming::Overdue,
            _ if status == CriterionStatus::AtRisk => WeekTiming::AtRisk,
            Some(go_live) if go_live <= week_end => WeekTiming::DueThisWeek,
            _ => WeekTiming::Upcoming,
        };
        Ok(WeekCriterion {
            criterion_id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            rollout_name: row.get("rollout_name")?,
            title: row.get("title")?,
            status,
            hard_gate: row.get("hard_gate")?,
            go_live_date,
            timing,
            row_version: row.get("row_version")?,
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The messages `person_id` is to send by `week_end` and has not sent.
pub(super) fn messages_of(
    conn: &Connection,
    person_id: &str,
    today: NaiveDate,
    week_end: NaiveDate,
) -> Result<Vec<WeekMessage>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT m.id, m.rollout_id, r.name AS rollout_name, m.audience, m.channel, m.message,
             m.send_on, m.row_version
         FROM communications m JOIN rollouts r ON r.id = m.rollout_id
         WHERE m.owner_id = ?1 AND m.deleted_at IS NULL AND m.sent_on IS NULL
           AND m.send_on <= ?2 AND {OPEN_ROLLOUT}
         ORDER BY m.send_on, r.name COLLATE NOCASE, m.audience COLLATE NOCASE, m.id"
    ))?;
    let found = statement.query_map(params![person_id, date_text(week_end)], |row| {
        let send_on = rows::date(row, "send_on")?.ok_or_else(|| rows::unreadable("send_on"))?;
        Ok(WeekMessage {
            communication_id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            rollout_name: row.get("rollout_name")?,
            audience: row.get("audience")?,
            channel: row.get("channel")?,
            message: row.get("message")?,
            timing: WeekTiming::of_date(send_on, today, week_end)
                .unwrap_or(WeekTiming::DueThisWeek),
            send_on,
            row_version: row.get("row_version")?,
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The metrics `person_id` owns whose next value is overdue or due by `week_end` (one
/// never measured is due now), judged as the metric's own page judges it.
pub(super) fn measurements_of(
    conn: &Connection,
    person_id: &str,
    today: NaiveDate,
    week_end: NaiveDate,
) -> Result<Vec<WeekMeasurement>> {
    let mut lines: Vec<WeekMeasurement> =
        crate::metrics::owned_statuses_in(conn, person_id, today)?
            .into_iter()
            .filter_map(|status| {
                let timing = if status.overdue {
                    WeekTiming::Overdue
                } else if status.next_due.is_none_or(|due| due <= week_end) {
                    WeekTiming::DueThisWeek
                } else {
                    return None;
                };
                Some(WeekMeasurement { status, timing })
            })
            .collect();
    lines.sort_by(|a, b| {
        (
            a.timing,
            a.status.next_due,
            &a.status.rollout_name,
            &a.status.metric_name,
        )
            .cmp(&(
                b.timing,
                b.status.next_due,
                &b.status.rollout_name,
                &b.status.metric_name,
            ))
    });
    Ok(lines)
}

/// The SOPs in force owned by `owner_name` whose review is overdue or due by
/// `week_end`.
pub(super) fn reviews_of(
    conn: &Connection,
    owner_name: &str,
    today: NaiveDate,
    week_end: NaiveDate,
) -> Result<Vec<WeekReview>> {
    Ok(
        crate::sops::reviews_due_of_owner(conn, owner_name, week_end)?
            .into_iter()
            .filter_map(|sop| {
                let next_review_date = sop.next_review_date?;
                Some(WeekReview {
                    timing: WeekTiming::of_date(next_review_date, today, week_end)?,
                    sop_id: sop.id,
                    code: sop.code,
                    title: sop.title,
                    next_review_date,
                    row_version: sop.row_version,
                })
            })
            .collect(),
    )
}

/// The open rollouts whose owner is `owner_name` (whatever its case), as (id, name), by
/// name: whose training the person chases. A rollout's owner is written in words, often
/// with the person's title after a comma or in brackets ("Dana Whitfield, Practice
/// Manager"), which names the same person.
pub(super) fn rollouts_owned_by(
    conn: &Connection,
    owner_name: &str,
) -> Result<Vec<(String, String)>> {
    let name = owner_name.trim();
    if name.is_empty() {
        return Ok(Vec::new());
    }
    let escaped = name
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let mut statement = conn.prepare_cached(&format!(
        "SELECT r.id, r.name FROM rollouts r
         WHERE (r.owner = ?1 COLLATE NOCASE OR r.owner LIKE ?2 ESCAPE '\\'
                OR r.owner LIKE ?3 ESCAPE '\\')
           AND {OPEN_ROLLOUT}
         ORDER BY r.name COLLATE NOCASE, r.id"
    ))?;
    let found = statement.query_map(
        params![name, format!("{escaped},%"), format!("{escaped} (%")],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A coded column read as its enum.
fn parsed<T: std::str::FromStr>(row: &Row<'_>, column: &str) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    text.parse().map_err(|_| rows::unreadable(column))
}
