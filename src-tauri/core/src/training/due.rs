//! Lists of training by due date: what is overdue or due soon across the clinic, and
//! everything required of one person across rollouts.

use chrono::{Days, NaiveDate};
use rusqlite::{Row, ToSql};
use serde::Serialize;
use ts_rs::TS;

use super::matrix::DUE;
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
        self.due_list(
            "t.status NOT IN ('completed', 'waived') AND due.due_date <= ?2",
            &[&rollout_id, &date_text(horizon)],
            today,
        )
    }

    /// Everything required of one person by the live rollouts, soonest first.
    pub fn person_training(&self, person_id: &str, today: NaiveDate) -> Result<Vec<DueTraining>> {
        self.due_list("p.id = ?2", &[&Option::<String>::None, &person_id], today)
    }

    /// Required records with their due dates; `condition` narrows them with `?2`
    /// (`?1` is the rollout, or NULL for all).
    fn due_list(
        &self,
        condition: &str,
        params: &[&dyn ToSql],
        today: NaiveDate,
    ) -> Result<Vec<DueTraining>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "WITH {DUE}
                 SELECT t.id AS record_id, p.id AS person_id, p.name AS person_name, r.name AS role_name,
                        m.id AS module_id, m.title AS module_title, t.status, due.due_date,
                        t.completed_on, t.row_version
                 FROM people p
                 JOIN due ON due.role_id = p.role_id
                 JOIN training_records t ON t.person_id = p.id AND t.module_id = due.module_id
                 JOIN training_modules m ON m.id = due.module_id
                 LEFT JOIN roles r ON r.id = p.role_id
                 WHERE p.active = 1 AND p.deleted_at IS NULL AND {condition}
                 ORDER BY due.due_date, p.name COLLATE NOCASE, m.title COLLATE NOCASE"
            ))?;
            let found = statement.query_map(params, |row| due_from_row(row, today))?;
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
