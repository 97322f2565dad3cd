//! A rollout's week as plain values: its records as they are, the audit entries written
//! since the week began, and the figures the core judges at the week's eve and its end
//! (readiness, metric statuses, training by role). The one part of the status that
//! reads the store (with [`super::plan_week`], the plan's part, which is kept);
//! everything after it works on these values.

use std::sync::Arc;

use chrono::NaiveDate;

use super::changes::Histories;
use super::plan_week::PlanWeek;
use super::week::StatusWeek;
use crate::audit::{entries_since_of_fields, EntityKind};
use crate::metrics::{Metric, MetricStatus};
use crate::readiness::{Criterion, Readiness};
use crate::rollouts::Rollout;
use crate::store::Conn;
use crate::training::RoleCompletion;
use crate::workspace::{Communication, Decision, Risk};
use crate::Result;

/// Everything a rollout's status is drafted from.
pub(crate) struct RolloutWeek {
    pub rollout: Rollout,
    pub week: StatusWeek,
    /// The live tasks and their entries since the week began.
    pub plan: Arc<PlanWeek>,
    pub risks: Vec<Risk>,
    pub risk_entries: Histories,
    pub decisions: Vec<Decision>,
    pub communications: Vec<Communication>,
    /// Readiness and its criteria at the week's eve; `None` before the rollout existed.
    pub readiness_then: Option<(Readiness, Vec<Criterion>)>,
    pub readiness_now: (Readiness, Vec<Criterion>),
    /// Each live metric with its status at the week's eve and at its end.
    pub metrics: Vec<(Metric, [MetricStatus; 2])>,
    pub training_then: Vec<RoleCompletion>,
    pub training_now: Vec<RoleCompletion>,
    /// How the plan stands today against the baseline the rollout compares with.
    pub baseline: Option<crate::plan::BaselineComparison>,
}

/// Reads the week of `rollout_id` in the caller's read transaction. "Now" is the week's
/// as-of day: today's own figures when the week is under way (the very verdict and
/// completion every screen shows), rebuilt from the records and the audit log for a
/// past week through the same functions the readiness trend uses. `training_today` is
/// the rollout's completion today when the caller has it from the kept standing (as
/// the rollout's readiness reads it); it is read here otherwise. `plan` is the
/// rollout's [`PlanWeek`] for `week`, kept or read by the caller.
pub(crate) fn gather(
    conn: &Conn,
    rollout_id: &str,
    week: StatusWeek,
    today: NaiveDate,
    training_today: Option<Vec<RoleCompletion>>,
    plan: Arc<PlanWeek>,
) -> Result<RolloutWeek> {
    let rollout = crate::rollouts::fetch_rollout(conn, rollout_id)?;
    let since = week.start_instant();
    let risks: Vec<Risk> = crate::workspace::list_records(conn, rollout_id)?;
    let risk_ids: Vec<String> = risks.iter().map(|r| r.id.clone()).collect();
    let risk_entries = Histories::group(entries_since_of_fields(
        conn,
        EntityKind::Risk,
        &risk_ids,
        &since,
        &super::risks::FIELDS_READ,
    )?);
    let eve = week.eve();
    let tracked_then = eve >= rollout.created_at.date_naive();
    let live = week.as_of == today;
    // Each past day is rebuilt in one pass over the histories: the eve when the rollout
    // was tracked by then, and the week's end unless that is today.
    let mut days = Vec::new();
    if tracked_then {
        days.push(eve);
    }
    if !live {
        days.push(week.as_of);
    }
    let mut past = crate::readiness::readiness_then(conn, rollout_id, &days)?.into_iter();
    let then = if tracked_then { past.next() } else { None };
    let (readiness_now, training_now) = if live {
        let training = match training_today {
            Some(training) => training,
            None => crate::training::completion_in(conn, rollout_id, today)?,
        };
        let readiness = crate::readiness::readiness_with_completion(conn, rollout_id, &training)?;
        (
            (
                readiness,
                crate::readiness::list_criteria_in(conn, rollout_id)?,
            ),
            training,
        )
    } else {
        let end = past.next().ok_or_else(|| {
            crate::CoreError::Database("readiness could not be rebuilt for the week".into())
        })?;
        ((end.readiness, end.criteria), end.training)
    };
    let (readiness_then, training_then) = match then {
        Some(then) => (Some((then.readiness, then.criteria)), then.training),
        None => (None, Vec::new()),
    };
    let metrics = crate::metrics::statuses_on(conn, rollout_id, &[eve, week.as_of])?
        .into_iter()
        .filter_map(|(metric, statuses)| {
            let [then, now]: [MetricStatus; 2] = statuses.try_into().ok()?;
            Some((metric, [then, now]))
        })
        .collect();
    let baseline = crate::plan::plan_baseline(conn, rollout_id, &plan.tasks, rollout.go_live_date)?
        .map(|view| view.comparison);
    Ok(RolloutWeek {
        baseline,
        plan,
        risks,
        risk_entries,
        decisions: crate::workspace::list_records(conn, rollout_id)?,
        communications: crate::workspace::list_records(conn, rollout_id)?,
        readiness_then,
        readiness_now,
        metrics,
        training_then,
        training_now,
        week,
        rollout,
    })
}
