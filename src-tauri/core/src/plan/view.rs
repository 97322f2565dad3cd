//! The plan tab's one reading of a plan: its tasks and phases, the critical path and
//! what slipped, worked out from a single read. On a vendor's plan of thousands of
//! tasks, reading the plan once instead of once per figure is most of what the tab
//! costs.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::store::phases;
use super::{
    baselines, critical_path, first_live_tasks, list_live_tasks, slipped_tasks, CriticalPath,
    PlanBaselineView, PlanPhase, SlippedTask, Task,
};
use crate::{Result, Store};

/// Everything the plan tab (list and timeline) shows of a rollout's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanView {
    /// Live tasks in plan order, as [`Store::list_tasks`] gives them.
    pub tasks: Vec<Task>,
    pub phases: Vec<PlanPhase>,
    pub critical_path: CriticalPath,
    pub slipped: Vec<SlippedTask>,
    /// The baseline the rollout compares with, each task's baseline dates and the
    /// comparison; None until a baseline is set.
    pub baseline: Option<PlanBaselineView>,
}

/// What the plan tab works out from the whole plan, without the tasks themselves: what
/// an edit of one task can change around it. After a title, a status or an owner typed
/// into one row, the tab has the task from the edit's answer and asks only for these,
/// not for thousands of tasks again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanSignals {
    pub critical_path: CriticalPath,
    pub slipped: Vec<SlippedTask>,
    pub baseline: Option<PlanBaselineView>,
}

/// The first rows of a plan in plan order, what the plan tab draws first: on a plan of
/// thousands of tasks, the first screen is drawn from these while the whole plan (and
/// what is worked out from it: the critical path, what slipped) is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanOpening {
    /// The first live tasks, as [`PlanView::tasks`] begins.
    pub tasks: Vec<Task>,
    /// How many live tasks the plan has in all.
    pub task_count: u32,
    pub phases: Vec<PlanPhase>,
}

impl Store {
    /// The first `rows` tasks of a rollout's plan, its phases and how many tasks it has.
    pub fn plan_opening(&self, rollout_id: &str, rows: u32) -> Result<PlanOpening> {
        self.read(|conn| {
            // A rollout that is not there is refused, as the whole plan's reading does.
            crate::rollouts::fetch_rollout(conn, rollout_id)?;
            let phases = phases::list_live(conn, rollout_id)?;
            let (tasks, task_count) = first_live_tasks(conn, rollout_id, &phases, rows)?;
            Ok(PlanOpening {
                tasks,
                task_count,
                phases,
            })
        })
    }

    /// A rollout's plan as the plan tab shows it, on `today`.
    pub fn plan_view(&self, rollout_id: &str, today: NaiveDate) -> Result<PlanView> {
        self.read(|conn| {
            let tasks = list_live_tasks(conn, rollout_id)?;
            let PlanSignals {
                critical_path,
                slipped,
                baseline,
            } = signals_of(conn, rollout_id, &tasks, today)?;
            Ok(PlanView {
                phases: phases::list_live(conn, rollout_id)?,
                critical_path,
                slipped,
                baseline,
                tasks,
            })
        })
    }

    /// The critical path, what slipped and the baseline comparison of a rollout's plan
    /// on `today`: the same as [`Store::plan_view`] gives with the tasks.
    pub fn plan_signals(&self, rollout_id: &str, today: NaiveDate) -> Result<PlanSignals> {
        self.read(|conn| {
            let tasks = list_live_tasks(conn, rollout_id)?;
            signals_of(conn, rollout_id, &tasks, today)
        })
    }
}

fn signals_of(
    conn: &rusqlite::Connection,
    rollout_id: &str,
    tasks: &[Task],
    today: NaiveDate,
) -> Result<PlanSignals> {
    let rollout = crate::rollouts::fetch_rollout(conn, rollout_id)?;
    Ok(PlanSignals {
        critical_path: critical_path(tasks, rollout.go_live_date),
        slipped: slipped_tasks(tasks, today),
        baseline: baselines::plan_baseline(conn, rollout_id, tasks, rollout.go_live_date)?,
    })
}
