//! Moving the go-live date, and what it does to the plan.
//!
//! The rule a practice manager would apply by hand: the work still ahead moves with
//! go-live. Every task that is not done moves whole — start and due by as many days as
//! go-live moves — so no task grows or shrinks (the go-live milestone lands on the new
//! date, stabilization stays the same distance after it). Done tasks stay where they
//! happened. The person may instead leave the work already under way (doing, or started
//! before today) where it is and move only what has not started. Moving earlier never
//! breaks a link that held: a task waiting for work that stays moves only as far as its
//! link (type and lag) allows. The preview lists every change and the tasks that would
//! be overdue at once — the ones a move earlier squeezes into the past — since those
//! need a decision rather than a new date. The
//! move comes back with what undoes it.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::network::Links;
use super::shifts::{write_shifts, DatesUndo, GoLiveUndo, TaskShift};
use super::{list_live_tasks, Task, TaskStatus};
use crate::rollouts::{required_date, write_go_live, Rollout};
use crate::store::editable::check_editable;
use crate::store::Tx;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

/// Which open tasks move with go-live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoLiveMoveScope {
    /// Every task not done, start and due together.
    #[default]
    AllOpen,
    /// Only tasks not yet under way; a task being worked on (doing, or with a start
    /// before today) keeps its dates.
    NotStarted,
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
    pub scope: GoLiveMoveScope,
    /// Every task whose dates change.
    pub shifted: Vec<TaskShift>,
    /// Open tasks left where they are because they are under way (with
    /// [`GoLiveMoveScope::NotStarted`]).
    pub kept: Vec<TaskShift>,
    /// Tasks not done whose new due date is before today: they would be overdue at once.
    pub overdue_at_once: Vec<TaskShift>,
    /// What takes the move back; only on a move that was made, not on a preview.
    pub undo: Option<DatesUndo>,
}

impl Store {
    /// What moving go-live to `new_go_live` would do; writes nothing.
    pub fn preview_go_live_move(
        &self,
        rollout_id: &str,
        new_go_live: &str,
        scope: GoLiveMoveScope,
        today: NaiveDate,
    ) -> Result<GoLiveMove> {
        let new_go_live = parse_new_date(new_go_live)?;
        // The preview computes the move without writing it: reading the plan once is
        // all it costs, even on a plan of thousands of tasks.
        self.read(|conn| {
            let rollout = crate::rollouts::fetch_rollout(conn, rollout_id)?;
            // A preview holds no version to compare; only the trash stops it.
            check_editable(
                &rollout.name,
                rollout.deleted_at.is_some(),
                rollout.row_version,
                rollout.row_version,
            )?;
            let tasks = list_live_tasks(conn, rollout_id)?;
            plan_move(&rollout, tasks, new_go_live, scope, today)
        })
    }

    /// Moves go-live and the plan's open tasks with it, in one transaction; refused if
    /// the rollout changed since `expected_row_version`.
    pub fn move_go_live(
        &self,
        rollout_id: &str,
        expected_row_version: i64,
        new_go_live: &str,
        scope: GoLiveMoveScope,
        today: NaiveDate,
    ) -> Result<GoLiveMove> {
        let new_go_live = parse_new_date(new_go_live)?;
        let request = MoveRequest {
            expected_row_version,
            new_go_live,
            scope,
            today,
        };
        self.write(|tx| move_go_live(tx, rollout_id, &request))
    }
}

fn parse_new_date(text: &str) -> Result<NaiveDate> {
    required_date(
        text,
        "go_live_date",
        "go-live date",
        "Give the new go-live date.",
    )
}

struct MoveRequest {
    expected_row_version: i64,
    new_go_live: NaiveDate,
    scope: GoLiveMoveScope,
    today: NaiveDate,
}

fn move_go_live(tx: &Tx<'_>, rollout_id: &str, request: &MoveRequest) -> Result<GoLiveMove> {
    let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
    check_editable(
        &rollout.name,
        rollout.deleted_at.is_some(),
        rollout.row_version,
        request.expected_row_version,
    )?;
    let mut planned = plan_move(
        &rollout,
        list_live_tasks(tx, rollout_id)?,
        request.new_go_live,
        request.scope,
        request.today,
    )?;
    planned.undo = Some(write_move(tx, &rollout, &planned)?);
    Ok(planned)
}

/// The move of go-live to `new_go_live` and the open tasks with it (the module's rule),
/// computed from the rollout and its live tasks; nothing is written.
fn plan_move(
    rollout: &Rollout,
    tasks: Vec<Task>,
    new_go_live: NaiveDate,
    scope: GoLiveMoveScope,
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
    let (mut shifted, mut kept) = (Vec::new(), Vec::new());
    if shift_days != 0 {
        let planned = planned_moves(&tasks, shift_days, scope, today);
        for (task, planned) in tasks.into_iter().zip(planned) {
            let days = match planned {
                Planned::Done => continue,
                Planned::Kept => 0,
                Planned::Move(days) => days,
            };
            let shift = TaskShift {
                new_start: task.start_date.map(|d| add_days(d, days)),
                new_due: task.due_date.map(|d| add_days(d, days)),
                task_id: task.id,
                title: task.title,
                kind: task.kind,
                old_start: task.start_date,
                old_due: task.due_date,
                row_version: task.row_version,
            };
            if planned == Planned::Kept {
                kept.push(shift);
            } else if (shift.new_start, shift.new_due) != (shift.old_start, shift.old_due) {
                shifted.push(shift);
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
        scope,
        shifted,
        kept,
        overdue_at_once,
        undo: None,
    })
}

/// What the move does to one task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Planned {
    /// Done: it stays where it happened and is not listed.
    Done,
    /// Under way, and the person chose to leave such work where it is.
    Kept,
    /// Moves by this many days.
    Move(i64),
}

/// Each task's part in a move of go-live by `shift_days` (the module's rule). Moving
/// earlier never breaks a link that held: a task waiting for work that stays (done, or
/// kept) moves only as far as its link, with its type and lag, allows, and the tasks
/// after it follow from there.
fn planned_moves(
    tasks: &[Task],
    shift_days: i64,
    scope: GoLiveMoveScope,
    today: NaiveDate,
) -> Vec<Planned> {
    let mut planned: Vec<Planned> = tasks
        .iter()
        .map(|task| {
            let under_way = task.status == TaskStatus::Doing
                || task.start_date.is_some_and(|start| start < today);
            if task.status == TaskStatus::Done {
                Planned::Done
            } else if scope == GoLiveMoveScope::NotStarted && under_way {
                Planned::Kept
            } else {
                Planned::Move(shift_days)
            }
        })
        .collect();
    if shift_days > 0 {
        // Later: what moves, moves together, so no link that held can break.
        return planned;
    }
    let links = Links::of(tasks);
    let dates = |t: usize, days: i64| {
        let task = &tasks[t];
        (
            task.start_date.map(|d| add_days(d, days)),
            task.due_date.map(|d| add_days(d, days)),
        )
    };
    for task in links.order() {
        let Planned::Move(days) = planned[task] else {
            continue;
        };
        let held_back = links.predecessors[task]
            .iter()
            .filter_map(|edge| {
                let other_days = match planned[edge.other] {
                    Planned::Move(other) => other,
                    Planned::Done | Planned::Kept => 0,
                };
                let before = edge.link.shortfall(dates(edge.other, 0), dates(task, 0))?;
                let after = edge
                    .link
                    .shortfall(dates(edge.other, other_days), dates(task, days))?;
                (before <= 0 && after > 0).then_some(after)
            })
            .max();
        if let Some(back) = held_back {
            planned[task] = Planned::Move((days + back).min(0));
        }
    }
    planned
}

/// Writes a planned move: the tasks' new dates and the rollout's go-live, each change in
/// the history. Returns what undoes it.
fn write_move(tx: &Tx<'_>, rollout: &Rollout, planned: &GoLiveMove) -> Result<DatesUndo> {
    let at = timestamp_text(now());
    let tasks = write_shifts(tx, &at, &planned.shifted)?;
    let new_go_live = planned.new_go_live;
    let mut go_live = None;
    if rollout.go_live_date != Some(new_go_live) {
        write_go_live(tx, &at, rollout, Some(new_go_live))?;
        go_live = Some(GoLiveUndo {
            go_live_date: rollout.go_live_date,
            row_version: rollout.row_version + 1,
        });
    }
    Ok(DatesUndo {
        rollout_id: rollout.id.clone(),
        go_live,
        tasks,
    })
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
