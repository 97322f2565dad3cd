//! The people × modules matrix, a page of people at a time, and completion per role
//! for a rollout's readiness. Totals are counted in SQL over every matching person, so
//! a page never has to load the whole directory's 40,000 records.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::modules::live_modules;
use super::{RecordStatus, TrainingModule};
use crate::store::rows;
use crate::time::date_text;
use crate::{Result, Store};

/// One person's standing on one module.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixCell {
    pub record_id: String,
    pub status: RecordStatus,
    /// When the module is due for this person (the earliest requirement that applies).
    pub due_date: Option<NaiveDate>,
    /// Not completed or waived, and past its due date.
    pub overdue: bool,
    pub completed_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// One person's line of the matrix; `cells` follow the matrix's modules, `None` where
/// the module is not required of them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixRow {
    pub person_id: String,
    pub name: String,
    pub role_name: Option<String>,
    pub department: String,
    pub cells: Vec<Option<MatrixCell>>,
}

/// Which part of the matrix to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MatrixFilter {
    /// One rollout's requirements, or every live rollout's.
    pub rollout_id: Option<String>,
    pub role_id: Option<String>,
    pub department: Option<String>,
    /// The page: people `offset..offset + limit` in name order.
    pub offset: i64,
    /// At most this many people (0 means the default page of 100).
    pub limit: i64,
}

/// Who has done which training.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrainingMatrix {
    pub modules: Vec<TrainingModule>,
    /// This page of people.
    pub rows: Vec<MatrixRow>,
    /// People matching the filter, on every page.
    pub people: i64,
    /// Required cells over every matching person, and how many are done (completed or
    /// waived) or overdue.
    pub required: i64,
    pub done: i64,
    pub overdue: i64,
}

/// Training completion of one role for one rollout ("Front desk: 14 of 18 trained; 4 overdue").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoleCompletion {
    pub role_id: String,
    pub role_name: String,
    /// Active people in the role.
    pub people: i64,
    /// People who have completed (or been excused from) every module required of the role.
    pub trained: i64,
    /// People with at least one required module past its due date.
    pub overdue: i64,
}

const DEFAULT_PAGE: i64 = 100;

/// The requirements in view as (role, module, earliest due date) — a CTE every query
/// below starts from. `?1` is the rollout (or NULL for all live rollouts).
pub(super) const DUE: &str = "due AS MATERIALIZED (
    SELECT q.role_id, q.module_id, min(q.due_date) AS due_date
    FROM training_requirements q
    JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
    JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
    WHERE q.deleted_at IS NULL AND (?1 IS NULL OR q.rollout_id = ?1)
    GROUP BY q.role_id, q.module_id)";

/// Active people in a role that has requirements in view, narrowed by `?2` (role) and
/// `?3` (department).
const MATCHING_PEOPLE: &str = "matching AS MATERIALIZED (
    SELECT p.id, p.name, p.role_id, p.department FROM people p
    WHERE p.active = 1 AND p.deleted_at IS NULL
      AND p.role_id IN (SELECT role_id FROM due)
      AND (?2 IS NULL OR p.role_id = ?2)
      AND (?3 IS NULL OR p.department = ?3))";

impl Store {
    /// A page of the matrix, with totals over every person the filter matches.
    pub fn training_matrix(
        &self,
        filter: &MatrixFilter,
        today: NaiveDate,
    ) -> Result<TrainingMatrix> {
        let limit = if filter.limit > 0 {
            filter.limit
        } else {
            DEFAULT_PAGE
        };
        let today_text = date_text(today);
        self.read(|conn| {
            let due = due_dates(conn, filter.rollout_id.as_deref())?;
            let modules: Vec<TrainingModule> = live_modules(conn)?
                .into_iter()
                .filter(|m| due.values().any(|by_module| by_module.contains_key(&m.id)))
                .collect();

            let (people, required, done, overdue) = conn.query_row(
                &format!(
                    "WITH {DUE}, {MATCHING_PEOPLE}
                     SELECT (SELECT count(*) FROM matching) AS people,
                            count(t.id) AS required,
                            coalesce(sum(t.status IN ('completed', 'waived')), 0) AS done,
                            coalesce(sum(t.status NOT IN ('completed', 'waived') AND due.due_date < ?4), 0) AS overdue
                     FROM matching p
                     JOIN due ON due.role_id = p.role_id
                     JOIN training_records t ON t.person_id = p.id AND t.module_id = due.module_id"
                ),
                params![filter.rollout_id, filter.role_id, filter.department, today_text],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )?;

            let mut page = conn.prepare_cached(&format!(
                "WITH {DUE}, {MATCHING_PEOPLE}
                 SELECT p.id, p.name, p.role_id, r.name AS role_name, p.department
                 FROM matching p LEFT JOIN roles r ON r.id = p.role_id
                 ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?4 OFFSET ?5"
            ))?;
            let mut rows: Vec<(MatrixRow, String)> = page
                .query_map(
                    params![filter.rollout_id, filter.role_id, filter.department, limit, filter.offset.max(0)],
                    |row| {
                        Ok((
                            MatrixRow {
                                person_id: row.get("id")?,
                                name: row.get("name")?,
                                role_name: row.get("role_name")?,
                                department: row.get("department")?,
                                cells: vec![None; modules.len()],
                            },
                            row.get::<_, String>("role_id")?,
                        ))
                    },
                )?
                .collect::<rusqlite::Result<_>>()?;

            // Fill this page's cells: one query for the page's records.
            let ids: Vec<String> = rows.iter().map(|(row, _)| row.person_id.clone()).collect();
            let person_index: HashMap<&str, usize> =
                ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
            let module_index: HashMap<&str, usize> =
                modules.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
            for (person_id, module_id, cell) in page_cells(conn, &ids)? {
                let (Some(&p), Some(&m)) = (
                    person_index.get(person_id.as_str()),
                    module_index.get(module_id.as_str()),
                ) else {
                    continue;
                };
                let (row, role) = &mut rows[p];
                let Some(&due_date) = due.get(role.as_str()).and_then(|by_module| by_module.get(&module_id)) else {
                    continue;
                };
                row.cells[m] = Some(MatrixCell {
                    overdue: !cell.status.is_done() && due_date < today,
                    due_date: Some(due_date),
                    ..cell
                });
            }
            Ok(TrainingMatrix {
                modules,
                rows: rows.into_iter().map(|(row, _)| row).collect(),
                people,
                required,
                done,
                overdue,
            })
        })
    }

    /// Completion per role for a rollout, by role name.
    pub fn rollout_training_completion(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<RoleCompletion>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "WITH {DUE}, {MATCHING_PEOPLE},
                 per_person AS (
                    SELECT p.id, p.role_id,
                           min(coalesce(t.status IN ('completed', 'waived'), 0)) AS trained,
                           max(coalesce(t.status NOT IN ('completed', 'waived'), 1) AND due.due_date < ?4) AS overdue
                    FROM matching p
                    JOIN due ON due.role_id = p.role_id
                    LEFT JOIN training_records t ON t.person_id = p.id AND t.module_id = due.module_id
                    GROUP BY p.id)
                 SELECT r.id AS role_id, r.name AS role_name, count(*) AS people,
                        sum(per_person.trained) AS trained, sum(per_person.overdue) AS overdue
                 FROM per_person JOIN roles r ON r.id = per_person.role_id
                 GROUP BY r.id ORDER BY r.name COLLATE NOCASE"
            ))?;
            let found = statement.query_map(
                params![rollout_id, Option::<String>::None, Option::<String>::None, date_text(today)],
                |row| {
                    Ok(RoleCompletion {
                        role_id: row.get("role_id")?,
                        role_name: row.get("role_name")?,
                        people: row.get("people")?,
                        trained: row.get("trained")?,
                        overdue: row.get("overdue")?,
                    })
                },
            )?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// role → module → earliest due date, for the requirements in view.
fn due_dates(
    conn: &Connection,
    rollout_id: Option<&str>,
) -> Result<HashMap<String, HashMap<String, NaiveDate>>> {
    let mut statement = conn.prepare_cached(&format!(
        "WITH {DUE} SELECT role_id, module_id, due_date FROM due"
    ))?;
    let mut found = statement.query(params![rollout_id])?;
    let mut due: HashMap<String, HashMap<String, NaiveDate>> = HashMap::new();
    while let Some(row) = found.next()? {
        let date = rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?;
        due.entry(row.get("role_id")?)
            .or_default()
            .insert(row.get("module_id")?, date);
    }
    Ok(due)
}

/// The records of the given people, as (person, module, cell without its due date).
fn page_cells(
    conn: &Connection,
    person_ids: &[String],
) -> Result<Vec<(String, String, MatrixCell)>> {
    if person_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; person_ids.len()].join(", ");
    let mut statement = conn.prepare(&format!(
        "SELECT id, person_id, module_id, status, completed_on, row_version
         FROM training_records WHERE person_id IN ({placeholders})"
    ))?;
    let found = statement.query_map(rusqlite::params_from_iter(person_ids), |row| {
        let status: String = row.get("status")?;
        Ok((
            row.get("person_id")?,
            row.get("module_id")?,
            MatrixCell {
                record_id: row.get("id")?,
                status: status
                    .parse::<RecordStatus>()
                    .map_err(|_| rows::unreadable("status"))?,
                due_date: None,
                overdue: false,
                completed_on: rows::date(row, "completed_on")?,
                row_version: row.get("row_version")?,
            },
        ))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}
