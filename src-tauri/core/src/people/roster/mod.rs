//! Importing a staff roster (CSV or XLSX, as exported from HR or scheduling systems).
//!
//! The same code plans and applies an import: a preview runs it inside a transaction
//! that is rolled back, an import commits it, so what the preview promised is exactly
//! what the import does. People are matched by email, or by name when a row has none.

use std::collections::HashMap;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    add_person, find_role_by_name, insert_role, update_person_in, Person, PersonDraft, RoleNames,
};
use crate::import::{find_column, Table, TableRow};
use crate::training::assign_missing_records;

mod values;

use crate::{CoreError, Result, Store};
use values::{read_values, row_name, RowValues};

/// Which column (by index) holds each field; `None` when the file has no such column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RosterMapping {
    /// The full name; or give first and last name columns instead.
    pub name: Option<usize>,
    pub first_name: Option<usize>,
    pub last_name: Option<usize>,
    pub role: Option<usize>,
    pub department: Option<usize>,
    pub email: Option<usize>,
    pub super_user: Option<usize>,
    pub active: Option<usize>,
}

impl RosterMapping {
    /// Recognises the usual header names of roster exports.
    pub fn guess(headers: &[String]) -> Self {
        Self {
            name: find_column(
                headers,
                &[
                    "name",
                    "full name",
                    "employee name",
                    "staff name",
                    "employee",
                ],
            ),
            first_name: find_column(headers, &["first name", "first", "given name", "forename"]),
            last_name: find_column(headers, &["last name", "last", "surname", "family name"]),
            role: find_column(headers, &["role", "job title", "title", "position", "job"]),
            department: find_column(
                headers,
                &["department", "dept", "site", "location", "clinic", "unit"],
            ),
            email: find_column(headers, &["email", "email address", "e-mail", "work email"]),
            super_user: find_column(headers, &["super user", "super-user", "superuser"]),
            active: find_column(headers, &["active", "status", "employment status"]),
        }
    }

    fn check(&self) -> Result<()> {
        if self.name.is_none() && self.first_name.is_none() && self.last_name.is_none() {
            return Err(CoreError::invalid(
                "name",
                "Choose the column that holds each person's name (or first and last name).",
            ));
        }
        Ok(())
    }
}

/// What the import does, or did, with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RosterOutcome {
    Added,
    Updated,
    Unchanged,
    Rejected,
}

/// One row of the file and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterRow {
    pub line: usize,
    pub name: String,
    pub email: String,
    pub role: String,
    pub department: String,
    pub outcome: RosterOutcome,
    /// Why the row was rejected, or what changed for an updated person.
    pub detail: String,
    /// The column a rejection is about.
    pub column: Option<String>,
}

/// The outcome of a roster import, or of its preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterReport {
    pub file: String,
    pub headers: Vec<String>,
    pub mapping: RosterMapping,
    pub rows: Vec<RosterRow>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Roles the file names that were not in the list yet (added by the import).
    pub new_roles: Vec<String>,
}

/// What to do when some rows cannot be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RejectedRows {
    /// Import nothing and report the first rejected row (the command line's default).
    Refuse,
    /// Import every other row; the person has seen the rejected ones in the preview.
    Skip,
}

impl Store {
    /// What importing `table` would do, row by row; writes nothing.
    pub fn preview_roster(&self, table: &Table, mapping: &RosterMapping) -> Result<RosterReport> {
        mapping.check()?;
        self.dry_run(|tx| run(tx, table, mapping))
    }

    /// Imports `table` in one transaction, after a `before-import` backup: all of it, or
    /// (with rejected rows and [`RejectedRows::Refuse`]) none of it.
    pub fn import_roster(
        &self,
        table: &Table,
        mapping: &RosterMapping,
        rejected_rows: RejectedRows,
    ) -> Result<RosterReport> {
        mapping.check()?;
        self.write_after_backup(|tx| {
            let report = run(tx, table, mapping)?;
            if rejected_rows == RejectedRows::Refuse {
                if let Some(first) = report
                    .rows
                    .iter()
                    .find(|r| r.outcome == RosterOutcome::Rejected)
                {
                    return Err(CoreError::Import {
                        file: report.file.clone(),
                        row: Some(first.line),
                        column: first.column.clone(),
                        message: format!(
                            "{} ({} of {} rows cannot be imported; nothing was imported)",
                            first.detail,
                            report.rejected,
                            report.rows.len()
                        ),
                    });
                }
            }
            Ok(report)
        })
    }
}

fn run(tx: &Transaction<'_>, table: &Table, mapping: &RosterMapping) -> Result<RosterReport> {
    let mut report = RosterReport {
        file: table.file.clone(),
        headers: table.headers.clone(),
        mapping: mapping.clone(),
        rows: Vec::with_capacity(table.rows.len()),
        added: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        new_roles: Vec::new(),
    };
    // Which row of this file already claimed a person, so a repeated row is caught.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut roles = Roles::default();
    for row in &table.rows {
        let planned = plan_row(tx, table, mapping, row, &mut seen, &mut roles)?;
        match planned.outcome {
            RosterOutcome::Added => report.added += 1,
            RosterOutcome::Updated => report.updated += 1,
            RosterOutcome::Unchanged => report.unchanged += 1,
            RosterOutcome::Rejected => report.rejected += 1,
        }
        report.rows.push(planned);
    }
    report.new_roles = roles.added;
    // New staff get the training their role requires, in the same transaction.
    assign_missing_records(tx)?;
    Ok(report)
}

/// The roles the file names, each looked up (or added) once: a roster names a handful
/// of roles over hundreds of rows.
#[derive(Default)]
struct Roles {
    /// By name as SQLite's NOCASE compares them, which is how a role is looked up.
    ids: HashMap<String, String>,
    /// Roles the file names that were not in the list yet, in the order first named.
    added: Vec<String>,
    /// Each role's name by id, for checking and describing the rows' people.
    names: RoleNames,
}

impl Roles {
    fn id(&mut self, tx: &Transaction<'_>, name: &str) -> Result<String> {
        let key = name.trim().to_ascii_lowercase();
        if let Some(id) = self.ids.get(&key) {
            return Ok(id.clone());
        }
        let id = match find_role_by_name(tx, name)? {
            Some((id, _)) => id,
            None => {
                self.added.push(name.to_owned());
                insert_role(tx, name)?
            }
        };
        self.ids.insert(key, id.clone());
        Ok(id)
    }
}

fn plan_row(
    tx: &Transaction<'_>,
    table: &Table,
    mapping: &RosterMapping,
    row: &TableRow,
    seen: &mut HashMap<String, usize>,
    roles: &mut Roles,
) -> Result<RosterRow> {
    let header = |column: Option<usize>| column.and_then(|c| table.headers.get(c).cloned());
    let mut result = RosterRow {
        line: row.line,
        name: String::new(),
        email: row.cell(mapping.email).to_owned(),
        role: row.cell(mapping.role).to_owned(),
        department: row.cell(mapping.department).to_owned(),
        outcome: RosterOutcome::Rejected,
        detail: String::new(),
        column: None,
    };
    result.name = row_name(row, mapping);
    let values = match read_values(row, mapping) {
        Ok(values) => values,
        Err((column, message)) => {
            result.detail = message;
            result.column = header(column);
            return Ok(result);
        }
    };

    let key = if values.email.is_empty() {
        format!("name:{}", values.name.to_lowercase())
    } else {
        format!("email:{}", values.email.to_lowercase())
    };
    if let Some(first) = seen.insert(key, row.line) {
        result.detail = format!("the same person is already on row {first} of this file");
        result.column = header(if values.email.is_empty() {
            mapping.name
        } else {
            mapping.email
        });
        return Ok(result);
    }

    let existing = match find_existing(tx, &values)? {
        Ok(existing) => existing,
        Err(message) => {
            result.detail = message;
            result.column = header(mapping.name.or(mapping.last_name));
            return Ok(result);
        }
    };

    let role_id = if values.role.is_empty() {
        None
    } else {
        Some(roles.id(tx, &values.role)?)
    };

    let outcome = match &existing {
        None => {
            let draft = PersonDraft {
                name: values.name.clone(),
                role_id,
                department: values.department.clone(),
                email: values.email.clone(),
                super_user: values.super_user.unwrap_or(false),
                active: values.active.unwrap_or(true),
            };
            add_person(tx, &mut roles.names, &draft).map(|_| (RosterOutcome::Added, String::new()))
        }
        Some(person) => {
            // Empty cells leave what the directory knows as it is.
            let mut draft = person.draft();
            draft.name = values.name.clone();
            if role_id.is_some() {
                draft.role_id = role_id;
            }
            if !values.department.is_empty() {
                draft.department = values.department.clone();
            }
            if !values.email.is_empty() {
                draft.email = values.email.clone();
            }
            draft.super_user = values.super_user.unwrap_or(draft.super_user);
            draft.active = values.active.unwrap_or(draft.active);
            if draft == person.draft() {
                Ok((RosterOutcome::Unchanged, String::new()))
            } else {
                update_person_in(tx, &mut roles.names, person, &draft)
                    .map(|updated| (RosterOutcome::Updated, describe_update(person, &updated)))
            }
        }
    };
    match outcome {
        Ok((outcome, detail)) => {
            result.outcome = outcome;
            result.detail = detail;
        }
        Err(CoreError::Validation(errors)) => {
            let first = errors.into_iter().next();
            result.detail = first
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default();
            result.column = first.and_then(|e| match e.field.as_str() {
                "email" => header(mapping.email),
                "department" => header(mapping.department),
                _ => header(mapping.name),
            });
        }
        Err(other) => return Err(other),
    }
    Ok(result)
}

/// The directory entry this row is about: by email, else by a unique name.
fn find_existing(
    tx: &Transaction<'_>,
    values: &RowValues,
) -> Result<std::result::Result<Option<Person>, String>> {
    let ids: Vec<String> = if values.email.is_empty() {
        let mut statement = tx.prepare_cached(
            "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
        )?;
        let ids = statement.query_map(params![values.name], |row| row.get(0))?;
        ids.collect::<rusqlite::Result<_>>()?
    } else {
        // `email <> ''` lets SQLite use the partial index people_by_email; without it
        // each row of a roster scanned the whole directory.
        let mut statement = tx.prepare_cached(
            "SELECT id FROM people WHERE email = ?1 COLLATE NOCASE AND email <> ''",
        )?;
        let ids = statement.query_map(params![values.email], |row| row.get(0))?;
        ids.collect::<rusqlite::Result<_>>()?
    };
    match ids.as_slice() {
        [] => Ok(Ok(None)),
        [id] => Ok(Ok(Some(super::store::fetch_person(tx, id)?))),
        _ => Ok(Err(format!(
            "{} people are called {}: add an email column to tell them apart",
            ids.len(),
            values.name
        ))),
    }
}

fn describe_update(old: &Person, new: &Person) -> String {
    let mut changed = Vec::new();
    if old.name != new.name {
        changed.push("name");
    }
    if old.role_id != new.role_id {
        changed.push("role");
    }
    if old.department != new.department {
        changed.push("department");
    }
    if old.email != new.email {
        changed.push("email");
    }
    if old.super_user != new.super_user {
        changed.push("super-user");
    }
    if old.active != new.active {
        changed.push(if new.active {
            "reactivated"
        } else {
            "deactivated"
        });
    }
    changed.join(", ")
}
