//! The people × modules matrix, and completion per role for a rollout's readiness.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use super::modules::live_modules;
use super::records::record_from_row;
use super::{RecordStatus, TrainingModule, TrainingRecord};
use crate::store::rows;
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

/// Who has done which training.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrainingMatrix {
    pub modules: Vec<TrainingModule>,
    pub rows: Vec<MatrixRow>,
    /// Required cells in the matrix, and how many of them are done (completed or waived).
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

struct Person {
    id: String,
    name: String,
    role_id: Option<String>,
    role_name: Option<String>,
    department: String,
}

impl Store {
    /// The matrix for one rollout's requirements, or (with `None`) for every requirement
    /// of every live rollout.
    pub fn training_matrix(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
    ) -> Result<TrainingMatrix> {
        self.read(|conn| {
            // (role, module) → earliest due date among the requirements in view.
            let mut due: HashMap<(String, String), NaiveDate> = HashMap::new();
            {
                let mut statement = conn.prepare_cached(
                    "SELECT q.role_id, q.module_id, min(q.due_date) AS due_date
                     FROM training_requirements q
                     JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
                     WHERE q.deleted_at IS NULL AND (?1 IS NULL OR q.rollout_id = ?1)
                     GROUP BY q.role_id, q.module_id",
                )?;
                let mut found = statement.query(params![rollout_id])?;
                while let Some(row) = found.next()? {
                    let date =
                        rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?;
                    due.insert((row.get("role_id")?, row.get("module_id")?), date);
                }
            }
            let required_roles: HashSet<&str> = due.keys().map(|(role, _)| role.as_str()).collect();
            let required_modules: HashSet<&str> =
                due.keys().map(|(_, module)| module.as_str()).collect();

            let modules: Vec<TrainingModule> = live_modules(conn)?
                .into_iter()
                .filter(|m| required_modules.contains(m.id.as_str()))
                .collect();

            let people: Vec<Person> = {
                let mut statement = conn.prepare_cached(
                    "SELECT p.id, p.name, p.role_id, r.name AS role_name, p.department
                     FROM people p LEFT JOIN roles r ON r.id = p.role_id
                     WHERE p.active = 1 AND p.deleted_at IS NULL
                     ORDER BY p.name COLLATE NOCASE, p.id",
                )?;
                let found = statement.query_map([], |row| {
                    Ok(Person {
                        id: row.get("id")?,
                        name: row.get("name")?,
                        role_id: row.get("role_id")?,
                        role_name: row.get("role_name")?,
                        department: row.get("department")?,
                    })
                })?;
                found
                    .collect::<rusqlite::Result<Vec<_>>>()?
                    .into_iter()
                    .filter(|p| {
                        p.role_id
                            .as_deref()
                            .is_some_and(|r| required_roles.contains(r))
                    })
                    .collect()
            };

            let mut records: HashMap<(String, String), TrainingRecord> = HashMap::new();
            {
                let mut statement = conn.prepare_cached(
                    "SELECT id, person_id, module_id, status, completed_on, verified_by, score,
                            waived_reason, row_version
                     FROM training_records",
                )?;
                for record in statement.query_map([], record_from_row)? {
                    let record = record?;
                    records.insert((record.person_id.clone(), record.module_id.clone()), record);
                }
            }

            let (mut required, mut done, mut overdue) = (0, 0, 0);
            let rows = people
                .into_iter()
                .map(|person| {
                    let role = person.role_id.clone().unwrap_or_default();
                    let cells = modules
                        .iter()
                        .map(|module| {
                            let due_date = *due.get(&(role.clone(), module.id.clone()))?;
                            let record = records.get(&(person.id.clone(), module.id.clone()))?;
                            let cell = MatrixCell {
                                record_id: record.id.clone(),
                                status: record.status,
                                due_date: Some(due_date),
                                overdue: !record.status.is_done() && due_date < today,
                                completed_on: record.completed_on,
                                row_version: record.row_version,
                            };
                            required += 1;
                            done += i64::from(record.status.is_done());
                            overdue += i64::from(cell.overdue);
                            Some(cell)
                        })
                        .collect();
                    MatrixRow {
                        person_id: person.id,
                        name: person.name,
                        role_name: person.role_name,
                        department: person.department,
                        cells,
                    }
                })
                .collect();
            Ok(TrainingMatrix {
                modules,
                rows,
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
        let matrix = self.training_matrix(Some(rollout_id), today)?;
        let role_ids: HashMap<String, String> = self.read(|conn| {
            let mut statement = conn.prepare_cached("SELECT id, name FROM roles")?;
            let found = statement.query_map([], |row| {
                Ok((row.get::<_, String>(1)?, row.get::<_, String>(0)?))
            })?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })?;
        let mut by_role: BTreeMap<String, RoleCompletion> = BTreeMap::new();
        for row in &matrix.rows {
            let Some(role_name) = &row.role_name else {
                continue;
            };
            let entry = by_role
                .entry(role_name.to_lowercase())
                .or_insert_with(|| RoleCompletion {
                    role_id: role_ids.get(role_name).cloned().unwrap_or_default(),
                    role_name: role_name.clone(),
                    people: 0,
                    trained: 0,
                    overdue: 0,
                });
            let cells: Vec<&MatrixCell> = row.cells.iter().flatten().collect();
            entry.people += 1;
            entry.trained += i64::from(cells.iter().all(|c| c.status.is_done()));
            entry.overdue += i64::from(cells.iter().any(|c| c.overdue));
        }
        Ok(by_role.into_values().collect())
    }
}
