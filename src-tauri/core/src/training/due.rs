//! Lists of training by due date: what is overdue or due soon across the clinic, and
//! everything required of one person across rollouts.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Row};
use serde::Serialize;
use ts_rs::TS;

use super::standing::{Read, Standing, NEEDS};
use super::RecordStatus;
use crate::store::rows;
use crate::time::date_text;
use crate::{Result, Store};

/// One person's required module, with where they stand on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DueTraining {
    pub record_id: String,
    pub person_id: String,
    pub person_name: String,
    pub role_name: Option<String>,
    pub module_id: String,
    pub module_title: String,
    pub status: RecordStatus,
    pub due_date: NaiveDate,
    pub overdue: bool,
    pub completed_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// The requirements in view as (role, module, earliest due date) — a CTE the queries
/// below start from. `?1` is the rollout (or NULL for all live rollouts).
const DUE: &str = "due AS MATERIALIZED (
    SELECT q.role_id, q.module_id, min(q.due_date) AS due_date
    FROM training_requirements q
    JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
    JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
    WHERE q.deleted_at IS NULL AND (?1 IS NULL OR q.rollout_id = ?1)
    GROUP BY q.role_id, q.module_id)";

/// The columns [`due_from_row`] reads.
const DUE_COLUMNS: &str = "t.id AS record_id, p.id AS person_id, p.name AS person_name,
    r.name AS role_name, m.id AS module_id, m.title AS module_title, t.status, due.due_date,
    t.completed_on, t.row_version";

/// Soonest first, then by person and module.
const DUE_ORDER: &str = "due.due_date, p.name COLLATE NOCASE, m.title COLLATE NOCASE";

impl Store {
    /// Training not yet done that is overdue or due within `within_days` of `today`,
    /// soonest first — for one rollout, or every live rollout.
    pub fn training_due(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
        within_days: u64,
    ) -> Result<Vec<DueTraining>> {
        let horizon = today
            .checked_add_days(Days::new(within_days))
            .unwrap_or(today);
        self.read(|conn| {
            let standing = Standing::load(conn, rollout_id, Read::Nothing)?;
            let due = standing.earliest_due(|_| true);
            let titles: HashMap<String, String> = conn
                .prepare_cached("SELECT id, title FROM training_modules WHERE deleted_at IS NULL")?
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            // The records not done of the modules due by the horizon (ranges of
            // training_records_by_module), matched to people and due dates in memory
            // rather than joined row by row. The status CHECK admits only these four, so
            // "assigned or in progress" is "not completed or waived".
            let mut statement = conn.prepare_cached(&format!(
                "SELECT t.person_id, t.module_id, t.id, t.status, t.completed_on, t.row_version
                 FROM training_records t
                 WHERE t.module_id IN (SELECT q.module_id FROM ({NEEDS}) q WHERE q.due_date <= ?2)
                   AND t.status IN ('assigned', 'in_progress')"
            ))?;
            let mut found = statement.query(params![rollout_id, date_text(horizon)])?;
            let mut list = Vec::new();
            while let Some(row) = found.next()? {
                let (Some(person), Some(module)) = (
                    standing.member_index(rows::bytes_at(row, 0)?),
                    standing.module_index(rows::text_at(row, 1)?),
                ) else {
                    continue;
                };
                let member = &standing.members[person];
                let Some(&due_date) = due.get(&(member.role, module)).filter(|&&d| d <= horizon)
                else {
                    continue;
                };
                let module_id: String = row.get(1)?;
                let status = RecordStatus::from_code(rows::text_at(row, 3)?)
                    .ok_or_else(|| rows::unreadable("status"))?;
                list.push(DueTraining {
                    record_id: row.get(2)?,
                    person_id: member.id.clone(),
                    person_name: member.name.clone(),
                    role_name: Some(standing.roles[member.role].1.clone()),
                    module_title: titles.get(&module_id).cloned().unwrap_or_default(),
                    module_id,
                    overdue: !status.is_done() && due_date < today,
                    status,
                    due_date,
                    completed_on: rows::date_at(row, 4, "completed_on")?,
                    row_version: row.get(5)?,
                });
            }
            // In the order DUE_ORDER gives a person's list, then by ids, so that two people
            // of the same name keep one order; names folded once rather than at every
            // comparison.
            list.sort_by_cached_key(|d| {
                (
                    d.due_date,
                    rows::nocase_key(&d.person_name),
                    rows::nocase_key(&d.module_title),
                    d.person_id.clone(),
                    d.module_id.clone(),
                )
            });
            Ok(list)
        })
    }

    /// Everything required of one person by the live rollouts, soonest first.
    pub fn person_training(&self, person_id: &str, today: NaiveDate) -> Result<Vec<DueTraining>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "WITH {DUE}
                 SELECT {DUE_COLUMNS}
                 FROM people p
                 JOIN due ON due.role_id = p.role_id
                 JOIN training_records t ON t.person_id = p.id AND t.module_id = due.module_id
                 JOIN training_modules m ON m.id = due.module_id
                 LEFT JOIN roles r ON r.id = p.role_id
                 WHERE p.active = 1 AND p.deleted_at IS NULL AND p.id = ?2
                 ORDER BY {DUE_ORDER}"
            ))?;
            let found = statement.query_map(params![Option::<String>::None, person_id], |row| {
                due_from_row(row, today)
            })?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }
}

fn due_from_row(row: &Row<'_>, today: NaiveDate) -> rusqlite::Result<DueTraining> {
    let status: String = row.get("status")?;
    let status = status
        .parse::<RecordStatus>()
        .map_err(|_| rows::unreadable("status"))?;
    let due_date = rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?;
    Ok(DueTraining {
        record_id: row.get("record_id")?,
        person_id: row.get("person_id")?,
        person_name: row.get("person_name")?,
        role_name: row.get("role_name")?,
        module_id: row.get("module_id")?,
        module_title: row.get("module_title")?,
        overdue: !status.is_done() && due_date < today,
        status,
        due_date,
        completed_on: rows::date(row, "completed_on")?,
        row_version: row.get("row_version")?,
    })
}
