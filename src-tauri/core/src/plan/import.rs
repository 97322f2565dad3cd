//! Importing a task list (CSV or XLSX) into a rollout's plan — the way a vendor's
//! project plan arrives, often an MS Project export.
//!
//! Rules: the title column is required; phase, owner, start, due, status, notes and
//! depends-on are recognised by their usual headers, and so are MS Project's
//! *Milestone*, *Duration* and *% Complete*. Unknown phases are added. Owners must be in
//! the staff directory (as everywhere in the plan), by name or email: a file naming
//! anyone who is not is refused with every such name listed once, so the roster is
//! imported first. A resource cell
//! naming several people (`Ana Rivera; Tom Becker`, `Ana Rivera[50%]`) gives the task
//! its first as owner and names the others in its notes. A 0-day task, or one marked as
//! a milestone, is a milestone. Without a status, *% Complete* sets it (0 to do, 1–99
//! doing, 100 done). "Depends on" lists titles of other rows of the file or of tasks
//! already in the plan, separated by `;` — or, in a file with an ID column, MS Project's
//! predecessors by ID with their types and lags (`3FS+2d; 5SS`, see `import_links.rs`),
//! and then titles may repeat. The import is all or nothing: the first bad
//! row stops it, naming the file, row and column.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::import_cells::{
    is_milestone, parse_import_date, parse_status, split_resources, status_from_percent,
};
use super::import_links::{Predecessors, Target};
use super::import_owners::check_owners;
use super::store::lookups::Lookups;
use super::store::{phases, tasks as task_rows};
use super::tasks::{add_unrecorded_task, UnrecordedTask};
use super::{find_or_insert_phase, DependencyGraph, TaskDraft, TaskKind, TaskLink};
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
    /// What the file held that the plan does not keep (a Microsoft Project plan's
    /// constraints, say), one sentence each.
    pub notes: Vec<String>,
}

struct Columns {
    title: usize,
    phase: Option<usize>,
    owner: Option<usize>,
    start: Option<usize>,
    due: Option<usize>,
    status: Option<usize>,
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
    let predecessors = Predecessors::of(table)?;
    if let Some(owner) = columns.owner {
        check_owners(tx, table, owner)?;
    }
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
    // Where each row's task is in `created`, by the row's line.
    let mut by_line: HashMap<usize, usize> = HashMap::with_capacity(table.rows.len());
    for row in &table.rows {
        let title = row.cell(Some(columns.title));
        if title.is_empty() {
            return Err(refuse(
                row,
                Some(columns.title),
                "the task has no title".into(),
            ));
        }
        // By ID, links need no titles: MS Project plans repeat them ("Testing").
        let named_before = ids
            .get(&title.to_lowercase())
            .filter(|_| !predecessors.by_id());
        if let Some((_, first)) = named_before {
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
        ids.entry(title.to_lowercase())
            .or_insert((created.len(), row.line));
        by_line.insert(row.line, created.len());
        created.push(task);
    }
    let in_plan = task_rows::live_ids_by_title(tx, rollout_id)?;
    let mut graph = DependencyGraph::load(tx, rollout_id)?;
    for task in &created {
        graph.know(&task.id, &task.title);
    }
    let mut dependencies_added = 0;
    // What each task of `created` waits for, as its history says it.
    let mut waits_for: Vec<Vec<String>> = vec![Vec::new(); created.len()];
    for row in &table.rows {
        let Some(&index) = by_line.get(&row.line) else {
            continue;
        };
        let task_id = &created[index].id;
        let read = predecessors
            .read(row)
            .map_err(|message| refuse(row, predecessors.column, message))?;
        for predecessor in read {
            let found = match &predecessor.target {
                Target::Line(line) => by_line.get(line).map(|&other| &created[other].id),
                Target::Title(name) => ids
                    .get(&name.to_lowercase())
                    .map(|&(other, _)| &created[other].id)
                    .or_else(|| in_plan.get(&name.to_lowercase())),
            };
            let depends_on_id = found.ok_or_else(|| {
                let message = match &predecessor.target {
                    Target::Line(line) => format!("the task on row {line} was not imported"),
                    Target::Title(name) => {
                        format!("there is no task called '{name}' in this file or in the plan")
                    }
                };
                refuse(row, predecessors.column, message)
            })?;
            let link = TaskLink {
                depends_on_id: depends_on_id.clone(),
                link_type: predecessor.link_type,
                lag_days: predecessor.lag_days,
            };
            let added =
                graph
                    .insert_for_unrecorded(tx, task_id, &link)
                    .map_err(|error| match error {
                        CoreError::Validation(fields) => refuse(
                            row,
                            predecessors.column,
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
            if let Some(text) = added {
                waits_for[index].push(text);
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
        notes: table.notes.clone(),
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
        notes: find(&["notes", "note", "comments"]),
        milestone: find(&["milestone"]),
        duration: find(&["duration"]),
        percent_complete: find(&["% complete", "percent complete", "% done"]),
    })
}
