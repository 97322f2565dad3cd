//! Changing many tasks' dates at once — a go-live move, the tasks that wait for a late
//! one — and taking such a change back. A change is written with each task's history
//! entry and remembers, for its Undo, the dates it replaced and the version it left each
//! row at: Undo puts back exactly those dates, and only if nobody has edited the rows
//! since (otherwise it would overwrite that edit without a word).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::tasks::fetch;
use super::TaskKind;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::write_go_live;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

/// One task's dates before and after a change of the plan's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskShift {
    pub task_id: String,
    pub title: String,
    pub kind: TaskKind,
    pub old_start: Option<NaiveDate>,
    pub old_due: Option<NaiveDate>,
    pub new_start: Option<NaiveDate>,
    pub new_due: Option<NaiveDate>,
    /// The task's version the change was worked out from.
    pub row_version: i64,
}

/// What Undo needs to take a change of the plan's dates back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DatesUndo {
    pub rollout_id: String,
    /// The rollout's go-live as it was, when the change moved it.
    pub go_live: Option<GoLiveUndo>,
    pub tasks: Vec<TaskDatesUndo>,
}

/// The go-live date a change replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GoLiveUndo {
    pub go_live_date: Option<NaiveDate>,
    /// The rollout's version right after the change.
    pub row_version: i64,
}

/// The dates a change replaced on one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskDatesUndo {
    pub task_id: String,
    pub title: String,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// The task's version right after the change.
    pub row_version: i64,
}

/// Writes `shifts` (each refused as a conflict if its task moved on from the version it
/// was worked out from), with a history entry each; returns what undoes them.
pub(super) fn write_shifts(
    tx: &Transaction<'_>,
    at: &str,
    shifts: &[TaskShift],
) -> Result<Vec<TaskDatesUndo>> {
    let mut update = tx.prepare_cached(
        "UPDATE plan_tasks SET start_date = ?1, due_date = ?2, updated_at = ?3,
             row_version = row_version + 1
         WHERE id = ?4 AND row_version = ?5 AND deleted_at IS NULL",
    )?;
    let mut undo = Vec::with_capacity(shifts.len());
    for shift in shifts {
        let changed = update.execute(params![
            shift.new_start.map(date_text),
            shift.new_due.map(date_text),
            at,
            shift.task_id,
            shift.row_version
        ])?;
        if changed == 0 {
            return Err(CoreError::Conflict(format!(
                "'{}' was changed elsewhere meanwhile; nothing was moved. Look again and retry.",
                shift.title
            )));
        }
        record_dates(
            tx,
            at,
            &shift.task_id,
            (shift.old_start, shift.old_due),
            (shift.new_start, shift.new_due),
        )?;
        undo.push(TaskDatesUndo {
            task_id: shift.task_id.clone(),
            title: shift.title.clone(),
            start_date: shift.old_start,
            due_date: shift.old_due,
            row_version: shift.row_version + 1,
        });
    }
    Ok(undo)
}

fn record_dates(
    tx: &Transaction<'_>,
    at: &str,
    task_id: &str,
    old: (Option<NaiveDate>, Option<NaiveDate>),
    new: (Option<NaiveDate>, Option<NaiveDate>),
) -> Result<()> {
    let text = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let mut changes = ChangeSet::default();
    changes.compare("start_date", text(old.0), text(new.0));
    changes.compare("due_date", text(old.1), text(new.1));
    audit::record(
        tx,
        at,
        EntityKind::PlanTask,
        task_id,
        AuditAction::Update,
        &changes.into_changes(),
    )
}

impl Store {
    /// Takes back a change of the plan's dates: every task, and go-live if it moved, gets
    /// its previous dates, in one transaction with a history entry each. Refused, with
    /// nothing written, if any of them was edited since the change.
    pub fn undo_plan_dates(&self, undo: &DatesUndo) -> Result<()> {
        self.write(|tx| {
            let at = timestamp_text(now());
            let mut current = HashMap::new();
            for task in &undo.tasks {
                let found = fetch(tx, &task.task_id)?;
                if found.rollout_id != undo.rollout_id {
                    return Err(CoreError::invalid(
                        "undo",
                        format!("'{}' belongs to another rollout's plan.", found.title),
                    ));
                }
                if found.deleted_at.is_some() || found.row_version != task.row_version {
                    return Err(edited_since(&found.title));
                }
                current.insert(task.task_id.as_str(), (found.start_date, found.due_date));
            }
            let mut restore = tx.prepare_cached(
                "UPDATE plan_tasks SET start_date = ?1, due_date = ?2, updated_at = ?3,
                     row_version = row_version + 1
                 WHERE id = ?4 AND row_version = ?5",
            )?;
            for task in &undo.tasks {
                restore.execute(params![
                    task.start_date.map(date_text),
                    task.due_date.map(date_text),
                    at,
                    task.task_id,
                    task.row_version
                ])?;
                let moved = current
                    .get(task.task_id.as_str())
                    .copied()
                    .unwrap_or_default();
                record_dates(
                    tx,
                    &at,
                    &task.task_id,
                    moved,
                    (task.start_date, task.due_date),
                )?;
            }
            if let Some(go_live) = &undo.go_live {
                restore_go_live(tx, &at, &undo.rollout_id, go_live)?;
            }
            Ok(())
        })
    }
}

fn edited_since(title: &str) -> CoreError {
    CoreError::Conflict(format!(
        "'{title}' was edited after the dates changed, so Undo would overwrite that edit; \
         nothing was undone. Change the dates by hand instead."
    ))
}

fn restore_go_live(
    tx: &Transaction<'_>,
    at: &str,
    rollout_id: &str,
    go_live: &GoLiveUndo,
) -> Result<()> {
    let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
    if rollout.deleted_at.is_some() || rollout.row_version != go_live.row_version {
        return Err(edited_since(&rollout.name));
    }
    write_go_live(tx, at, &rollout, go_live.go_live_date)
}
