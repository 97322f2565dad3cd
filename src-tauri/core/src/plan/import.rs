//! Importing a task list (CSV or XLSX) into a rollout's plan — the way a vendor's
//! project plan arrives, often an MS Project export.
//!
//! Rules: the title column is required; phase, owner, start, due, status, notes and
//! depends-on are recognised by their usual headers, and so are MS Project's
//! *Milestone*, *Duration* and *% Complete*. Unknown phases are added. Owners are people
//! in the staff directory (as everywhere in the plan), by name or email; a name that is
//! not, or that several people share, is settled once for all its rows
//! (`import_owners.rs`: added as an external person, given to someone, or left
//! unassigned), and while one is unsettled nothing is imported. A resource cell
//! naming several people (`Ana Rivera; Tom Becker`, `Ana Rivera[50%]`) gives the task
//! its first as owner and names the others in its notes. A 0-day task, or one marked as
//! a milestone, is a milestone. Without a status, *% Complete* sets it (0 to do, 1–99
//! doing, 100 done). "Depends on" lists titles of other rows of the file or of tasks
//! already in the plan, separated by `;` — or, in a file with an ID column, MS Project's
//! predecessors by ID with their types and lags (`3FS+2d; 5SS`, see `import_links.rs`),
//! and then titles may repeat. The import is all or nothing: every bad row
//! is found (its row, column and what is wrong, in an [`ImportProblems`]) and a file
//! with any is refused whole, listing them all; a preview lists them instead.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::import_cells::{
    is_milestone, parse_import_date, parse_status, split_resources, status_from_percent,
};
use super::import_links::{Predecessors, Target};
use super::import_owners::{resolve_owners, OwnerToResolve, Owners, TaskImportOptions};
use super::store::lookups::Lookups;
use super::store::{phases, tasks as task_rows};
use super::tasks::{add_unrecorded_task, UnrecordedTask};
use super::{find_or_insert_phase, DependencyGraph, TaskDraft, TaskKind, TaskLink, TaskStatus};
use crate::import::{find_column, ImportProblem, ImportProblems, Table};
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
    /// Each owner name of the file that is not exactly one person in the directory,
    /// once, with what the import does with it.
    pub owners: Vec<OwnerToResolve>,
    /// External people the import adds to People (the names chosen to be added).
    pub people_added: Vec<String>,
    /// Tasks imported without an owner because their owner's name was left unassigned.
    pub tasks_unassigned: usize,
    /// What is wrong with the file (the first [`crate::import::PROBLEMS_LISTED`]); an
    /// import with any is refused whole.
    pub problems: Vec<ImportProblem>,
    /// How many problems there are beyond `problems`.
    pub more_problems: usize,
    /// Whether the import can go ahead as shown: no problem, every owner name settled.
    pub can_import: bool,
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
    /// What importing `table` into the rollout's plan would do, with every owner name to
    /// settle and every problem of the file listed; writes nothing.
    pub fn preview_task_import(&self, rollout_id: &str, table: &Table) -> Result<TaskImportReport> {
        self.preview_task_import_with(rollout_id, table, &TaskImportOptions::default())
    }

    /// [`Store::preview_task_import`] with owner names settled by `options`.
    pub fn preview_task_import_with(
        &self,
        rollout_id: &str,
        table: &Table,
        options: &TaskImportOptions,
    ) -> Result<TaskImportReport> {
        self.dry_run(|tx| run(tx, rollout_id, table, options))
    }

    /// Imports `table` into the rollout's plan in one transaction, after a
    /// `before-import` backup: every row, or none when any row is wrong or an owner
    /// name is unsettled (the refusal lists them all).
    pub fn import_tasks(&self, rollout_id: &str, table: &Table) -> Result<TaskImportReport> {
        self.import_tasks_with(rollout_id, table, &TaskImportOptions::default())
    }

    /// [`Store::import_tasks`] with owner names settled by `options`: the external
    /// people chosen are added first, then the tasks, in the same transaction.
    pub fn import_tasks_with(
        &self,
        rollout_id: &str,
        table: &Table,
        options: &TaskImportOptions,
    ) -> Result<TaskImportReport> {
        self.write_after_backup(|tx| {
            let report = run(tx, rollout_id, table, options)?;
            match report.refusal(options.other_owners) {
                Some(refusal) => Err(refusal),
                None => Ok(report),
            }
        })
    }
}

fn run(
    tx: &Tx<'_>,
    rollout_id: &str,
    table: &Table,
    options: &TaskImportOptions,
) -> Result<TaskImportReport> {
    crate::rollouts::require_rollout(tx, rollout_id)?;
    let columns = find_columns(table)?;
    let predecessors = Predecessors::of(table)?;
    let mut problems = ImportProblems::new(table);
    let owners = match columns.owner {
        Some(column) => resolve_owners(tx, table, column, options, &mut problems)?,
        None => Owners::default(),
    };
    let mut tasks_unassigned = 0;
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
    // Where each title's task is in `created` (`None` for a row refused for a problem,
    // so a row naming it is not refused a second time), and the row that named it.
    let mut ids: HashMap<String, (Option<usize>, usize)> = HashMap::new();
    // Where each row's task is in `created`, by the row's line; and the rows refused for
    // their own problems (whose links are still checked, so the list is complete).
    let mut by_line: HashMap<usize, usize> = HashMap::with_capacity(table.rows.len());
    let mut refused: HashSet<usize> = HashSet::new();
    for row in &table.rows {
        let title = row.cell(Some(columns.title));
        if title.is_empty() {
            problems.push(row.line, Some(columns.title), "the task has no title");
            continue;
        }
        // By ID, links need no titles: MS Project plans repeat them ("Testing").
        let named_before = ids
            .get(&title.to_lowercase())
            .filter(|_| !predecessors.by_id());
        if let Some((_, first)) = named_before {
            problems.push(
                row.line,
                Some(columns.title),
                format!("'{title}' is already on row {first}: titles must differ so that dependencies can name them"),
            );
            continue;
        }
        let found_before = problems.total();
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
            match phase_ids.get(&key) {
                Some(id) => Some(id.clone()),
                None => match find_or_insert_phase(tx, rollout_id, phase_name) {
                    Ok(phase) => {
                        phase_ids.insert(key, phase.id.clone());
                        Some(phase.id)
                    }
                    Err(CoreError::Validation(fields)) => {
                        problems.push(row.line, columns.phase, first_message(fields));
                        None
                    }
                    Err(other) => return Err(other),
                },
            }
        };
        let mut date = |column: Option<usize>| {
            parse_import_date(row.cell(column)).unwrap_or_else(|message| {
                problems.push(row.line, column, message);
                None
            })
        };
        let (start, due) = (date(columns.start), date(columns.due));
        let status = match (row.cell(columns.status), row.cell(columns.percent_complete)) {
            ("", percent) if !percent.is_empty() => {
                status_from_percent(percent).map_err(|m| (columns.percent_complete, m))
            }
            (status, _) => parse_status(status).map_err(|m| (columns.status, m)),
        }
        .unwrap_or_else(|(column, message)| {
            problems.push(row.line, column, message);
            TaskStatus::default()
        });
        let milestone = is_milestone(row.cell(columns.milestone), row.cell(columns.duration));
        let (owner_name, others) = split_resources(row.cell(columns.owner));
        let owner = owners.owner_for(&owner_name);
        let mut notes = row.cell(columns.notes).to_owned();
        let mut note = |line: String| {
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(&line);
        };
        if owner.is_none() && owners.is_unassigned(&owner_name) {
            // The file's name stays with the task, for whoever assigns it later.
            note(format!("Owner in the file: {owner_name}"));
        }
        if !others.is_empty() {
            note(format!("Also assigned: {}", others.join(", ")));
        }
        if problems.total() > found_before {
            // The row is refused; its title is known so later rows naming it are not.
            ids.entry(title.to_lowercase()).or_insert((None, row.line));
            refused.insert(row.line);
            continue;
        }
        let unassigned = owners.is_unassigned(&owner_name);
        let draft = TaskDraft {
            title: title.to_owned(),
            phase_id,
            kind: if milestone {
                TaskKind::Milestone
            } else {
                TaskKind::Task
            },
            owner: owner.unwrap_or_default(),
            // A milestone is a day: the file's finish, or its start when that is all.
            start_date: if milestone { due.or(start) } else { start }.map(date_text),
            due_date: if milestone { due.or(start) } else { due }.map(date_text),
            status,
            percent_complete: None,
            notes,
        };
        match add_unrecorded_task(tx, &mut lookups, rollout_id, &draft) {
            Ok(task) => {
                ids.entry(title.to_lowercase())
                    .or_insert((Some(created.len()), row.line));
                by_line.insert(row.line, created.len());
                created.push(task);
                tasks_unassigned += usize::from(unassigned);
            }
            Err(CoreError::Validation(fields)) => {
                let column = match fields.first().map(|f| f.field.as_str()) {
                    Some("start_date") => columns.start,
                    Some("due_date") => columns.due,
                    Some("owner") | Some(super::UNKNOWN_OWNER_FIELD) => columns.owner,
                    _ => Some(columns.title),
                };
                problems.push(row.line, column, first_message(fields));
                ids.entry(title.to_lowercase()).or_insert((None, row.line));
                refused.insert(row.line);
            }
            Err(other) => return Err(other),
        }
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
        let index = by_line.get(&row.line).copied();
        if index.is_none() && !refused.contains(&row.line) {
            // No title, or a title already taken: refused above, nothing to link.
            continue;
        }
        let read = match predecessors.read(row) {
            Ok(read) => read,
            Err(message) => {
                problems.push(row.line, predecessors.column, message);
                continue;
            }
        };
        for predecessor in read {
            let found = match &predecessor.target {
                Target::Line(line) => match by_line.get(line) {
                    Some(&other) => Some(&created[other].id),
                    // A row refused for its own problems: already reported.
                    None if refused.contains(line) => continue,
                    None => None,
                },
                Target::Title(name) => match ids.get(&name.to_lowercase()) {
                    Some(&(Some(other), _)) => Some(&created[other].id),
                    Some(&(None, _)) => continue,
                    None => in_plan.get(&name.to_lowercase()),
                },
            };
            let Some(depends_on_id) = found else {
                let message = match &predecessor.target {
                    Target::Line(line) => format!("the task on row {line} was not imported"),
                    Target::Title(name) => {
                        format!("there is no task called '{name}' in this file or in the plan")
                    }
                };
                problems.push(row.line, predecessors.column, message);
                continue;
            };
            // A row refused for its own problems still has the tasks it names checked,
            // so the list is complete; there is no task to link.
            let Some(index) = index else {
                continue;
            };
            let link = TaskLink {
                depends_on_id: depends_on_id.clone(),
                link_type: predecessor.link_type,
                lag_days: predecessor.lag_days,
            };
            match graph.insert_for_unrecorded(tx, &created[index].id, &link) {
                Ok(Some(text)) => {
                    waits_for[index].push(text);
                    dependencies_added += 1;
                }
                Ok(None) => {}
                Err(CoreError::Validation(fields)) => {
                    problems.push(row.line, predecessors.column, first_message(fields));
                }
                Err(other) => return Err(other),
            }
        }
    }
    let tasks_added = created.len();
    for (task, waits_for) in created.into_iter().zip(waits_for) {
        task.record(tx, &waits_for)?;
    }
    let (problems, more_problems) = problems.into_parts();
    let mut report = TaskImportReport {
        file: table.file.clone(),
        tasks_added,
        dependencies_added,
        new_phases,
        people_added: owners.added,
        owners: owners.to_resolve,
        tasks_unassigned,
        problems,
        more_problems,
        can_import: false,
        notes: table.notes.clone(),
    };
    report.can_import = report.is_settled();
    Ok(report)
}

/// The first message of a validation error, as a problem of a row reads it.
fn first_message(fields: Vec<crate::FieldError>) -> String {
    fields
        .into_iter()
        .next()
        .map(|f| f.message)
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_owned()
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
