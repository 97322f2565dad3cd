//! Applying a roster to the directory, row by row: each row is matched to the person it
//! is about (by email, or by a unique name), then added, updated, left unchanged or
//! rejected with the reason and the column. The same code runs for a preview (rolled
//! back) and for the import.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::impact::Before;
use super::meanings::Meanings;
use super::values::{read_values, row_name, RowValues};
use super::{RosterMapping, RosterOutcome, RosterReport, RosterRow};
use crate::import::{Table, TableRow};
use crate::people::store::people as person_rows;
use crate::people::store::roles::{self as role_rows, RoleNames};
use crate::people::{add_person, insert_role, update_person_in, Person, PersonDraft};
use crate::store::Tx;
use crate::training::assign_missing_records;
use crate::{CoreError, Result};

/// Settles what the file's titles and statuses mean, matches and applies every row of
/// `table` inside the caller's transaction (rolled back for a preview), assigns new
/// staff the training their roles require, and says what that did to each rollout's
/// training and readiness. What the person chose is remembered (a preview's memory is
/// rolled back with the rest).
pub(super) fn run(
    tx: &Tx<'_>,
    table: &Table,
    mapping: &RosterMapping,
    today: NaiveDate,
) -> Result<RosterReport> {
    let before = Before::read(tx, today)?;
    let (meanings, mapping) = Meanings::settle(tx, table, mapping)?;
    let mapping = &mapping;
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
        titles: Vec::new(),
        statuses: Vec::new(),
        undecided_statuses: meanings.undecided(),
        role_moves: Vec::new(),
        training_impact: Vec::new(),
    };
    // Which row of this file already claimed a person, so a repeated row is caught.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut roles = Roles {
        meanings: &meanings,
        ids: HashMap::new(),
        added: Vec::new(),
        added_ids: HashMap::new(),
        names: RoleNames::default(),
    };
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
    meanings.remember(tx, &roles.added_ids)?;
    report.new_roles = roles.added;
    // New staff get the training their role requires, in the same transaction.
    assign_missing_records(tx)?;
    (report.role_moves, report.training_impact) = before.compare(tx, today)?;
    report.titles = meanings.title_reports;
    report.statuses = meanings.status_reports;
    Ok(report)
}

/// The roles the file's titles mean, each looked up (or added) once: a roster names a
/// handful of titles over hundreds of rows.
struct Roles<'a> {
    meanings: &'a Meanings,
    /// By title in lower case.
    ids: HashMap<String, String>,
    /// Roles added for titles that meant no role yet, in the order first named.
    added: Vec<String>,
    /// The id of each role added, by title in lower case (remembered for next time).
    added_ids: HashMap<String, String>,
    /// Each role's name by id, for checking and describing the rows' people.
    names: RoleNames,
}

impl Roles<'_> {
    fn id(&mut self, tx: &Tx<'_>, title: &str) -> Result<String> {
        let key = title.trim().to_lowercase();
        if let Some(id) = self.ids.get(&key) {
            return Ok(id.clone());
        }
        let id = match self.meanings.role_of(title) {
            Some(id) => id,
            // A new role on purpose: the title is its name (unless a role of that name
            // exists after all, say one added for an earlier row).
            None => match role_rows::find_by_name(tx, title)? {
                Some((id, _)) => id,
                None => {
                    let id = insert_role(tx, title)?;
                    self.added.push(title.trim().to_owned());
                    self.added_ids.insert(key.clone(), id.clone());
                    id
                }
            },
        };
        self.ids.insert(key, id.clone());
        Ok(id)
    }
}

fn plan_row(
    tx: &Tx<'_>,
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
    let values = match read_values(row, mapping, roles.meanings) {
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
                external: false,
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

/// The directory entry this row is about: by email, else by a unique name. External
/// people (vendor staff) are not on HR's roster, so a roster never matches, changes or
/// deactivates them.
fn find_existing(
    tx: &Tx<'_>,
    values: &RowValues,
) -> Result<std::result::Result<Option<Person>, String>> {
    let ids = if values.email.is_empty() {
        person_rows::staff_ids_named(tx, &values.name)?
    } else {
        person_rows::staff_ids_with_email(tx, &values.email)?
    };
    match ids.as_slice() {
        [] => Ok(Ok(None)),
        [id] => Ok(Ok(Some(person_rows::fetch(tx, id)?))),
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
