//! Moving the go-live date, and what it does to the plan.
//!
//! The rule a practice manager would apply by hand: the work still ahead moves with
//! go-live. Every task that is not done moves its start and due dates by as many days
//! as go-live moves (the go-live milestone lands on the new date, stabilization stays
//! the same distance after it). Done tasks stay where they happened, and so does a
//! start date already in the past (that work has begun); such a task's due date moves
//! but never before its start. The preview also lists the tasks that would be overdue
//! at once — the ones a move earlier squeezes into the past — since those need a
//! decision rather than a new date.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{list_live_tasks, Task, TaskStatus};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::Rollout;
use crate::time::{date_text, now, parse_date, timestamp_text};
use crate::{CoreError, Result, Store};

/// One task's dates before and after the move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskShift {
    pub task_id: String,
    pub title: String,
    pub old_start: Option<NaiveDate>,
    pub old_due: Option<NaiveDate>,
    pub new_start: Option<NaiveDate>,
    pub new_due: Option<NaiveDate>,
}

/// What moving go-live does, or did, to the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GoLiveMove {
    pub rollout_id: String,
    pub old_go_live: Option<NaiveDate>,
    pub new_go_live: NaiveDate,
    /// Days go-live moves (negative: earlier). 0 when the rollout had no go-live date,
    /// in which case only the date is set and no task moves.
    pub shift_days: i64,
    /// Every task whose dates change.
    pub shifted: Vec<TaskShift>,
    /// Tasks not done whose new due date is before today: they would be overdue at once.
    pub overdue_at_once: Vec<TaskShift>,
}

impl Store {
    /// What moving go-live to `new_go_live` would do; writes nothing.
    pub fn preview_go_live_move(
        &self,
        rollout_id: &str,
        new_go_live: &str,
        today: NaiveDate,
    ) -> Result<GoLiveMove> {
        let new_go_live = parse_new_date(new_go_live)?;
        // The preview computes the move without writing it: reading the plan once is
        // all it costs, even on a plan of thousands of tasks.
        self.read(|conn| {
            let rollout = crate::rollouts::fetch_rollout(conn, rollout_id)?;
            ensure_not_trashed(&rollout)?;
            let tasks = list_live_tasks(conn, rollout_id)?;
            plan_move(&rollout, tasks, new_go_live, today)
        })
    }

    /// Moves go-live and the plan's open tasks with it, in one transaction; refused if
    /// the rollout changed since `expected_row_version`.
    pub fn move_go_live(
        &self,
        rollout_id: &str,
        expected_row_version: i64,
        new_go_live: &str,
        today: NaiveDate,
    ) -> Result<GoLiveMove> {
        let new_go_live = parse_new_date(new_go_live)?;
        self.write(|tx| move_go_live(tx, rollout_id, expected_row_version, new_go_live, today))
    }
}

fn parse_new_date(text: &str) -> Result<NaiveDate> {
    parse_date(text).ok_or_else(|| {
        CoreError::invalid(
            "go_live_date",
            format!(
                "The go-live date '{}' is not a date: use YYYY-MM-DD.",
                text.trim()
            ),
        )
    })
}

fn move_go_live(
    tx: &Transaction<'_>,
    rollout_id: &str,
    expected_row_version: i64,
    new_go_live: NaiveDate,
    today: NaiveDate,
) -> Result<GoLiveMove> {
    let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
    ensure_not_trashed(&rollout)?;
    if expected_row_version != rollout.row_version {
        return Err(CoreError::Conflict(format!(
            "'{}' was changed elsewhere since you opened it; reload to see the latest.",
            rollout.name
        )));
    }
    let planned = plan_move(
        &rollout,
        list_live_tasks(tx, rollout_id)?,
        new_go_live,
        today,
    )?;
    write_move(tx, &rollout, &planned)?;
    Ok(planned)
}

fn ensure_not_trashed(rollout: &Rollout) -> Result<()> {
    match rollout.deleted_at {
        Some(_) => Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before editing.",
            rollout.name
        ))),
        None => Ok(()),
    }
}

/// The move of go-live to `new_go_live` and every open task with it (the module's rule),
/// computed from the rollout and its live tasks; nothing is written.
fn plan_move(
    rollout: &Rollout,
    tasks: Vec<Task>,
    new_go_live: NaiveDate,
    today: NaiveDate,
) -> Result<GoLiveMove> {
    if let Some(start) = rollout.start_date.filter(|&start| new_go_live < start) {
        return Err(CoreError::invalid(
            "go_live_date",
            format!(
                "The go-live date cannot be before the start date ({}).",
                date_text(start)
            ),
        ));
    }
    let shift_days = rollout
        .go_live_date
        .map_or(0, |old| (new_go_live - old).num_days());
    let mut shifted = Vec::new();
    if shift_days != 0 {
        for task in tasks.into_iter().filter(|t| t.status != TaskStatus::Done) {
            let new_start = task.start_date.map(|start| {
                if start < today {
                    start
                } else {
                    add_days(start, shift_days)
                }
            });
            let new_due = task.due_date.map(|due| {
                let moved = add_days(due, shift_days);
                new_start.map_or(moved, |start| moved.max(start))
            });
            if (new_start, new_due) != (task.start_date, task.due_date) {
                shifted.push(TaskShift {
                    task_id: task.id,
                    title: task.title,
                    old_start: task.start_date,
                    old_due: task.due_date,
                    new_start,
                    new_due,
                });
            }
        }
    }
    let overdue_at_once = shifted
        .iter()
        .filter(|s| s.new_due.is_some_and(|due| due < today))
        .cloned()
        .collect();
    Ok(GoLiveMove {
        rollout_id: rollout.id.clone(),
        old_go_live: rollout.go_live_date,
        new_go_live,
        shift_days,
        shifted,
        overdue_at_once,
    })
}

/// Writes a planned move: the tasks' new dates and the rollout's go-live, each change in
/// the history.
fn write_move(tx: &Transaction<'_>, rollout: &Rollout, planned: &GoLiveMove) -> Result<()> {
    let at = timestamp_text(now());
    let text = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let mut update_task = tx.prepare_cached(
        "UPDATE plan_tasks SET start_date = ?1, due_date = ?2, updated_at = ?3,
             row_version = row_version + 1 WHERE id = ?4",
    )?;
    for shift in &planned.shifted {
        update_task.execute(params![
            shift.new_start.map(date_text),
            shift.new_due.map(date_text),
            at,
            shift.task_id
        ])?;
        let mut changes = ChangeSet::default();
        changes.compare("start_date", text(shift.old_start), text(shift.new_start));
        changes.compare("due_date", text(shift.old_due), text(shift.new_due));
        audit::record(
            tx,
            &at,
            EntityKind::PlanTask,
            &shift.task_id,
            AuditAction::Update,
            &changes.into_changes(),
        )?;
    }
    let new_go_live = planned.new_go_live;
    if rollout.go_live_date != Some(new_go_live) {
        tx.execute(
            "UPDATE rollouts SET go_live_date = ?1, updated_at = ?2, row_version = row_version + 1
             WHERE id = ?3",
            params![date_text(new_go_live), at, rollout.id],
        )?;
        let mut changes = ChangeSet::default();
        changes.compare(
            "go_live_date",
            text(rollout.go_live_date),
            date_text(new_go_live),
        );
        audit::record(
            tx,
            &at,
            EntityKind::Rollout,
            &rollout.id,
            AuditAction::Update,
            &changes.into_changes(),
        )?;
    }
    Ok(())
}

/// `date` moved by `days`, saturating at the ends of the calendar.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(date)
}
