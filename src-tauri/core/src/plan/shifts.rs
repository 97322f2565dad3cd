//! Changing many tasks' dates at once — a go-live move, the tasks that wait for a late
//! one — and taking such a change back. A change is written with each task's history
//! entry and remembers, for its Undo, the dates it replaced and the version it left each
//! row at: Undo puts back exactly those dates, and only if nobody has edited the rows
//! since (otherwise it would overwrite that edit without a word).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::tasks as rows;
use super::TaskKind;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::write_go_live;
use crate::store::editable::check_editable;
use crate::store::Tx;
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
    tx: &Tx<'_>,
    at: &str,
    shifts: &[TaskShift],
) -> Result<Vec<TaskDatesUndo>> {
    let mut undo = Vec::with_capacity(shifts.len());
    for shift in shifts {
        rows::update_dates(
            tx,
            (&shift.task_id, shift.row_version, &shift.title),
            (shift.new_start, shift.new_due),
            at,
        )
        .map_err(|error| match error {
            CoreError::Conflict(_) => CoreError::Conflict(format!(
                "'{}' was changed elsewhere meanwhile; nothing was moved. Look again and retry.",
                shift.title
            )),
            other => other,
        })?;
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
    tx: &Tx<'_>,
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
                let found = rows::fetch(tx, &task.task_id)?;
                if found.rollout_id != undo.rollout_id {
                    return Err(CoreError::invalid(
                        "undo",
                        format!("'{}' belongs to another rollout's plan.", found.title),
                    ));
                }
                check_editable(
                    &found.title,
                    found.deleted_at.is_some(),
                    found.row_version,
                    task.row_version,
                )
                .map_err(|_| edited_since(&found.title))?;
                current.insert(task.task_id.as_str(), (found.start_date, found.due_date));
            }
            for task in &undo.tasks {
                rows::update_dates(
                    tx,
                    (&task.task_id, task.row_version, &task.title),
                    (task.start_date, task.due_date),
                    &at,
                )?;
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

fn restore_go_live(tx: &Tx<'_>, at: &str, rollout_id: &str, go_live: &GoLiveUndo) -> Result<()> {
    let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
    check_editable(
        &rollout.name,
        rollout.deleted_at.is_some(),
        rollout.row_version,
        go_live.row_version,
    )
    .map_err(|_| edited_since(&rollout.name))?;
    write_go_live(tx, at, &rollout, go_live.go_live_date)
}
