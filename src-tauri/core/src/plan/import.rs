//! Importing a task list (CSV or XLSX) into a rollout's plan — the way a vendor's
//! project plan arrives, often an MS Project export.
//!
//! Rules: the title column is required; phase, owner, start, due, status, notes and
//! depends-on are recognised by their usual headers, and so are MS Project's
//! *Milestone*, *Duration* and *% Complete*. Unknown phases are added. Owners must be in
//! the staff directory (as everywhere in the plan), by name or email: a row naming
//! someone who is not is refused, so the roster is imported first. A resource cell
//! naming several people (`Ana Rivera; Tom Becker`, `Ana Rivera[50%]`) gives the task
//! its first as owner and names the others in its notes. A 0-day task, or one marked as
//! a milestone, is a milestone. Without a status, *% Complete* sets it (0 to do, 1–99
//! doing, 100 done). "Depends on" lists titles of other rows of the file or of tasks
//! already in the plan, separated by `;`. The import is all or nothing: the first bad
//! row stops it, naming the file, row and column.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::store::lookups::Lookups;
use super::store::{phases, tasks as task_rows};
use super::tasks::{add_unrecorded_task, UnrecordedTask};
use super::{find_or_insert_phase, DependencyGraph, TaskDraft, TaskKind, TaskStatus};
use crate::import::{find_column, Table, TableRow};
use crate::store::Tx;
use crate::time::date_text;
use crate::{CoreError, Result, Store};

/// What a task import does, or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskImportReport {
    pub file: String,
    pub tasks_added: usize,
    pub dependencies_added: usize,
    /// Phases the file names that the plan did not have yet (added by the import).
    pub new_phases: Vec<String>,
}

struct Columns {
    title: usize,
    phase: Option<usize>,
    owner: Option<usize>,
    start: Option<usize>,
    due: Option<usize>,
    status: Option<usize>,
    depends_on: Option<usize>,
    notes: Option<usize>,
    milestone: Option<usize>,
    duration: Option<usize>,
    percent_complete: Option<usize>,
}

impl Store {
    /// What importing `table` into the rollout's plan would do; writes nothing.
    pub fn preview_task_import(&self, rollout_id: &str, table: &Table) -> Result<TaskImportReport> {
        self.dry_run(|tx| run(tx, rollout_id, table))
    }

    /// Imports `table` into the rollout's plan in one transaction, after a
    /// `before-import` backup: every row, or none.
    pub fn import_tasks(&self, rollout_id: &str, table: &Table) -> Result<TaskImportReport> {
        self.write_after_backup(|tx| run(tx, rollout_id, table))
    }
}

fn run(tx: &Tx<'_>, rollout_id: &str, table: &Table) -> Result<TaskImportReport> {
    crate::rollouts::require_rollout(tx, rollout_id)?;
    let columns = find_columns(table)?;
    let refuse = |row: &TableRow, column: Option<usize>, message: String| CoreError::Import {
        file: table.file.clone(),
        row: Some(row.line),
        column: column.and_then(|c| table.headers.get(c).cloned()),
        message: format!("{message} (nothing was imported)"),
    };
    let known_phases: HashSet<String> = phases::list_live(tx, rollout_id)?
        .into_iter()
        .map(|phase| phase.name.to_lowercase())
        .collect();
    let mut new_phases = Vec::new();
    // The phase each name found or added, so the rows after it ask nobody; keyed as
    // SQLite's NOCASE compares names, which is how the phase was looked up.
    let mut phase_ids: HashMap<String, String> = HashMap::new();
    let mut lookups = Lookups::default();
    // The file's tasks in row order. Their creation is recorded once the tasks each waits
    // for are known too: one history entry a task.
    let mut created: Vec<UnrecordedTask> = Vec::with_capacity(table.rows.len());
    // Where each title's task is in `created`, and the row that named it.
    let mut ids: HashMap<String, (usize, usize)> = HashMap::new();
    for row in &table.rows {
        let title = row.cell(Some(columns.title));
        if title.is_empty() {
            return Err(refuse(
                row,
                Some(columns.title),
                "the task has no title".into(),
            ));
        }
        if let Some((_, first)) = ids.get(&title.to_lowercase()) {
            return Err(refuse(
                row,
                Some(columns.title),
                format!("'{title}' is already on row {first}: titles must differ so that dependencies can name them"),
            ));
        }
        let phase_name = row.cell(columns.phase);
        let phase_id = if phase_name.is_empty() {
            None
        } else {
            if !known_phases.contains(&phase_name.to_lowercase())
                && !new_phases
                    .iter()
                    .any(|p: &String| p.eq_ignore_ascii_case(phase_name))
            {
                new_phases.push(phase_name.to_owned());
            }
            let key = phase_name.trim().to_ascii_lowercase();
            Some(match phase_ids.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let id = find_or_insert_phase(tx, rollout_id, phase_name)?.id;
                    phase_ids.insert(key, id.clone());
                    id
                }
            })
        };
        let date = |column: Option<usize>| {
            parse_import_date(row.cell(column)).map_err(|message| refuse(row, column, message))
        };
        let (start, due) = (date(columns.start)?, date(columns.due)?);
        let status = match (row.cell(columns.status), row.cell(columns.percent_complete)) {
            ("", percent) if !percent.is_empty() => status_from_percent(percent)
                .map_err(|m| refuse(row, columns.percent_complete, m))?,
            (status, _) => parse_status(status).map_err(|m| refuse(row, columns.status, m))?,
        };
        let milestone = is_milestone(row.cell(columns.milestone), row.cell(columns.duration));
        let (owner, others) = split_resources(row.cell(columns.owner));
        let mut notes = row.cell(columns.notes).to_owned();
        if !others.is_empty() {
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(&format!("Also assigned: {}", others.join(", ")));
        }
        let draft = TaskDraft {
            title: title.to_owned(),
            phase_id,
            kind: if milestone {
                TaskKind::Milestone
            } else {
                TaskKind::Task
            },
            owner,
            // A milestone is a day: the file's finish, or its start when that is all.
            start_date: if milestone { due.or(start) } else { start }.map(date_text),
            due_date: if milestone { due.or(start) } else { due }.map(date_text),
            status,
            notes,
        };
        let task =
            add_unrecorded_task(tx, &mut lookups, rollout_id, &draft).map_err(
                |error| match error {
                    CoreError::Validation(fields) => {
                        let first = fields.into_iter().next();
                        let column = match first.as_ref().map(|f| f.field.as_str()) {
                            Some("start_date") => columns.start,
                            Some("due_date") => columns.due,
                            Some("owner") | Some(super::UNKNOWN_OWNER_FIELD) => columns.owner,
                            _ => Some(columns.title),
                        };
                        let message = first.map(|f| f.message).unwrap_or_default();
                        refuse(row, column, message.trim_end_matches('.').to_owned())
                    }
                    other => other,
                },
            )?;
        ids.insert(title.to_lowercase(), (created.len(), row.line));
        created.push(task);
    }
    let in_plan = task_rows::live_ids_by_title(tx, rollout_id)?;
    let mut graph = DependencyGraph::load(tx, rollout_id)?;
    for task in &created {
        graph.know(&task.id, &task.title);
    }
    let mut dependencies_added = 0;
    // The titles each task of `created` waits for.
    let mut waits_for: Vec<Vec<String>> = vec![Vec::new(); created.len()];
    for row in &table.rows {
        let Some(&(index, _)) = ids.get(&row.cell(Some(columns.title)).to_lowercase()) else {
            continue;
        };
        let task_id = &created[index].id;
        for name in row
            .cell(columns.depends_on)
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let predecessor = ids
                .get(&name.to_lowercase())
                .map(|&(other, _)| &created[other].id)
                .or_else(|| in_plan.get(&name.to_lowercase()))
                .ok_or_else(|| {
                    refuse(
                        row,
                        columns.depends_on,
                        format!("there is no task called '{name}' in this file or in the plan"),
                    )
                })?;
            let added = graph
                .insert_for_unrecorded(tx, task_id, predecessor)
                .map_err(|error| match error {
                    CoreError::Validation(fields) => refuse(
                        row,
                        columns.depends_on,
                        fields
                            .into_iter()
                            .next()
                            .map(|f| f.message)
                            .unwrap_or_default()
                            .trim_end_matches('.')
                            .to_owned(),
                    ),
                    other => other,
                })?;
            if let Some(title) = added {
                waits_for[index].push(title);
                dependencies_added += 1;
            }
        }
    }
    let tasks_added = created.len();
    for (task, waits_for) in created.into_iter().zip(waits_for) {
        task.record(tx, &waits_for)?;
    }
    Ok(TaskImportReport {
        file: table.file.clone(),
        tasks_added,
        dependencies_added,
        new_phases,
    })
}

fn find_columns(table: &Table) -> Result<Columns> {
    let find = |names: &[&str]| find_column(&table.headers, names);
    let title = find(&["title", "task", "task name", "name", "summary"]).ok_or_else(|| {
        CoreError::Import {
            file: table.file.clone(),
            row: None,
            column: Some("Title".into()),
            message: format!(
            "the column 'Title' is missing (a header such as Title, Task or Task name); found {}",
            table.headers.join(", ")
        ),
        }
    })?;
    Ok(Columns {
        title,
        phase: find(&["phase", "stage", "workstream"]),
        owner: find(&[
            "owner",
            "assigned to",
            "resource names",
            "resource",
            "responsible",
        ]),
        start: find(&["start", "start date", "begin"]),
        due: find(&[
            "due",
            "due date",
            "finish",
            "finish date",
            "end",
            "end date",
        ]),
        status: find(&["status", "state"]),
        depends_on: find(&["depends on", "dependencies", "predecessors", "depends"]),
        notes: find(&["notes", "note", "comments"]),
        milestone: find(&["milestone"]),
        duration: find(&["duration"]),
        percent_complete: find(&["% complete", "percent complete", "% done"]),
    })
}

/// A date cell: YYYY-MM-DD (what a spreadsheet's date cells read as), or the US
/// month/day/year a clinic's spreadsheet shows (3/2/2026, 3/2/26, and MS Project's
/// "Mon 3/2/26"). A bare number is an Excel serial date that lost its formatting.
pub(crate) fn parse_import_date(text: &str) -> std::result::Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(format!(
            "'{text}' looks like an Excel serial date: format the column as dates in the \
             spreadsheet, or write YYYY-MM-DD"
        ));
    }
    let without_weekday = match text.split_once(' ') {
        Some((first, rest)) if first.chars().all(char::is_alphabetic) => rest.trim(),
        _ => text,
    };
    let date_part = without_weekday.split_whitespace().next().unwrap_or("");
    // chrono reads "26" as the year 26 under %Y, so the year's width picks the format.
    let two_digit_year = date_part
        .rsplit('/')
        .next()
        .is_some_and(|year| year.len() == 2);
    let format = match (date_part.contains('/'), two_digit_year) {
        (false, _) => "%Y-%m-%d",
        (true, false) => "%m/%d/%Y",
        (true, true) => "%m/%d/%y",
    };
    NaiveDate::parse_from_str(date_part, format)
        .ok()
        .map(Some)
        .ok_or_else(|| {
            format!("'{text}' is not a date: write YYYY-MM-DD or month/day/year (e.g. 3/31/2026)")
        })
}

/// A resource cell as MS Project writes it — `Ana Rivera; Tom Becker`, `Ana
/// Rivera[50%]` — as the owner and everyone else it names. Only `;` separates: a comma
/// is as likely to be "Rivera, Ana".
fn split_resources(cell: &str) -> (String, Vec<String>) {
    let mut names = cell
        .split(';')
        .map(|name| match name.find('[') {
            // "[50%]": the share of the person's time, not part of the name.
            Some(at) if name.trim_end().ends_with(']') => name[..at].trim(),
            _ => name.trim(),
        })
        .filter(|name| !name.is_empty())
        .map(str::to_owned);
    let owner = names.next().unwrap_or_default();
    (owner, names.collect())
}

/// Whether a row is a milestone: its *Milestone* column says yes, or its *Duration* is
/// none at all ("0", "0d", "0 days", "0 hrs"), as MS Project marks one.
fn is_milestone(milestone: &str, duration: &str) -> bool {
    let flagged = matches!(
        milestone.trim().to_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "x"
    );
    let number: String = duration
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let zero_length = !number.is_empty() && number.parse::<f64>().is_ok_and(|n| n == 0.0);
    flagged || zero_length
}

/// The status a *% Complete* cell ("45%", "45") gives: 0 to do, 1–99 doing, 100 done.
fn status_from_percent(text: &str) -> std::result::Result<TaskStatus, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(0.0) => Ok(TaskStatus::Todo),
        Ok(100.0) => Ok(TaskStatus::Done),
        Ok(p) if p > 0.0 && p < 100.0 => Ok(TaskStatus::Doing),
        _ => Err(format!(
            "'{text}' is not a percentage from 0 to 100 (% Complete sets the status)"
        )),
    }
}

fn parse_status(text: &str) -> std::result::Result<TaskStatus, String> {
    Ok(match text.to_lowercase().as_str() {
        "" | "todo" | "to do" | "not started" | "open" | "planned" => TaskStatus::Todo,
        "doing" | "in progress" | "started" | "active" => TaskStatus::Doing,
        "blocked" | "on hold" | "waiting" => TaskStatus::Blocked,
        "done" | "complete" | "completed" | "closed" | "100%" => TaskStatus::Done,
        _ => {
            return Err(format!(
                "the status '{text}' is not one of to do, in progress, blocked, done"
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_the_ways_spreadsheets_write_them() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2);
        assert_eq!(parse_import_date("2026-03-02"), Ok(day));
        assert_eq!(parse_import_date("2026-03-02 00:00"), Ok(day));
        assert_eq!(parse_import_date("3/2/2026"), Ok(day));
        assert_eq!(parse_import_date("Mon 3/2/26"), Ok(day));
        assert_eq!(parse_import_date(""), Ok(None));
        assert!(parse_import_date("13/31/2026").is_err_and(|m| m.contains("is not a date")));
        assert!(parse_import_date("46082").is_err_and(|m| m.contains("Excel serial date")));
    }

    #[test]
    fn resource_cells_give_an_owner_and_the_others() {
        let names = |cell: &str| split_resources(cell);
        assert_eq!(names(""), (String::new(), vec![]));
        assert_eq!(names("Ana Rivera[50%]"), ("Ana Rivera".into(), vec![]));
        assert_eq!(
            names(" Ana Rivera ; Tom Becker[25%];"),
            ("Ana Rivera".into(), vec!["Tom Becker".to_owned()])
        );
        assert_eq!(
            names("Rivera, Ana"),
            ("Rivera, Ana".into(), vec![]),
            "a comma is part of a name"
        );
    }

    #[test]
    fn milestones_and_percent_complete_read_as_ms_project_writes_them() {
        assert!(is_milestone("", "0 days"));
        assert!(is_milestone("", "0d"));
        assert!(is_milestone("Yes", "3 days"));
        assert!(!is_milestone("No", "0.5 days"));
        assert!(!is_milestone("", ""));
        assert_eq!(status_from_percent("0%"), Ok(TaskStatus::Todo));
        assert_eq!(status_from_percent("1"), Ok(TaskStatus::Doing));
        assert_eq!(status_from_percent("99.5%"), Ok(TaskStatus::Doing));
        assert_eq!(status_from_percent("100%"), Ok(TaskStatus::Done));
        assert!(status_from_percent("-5%").is_err());
        assert!(status_from_percent("half").is_err());
    }
}
