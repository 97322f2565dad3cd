//! An MSPDI plan as the table a task list from a spreadsheet becomes, with MS Project's
//! own column names, so that every rule of the task import (phases, owners, statuses,
//! milestones, links, all or nothing) applies to it unchanged.
//!
//! The outline: a top-level summary task is a phase and its tasks are in it; deeper
//! summary tasks are not tasks either, their names lead the title of the tasks under
//! them ("Interfaces › Lab results feed"), as MS Project shows the outline. Rows follow
//! the outline numbers, and each row's number is the task's ID, which is how MS Project
//! numbers its rows and names predecessors.

use std::collections::{HashMap, HashSet};

use super::read::{MsLink, MsProject, MsTask};
use crate::import::{Table, TableRow};

/// The columns, named as MS Project names them in a spreadsheet export.
pub(super) const HEADERS: [&str; 11] = [
    "ID",
    "Name",
    "Phase",
    "Start",
    "Finish",
    "Milestone",
    "% Complete",
    "Status",
    "Notes",
    "Resource Names",
    "Predecessors",
];

/// What stands between summary names in a task's title.
pub(crate) const OUTLINE_SEPARATOR: &str = " › ";

/// MS Project's "no resource" on an assignment.
const NO_RESOURCE: i64 = -65535;

/// The table of `project`'s tasks; `file` names it in messages.
pub(super) fn to_table(file: &str, mut project: MsProject) -> Result<Table, String> {
    // The project summary task (UID 0, outline level 0) is the whole plan, not a task.
    project
        .tasks
        .retain(|t| !(t.uid == 0 || t.outline_level == 0));
    // Rows in outline order; a file without outline numbers keeps its own order.
    if project.tasks.iter().all(|t| !t.outline_number.is_empty()) {
        project
            .tasks
            .sort_by(|a, b| a.outline_number.cmp(&b.outline_number));
    }
    let tasks = &project.tasks;
    let summary: Vec<bool> = (0..tasks.len())
        .map(|at| {
            tasks[at].summary
                || tasks
                    .get(at + 1)
                    .is_some_and(|next| next.outline_level > tasks[at].outline_level)
        })
        .collect();
    let ids = row_ids(tasks);
    let mut by_uid: HashMap<i64, usize> = HashMap::new();
    for (at, task) in tasks.iter().enumerate() {
        if by_uid.insert(task.uid, at).is_some() {
            return Err(format!(
                "two tasks have the UID {} ('{}' is the second)",
                task.uid, task.name
            ));
        }
    }
    let resources = resource_names(&project)?;
    let mut notes = Notes::default();
    // The names of the summary tasks above the current row, top level first.
    let mut outline: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    for (at, task) in tasks.iter().enumerate() {
        outline.truncate(task.outline_level.saturating_sub(1));
        if summary[at] {
            outline.push(&task.name);
            notes.summary_links += task.links.len();
            continue;
        }
        let (phase, title) = match outline.split_first() {
            Some((phase, [])) => (phase.to_string(), task.name.clone()),
            Some((phase, deeper)) => (
                phase.to_string(),
                format!(
                    "{}{OUTLINE_SEPARATOR}{}",
                    deeper.join(OUTLINE_SEPARATOR),
                    task.name
                ),
            ),
            None => (String::new(), task.name.clone()),
        };
        let mut predecessors = Vec::new();
        for link in &task.links {
            let Some(&from) = by_uid.get(&link.predecessor_uid) else {
                return Err(format!(
                    "the task '{}' (UID {}) follows the task UID {}, which is not in the file",
                    task.name, task.uid, link.predecessor_uid
                ));
            };
            if summary[from] {
                notes.summary_links += 1;
                continue;
            }
            notes.percent_lags += usize::from(link.percent_lag);
            predecessors.push(predecessor_text(ids[from], link));
        }
        notes.constraints += usize::from(task.constrained);
        let cells = vec![
            ids[at].to_string(),
            title,
            phase,
            task.start.map(|d| d.to_string()).unwrap_or_default(),
            task.finish.map(|d| d.to_string()).unwrap_or_default(),
            if task.milestone { "Yes" } else { "No" }.to_owned(),
            task.percent_complete.clone(),
            task.status.clone(),
            task.notes.clone(),
            resources.get(&task.uid).cloned().unwrap_or_default(),
            predecessors.join("; "),
        ];
        rows.push(TableRow {
            line: usize::try_from(ids[at]).unwrap_or(0),
            cells,
        });
    }
    if rows.is_empty() {
        return Err("the plan has no tasks (only summary tasks, or none at all)".into());
    }
    Ok(Table {
        file: file.to_owned(),
        headers: HEADERS.map(String::from).into(),
        rows,
        notes: notes.sentences(),
    })
}

/// Each task's row number: its ID, unless some task lacks one or two share one, when
/// the tasks are numbered in outline order as MS Project would renumber them.
fn row_ids(tasks: &[MsTask]) -> Vec<i64> {
    let mut seen = HashSet::new();
    let usable = tasks
        .iter()
        .all(|t| t.id.is_some_and(|id| id > 0 && seen.insert(id)));
    tasks
        .iter()
        .zip(1..)
        .map(|(task, position)| match task.id {
            Some(id) if usable => id,
            _ => position,
        })
        .collect()
}

/// "3", "3SS", "3FS+2d", "5FF-1d": a link as MS Project's Predecessors column writes it.
fn predecessor_text(id: i64, link: &MsLink) -> String {
    match (link.kind.code(), link.lag_days) {
        ("FS", 0) => id.to_string(),
        (kind, 0) => format!("{id}{kind}"),
        (kind, lag) => format!("{id}{kind}{lag:+}d"),
    }
}

/// Each task's resource cell: the first assignment's resource first (by email when the
/// file has one, which matches the directory most surely), the others by name after
/// `;`, as MS Project's Resource Names column lists them.
fn resource_names(project: &MsProject) -> Result<HashMap<i64, String>, String> {
    let by_uid: HashMap<i64, _> = project.resources.iter().map(|r| (r.uid, r)).collect();
    let task_name = |uid: i64| {
        project
            .tasks
            .iter()
            .find(|t| t.uid == uid)
            .map_or_else(String::new, |t| format!("'{}' ", t.name))
    };
    let mut cells: HashMap<i64, Vec<String>> = HashMap::new();
    for assignment in &project.assignments {
        if assignment.resource_uid == NO_RESOURCE {
            continue;
        }
        let Some(resource) = by_uid.get(&assignment.resource_uid) else {
            return Err(format!(
                "the task {}(UID {}) is assigned to the resource UID {}, which is not in the file",
                task_name(assignment.task_uid),
                assignment.task_uid,
                assignment.resource_uid
            ));
        };
        let names = cells.entry(assignment.task_uid).or_default();
        let name = match (names.is_empty(), resource.email.is_empty()) {
            (true, false) => resource.email.clone(),
            _ => resource.name.clone(),
        };
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    Ok(cells
        .into_iter()
        .map(|(task, names)| (task, names.join("; ")))
        .collect())
}

/// What the plan does not take from the file, counted for one sentence each.
#[derive(Default)]
struct Notes {
    constraints: usize,
    summary_links: usize,
    percent_lags: usize,
}

impl Notes {
    fn sentences(&self) -> Vec<String> {
        let mut sentences = Vec::new();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if self.constraints > 0 {
            sentences.push(format!(
                "{} task{} had a date constraint in Microsoft Project (such as \"Must start \
                 on\"); the plan keeps the dates, not the constraint.",
                self.constraints,
                plural(self.constraints)
            ));
        }
        if self.summary_links > 0 {
            sentences.push(format!(
                "{} link{} to or from summary tasks {} left out: summary tasks become \
                 phases, which have no links.",
                self.summary_links,
                plural(self.summary_links),
                if self.summary_links == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        if self.percent_lags > 0 {
            sentences.push(format!(
                "{} link{} had a lag given as a percentage; {} read as no lag.",
                self.percent_lags,
                plural(self.percent_lags),
                if self.percent_lags == 1 {
                    "it is"
                } else {
                    "they are"
                }
            ));
        }
        sentences
    }
}
