//! Improvement cycles (PDSA: plan, do, study, act) on one metric of a rollout: the
//! change being tried, the prediction (the value expected by a date, and why), the Do
//! window when the change runs, the Study — the metric's values in that window beside
//! the prediction, in words (`study.rs`) — and the Act: adopt, adapt or abandon, with
//! its rationale, which becomes an entry of the rollout's decision log (`act.rs`).
//! Several cycles on one metric form a ramp, listed in the order they ran.
//!
//! Checks are in `validate.rs`, SQL in `store/`. Where a cycle stands (planned,
//! running, due for its decision, decided) and whether its Act came early are computed
//! here, once, for every screen and export.

mod act;
mod store;
mod study;
mod validate;
mod words;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::metrics::{DatedValue, Direction, MetricUnit};
use crate::store::editable::check_editable;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

pub(crate) use act::record_act_in;
pub use study::{Study, StudyResult};
pub use words::RAMP_HEADERS;

pub(crate) use store::cycles::chart_cycles;

/// The Act of a cycle: what happens to the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PdsaAct {
    /// Keep the change as it is.
    Adopt,
    /// Change it and run another cycle.
    Adapt,
    /// Drop it.
    Abandon,
}

coded_enum!(PdsaAct, "act decision", "act", {
    Adopt => "adopt", "Adopt";
    Adapt => "adapt", "Adapt";
    Abandon => "abandon", "Abandon";
});

/// Where a cycle stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CycleStage {
    /// The Do window has not started.
    Planned,
    /// Inside the Do window, no Act yet.
    Running,
    /// The Do window has ended and nobody has recorded the Act.
    DueForDecision,
    /// The Act is recorded.
    Decided,
}

coded_enum!(CycleStage, "stage", "stage", {
    Planned => "planned", "Planned";
    Running => "running", "Running";
    DueForDecision => "due_for_decision", "Due for its decision";
    Decided => "decided", "Decided";
});

/// The value a cycle expects by a date, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Prediction {
    pub value: f64,
    pub date: NaiveDate,
    pub reason: String,
}

/// The Act as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ActRecord {
    pub act: PdsaAct,
    pub rationale: String,
    pub decided_on: NaiveDate,
    /// The decision-log entry it wrote; `None` once that decision was purged.
    pub decision_id: Option<String>,
    /// Decided before the Do window's last day: allowed, and shown as early wherever
    /// the cycle appears.
    pub early: bool,
}

/// One improvement cycle, with its Study and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PdsaCycle {
    pub id: String,
    pub rollout_id: String,
    pub metric_id: String,
    pub metric_name: String,
    pub unit: MetricUnit,
    pub direction: Direction,
    /// The change being tried ("Second SMS reminder 24 h before the visit").
    pub change: String,
    pub prediction: Prediction,
    /// The Do window, both days included.
    pub do_from: NaiveDate,
    pub do_to: NaiveDate,
    pub act: Option<ActRecord>,
    /// As of the day it was read.
    pub stage: CycleStage,
    pub study: Study,
    pub row_version: i64,
}

/// A cycle's Do window and prediction, as the metric's chart draws them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChartCycle {
    pub id: String,
    pub change: String,
    pub do_from: NaiveDate,
    pub do_to: NaiveDate,
    pub prediction: DatedValue,
}

/// Everything a person writes when planning a cycle; dates as text so that a mistyped
/// one comes back on its field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PdsaDraft {
    /// A metric of the same rollout.
    pub metric_id: String,
    pub change: String,
    pub prediction_value: Option<f64>,
    /// `YYYY-MM-DD`, not before the Do window starts.
    pub prediction_date: String,
    pub prediction_reason: String,
    /// `YYYY-MM-DD`.
    pub do_from: String,
    /// `YYYY-MM-DD`, not before `do_from`.
    pub do_to: String,
}

/// The Act a person records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ActDraft {
    pub act: Option<PdsaAct>,
    pub rationale: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    /// A person or a body, as the decision log writes it; may be empty.
    pub decided_by: String,
}

/// A rollout's cycles that need a look: those running and those due for their Act.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CyclesAtAGlance {
    pub running: Vec<PdsaCycle>,
    /// The Do window has ended and no Act is recorded, the longest waiting first.
    pub due_for_decision: Vec<PdsaCycle>,
}

impl Store {
    /// Plans a cycle on a metric of the rollout, or explains every field that is wrong.
    pub fn create_pdsa_cycle(
        &self,
        rollout_id: &str,
        draft: &PdsaDraft,
        today: NaiveDate,
    ) -> Result<PdsaCycle> {
        self.write(|tx| insert_cycle(tx, rollout_id, draft, today))
    }

    /// Edits a cycle not yet decided; refused if it changed since `expected_row_version`
    /// or its Act is recorded (a new try is a new cycle of the ramp).
    pub fn update_pdsa_cycle(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &PdsaDraft,
        today: NaiveDate,
    ) -> Result<PdsaCycle> {
        self.write(|tx| {
            let current = store::cycles::fetch(tx, id, today)?;
            check_editable(
                &current.0.change,
                current.1,
                current.0.row_version,
                expected_row_version,
            )?;
            if current.0.act.is_some() {
                return Err(CoreError::Conflict(format!(
                    "The cycle '{}' is decided ({}): start a new cycle to try again.",
                    current.0.change,
                    current.0.act_text()
                )));
            }
            let valid = validate::check(tx, &current.0.rollout_id, draft)?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current.0), &valid);
            if changes.is_empty() {
                return Ok(current.0);
            }
            let at = timestamp_text(now());
            store::cycles::update(tx, id, expected_row_version, &valid, &at, &current.0.change)?;
            audit::record(
                tx,
                &at,
                EntityKind::PdsaCycle,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(store::cycles::fetch(tx, id, today)?.0)
        })
    }

    /// One cycle, live or in the trash, as of `today`.
    pub fn get_pdsa_cycle(&self, id: &str, today: NaiveDate) -> Result<PdsaCycle> {
        self.read(|conn| Ok(store::cycles::fetch(conn, id, today)?.0))
    }

    /// A metric's ramp: its live cycles in the order they ran (by Do start), each with
    /// its Study.
    pub fn list_pdsa_cycles(&self, metric_id: &str, today: NaiveDate) -> Result<Vec<PdsaCycle>> {
        self.read(|conn| store::cycles::list_for_metric(conn, metric_id, today))
    }

    /// Every live cycle of a rollout, metric by metric, each ramp in order.
    pub fn rollout_pdsa_cycles(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<PdsaCycle>> {
        self.read(|conn| store::cycles::list_for_rollout(conn, rollout_id, today))
    }

    /// The rollout's cycles running today and those due for their Act.
    pub fn pdsa_at_a_glance(&self, rollout_id: &str, today: NaiveDate) -> Result<CyclesAtAGlance> {
        let cycles = self.rollout_pdsa_cycles(rollout_id, today)?;
        Ok(at_a_glance(cycles))
    }

    /// Moves a cycle to the trash; a decision its Act wrote stays in the decision log.
    pub fn trash_pdsa_cycle(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, TABLE, EntityKind::PdsaCycle, NOUN, id, true))
    }

    pub fn restore_pdsa_cycle(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, TABLE, EntityKind::PdsaCycle, NOUN, id, false))
    }
}

const TABLE: &str = "pdsa_cycles";
const NOUN: &str = "Improvement cycle";

/// Splits cycles into those running and those due for their Act.
pub(crate) fn at_a_glance(cycles: Vec<PdsaCycle>) -> CyclesAtAGlance {
    let mut running = Vec::new();
    let mut due_for_decision = Vec::new();
    for cycle in cycles {
        match cycle.stage {
            CycleStage::Running => running.push(cycle),
            CycleStage::DueForDecision => due_for_decision.push(cycle),
            CycleStage::Planned | CycleStage::Decided => {}
        }
    }
    running.sort_by_key(|c| c.do_to);
    due_for_decision.sort_by_key(|c| c.do_to);
    CyclesAtAGlance {
        running,
        due_for_decision,
    }
}

/// Where a cycle stands on `today`.
pub(crate) fn stage_on(
    do_from: NaiveDate,
    do_to: NaiveDate,
    decided: bool,
    today: NaiveDate,
) -> CycleStage {
    if decided {
        CycleStage::Decided
    } else if today < do_from {
        CycleStage::Planned
    } else if today <= do_to {
        CycleStage::Running
    } else {
        CycleStage::DueForDecision
    }
}

/// Whether an Act on `decided_on` came before the Do window's last day. The window
/// runs through `do_to`; deciding on that day (the usual weekly review) is on time.
pub(crate) fn is_early(decided_on: NaiveDate, do_to: NaiveDate) -> bool {
    decided_on < do_to
}

/// Checks and inserts a cycle inside a caller's transaction (the sample clinic plans
/// its cycles in one).
pub(crate) fn insert_cycle(
    tx: &crate::store::Tx<'_>,
    rollout_id: &str,
    draft: &PdsaDraft,
    today: NaiveDate,
) -> Result<PdsaCycle> {
    crate::rollouts::require_rollout(tx, rollout_id)?;
    let valid = validate::check(tx, rollout_id, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    store::cycles::insert(tx, &id, rollout_id, &valid, &at)?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, &valid);
    audit::record(
        tx,
        &at,
        EntityKind::PdsaCycle,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(store::cycles::fetch(tx, &id, today)?.0)
}

/// Notes every field whose stored text would change; `None` describes a new cycle.
fn describe(changes: &mut ChangeSet, old: Option<&PdsaCycle>, new: &validate::ValidCycle) {
    let text = |f: fn(&PdsaCycle) -> String| old.map(f).unwrap_or_default();
    changes.compare(
        "metric",
        text(|c| c.metric_name.clone()),
        new.metric_name.as_str(),
    );
    changes.compare("change", text(|c| c.change.clone()), new.change.as_str());
    changes.compare(
        "prediction",
        text(|c| format!("{} on {}", c.prediction.value, date_text(c.prediction.date))),
        format!(
            "{} on {}",
            new.prediction.value,
            date_text(new.prediction.date)
        ),
    );
    changes.compare(
        "prediction_reason",
        text(|c| c.prediction.reason.clone()),
        new.prediction_reason.as_str(),
    );
    changes.compare(
        "do_window",
        text(|c| format!("{} to {}", date_text(c.do_from), date_text(c.do_to))),
        format!("{} to {}", date_text(new.do_from), date_text(new.do_to)),
    );
}
