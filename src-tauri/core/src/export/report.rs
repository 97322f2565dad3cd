//! The report model: everything one rollout holds, gathered once, so that every export
//! format (HTML, Markdown, CSV, XLSX, iCal, and later PDF) renders the same facts and the
//! PHI check scans exactly the text that will leave the machine.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::metrics::{Measurement, MetricChart};
use crate::plan::{BaselineComparison, CriticalPath, PlanPhase, SlippedTask, Task, TaskLink};
use crate::readiness::{Criterion, ReadinessTrend};
use crate::rollouts::Rollout;
use crate::sops::LinkedSop;
use crate::training::{Requirement, RoleCompletion, TrainingProgress};
use crate::workspace::{
    Communication, Decision, Risk, RiskHeatMap, RolloutOverview, ScopeChange, Stakeholder,
};
use crate::{Result, Store};

/// One rollout with everything it links to, as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RolloutReport {
    /// The day the report describes (countdowns, overdue and statuses are as of it).
    pub as_of: NaiveDate,
    pub rollout: Rollout,
    /// Countdown, readiness verdict with score and reasons, what is due and overdue.
    pub overview: RolloutOverview,
    pub phases: Vec<PlanPhase>,
    /// Tasks and milestones in plan order.
    pub tasks: Vec<Task>,
    pub critical_path: CriticalPath,
    pub slipped: Vec<SlippedTask>,
    /// How the plan stands against the baseline the rollout compares with; None until
    /// a baseline is set.
    pub baseline: Option<BaselineComparison>,
    /// The readiness score on each of the last four weeks, today's last: the trend the
    /// executive summary states.
    pub readiness_trend: ReadinessTrend,
    /// Go-live criteria, in category order.
    pub criteria: Vec<Criterion>,
    pub training_requirements: Vec<Requirement>,
    pub training_by_role: Vec<RoleCompletion>,
    pub metrics: Vec<MetricReport>,
    pub risks: Vec<Risk>,
    pub heat_map: RiskHeatMap,
    pub decisions: Vec<Decision>,
    /// Communications by send date: the comms calendar.
    pub communications: Vec<Communication>,
    pub stakeholders: Vec<Stakeholder>,
    pub scope_changes: Vec<ScopeChange>,
    pub sops: Vec<LinkedSop>,
    /// Debriefs, the latest first; the reports show their section only when there are
    /// some.
    pub debriefs: Vec<crate::debriefs::Debrief>,
}

/// One metric: its definition, status, chart series and its measurements.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricReport {
    /// Definition, status with its reason and action, and the (downsampled) series;
    /// `chart.total_points` counts every live value.
    pub chart: MetricChart,
    /// Oldest first: every live value in a [`Store::rollout_report`], the latest
    /// [`DOCUMENT_VALUES`] in a [`Store::rollout_document_report`].
    pub measurements: Vec<Measurement>,
    /// The metric's improvement cycles in the order they ran (its ramp), each with its
    /// Study and Act.
    pub cycles: Vec<crate::improvement::PdsaCycle>,
}

/// How many of a metric's latest values a document report lists beside its chart.
pub const DOCUMENT_VALUES: usize = 12;

/// How many measurements a report carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Values {
    All,
    Latest(usize),
}

impl RolloutReport {
    /// The task with this id, for turning dependency ids into titles.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// What `task` waits for: each link with the task at its other end, in the task's
    /// order (a link to a task outside the report is left out).
    pub fn waits_for<'a>(
        &'a self,
        task: &'a Task,
    ) -> impl Iterator<Item = (&'a TaskLink, &'a Task)> {
        task.depends_on
            .iter()
            .filter_map(|link| Some((link, self.task(&link.depends_on_id)?)))
    }

    /// Whether a task lies on the critical path to go-live.
    pub fn is_critical(&self, task_id: &str) -> bool {
        self.critical_path.task_ids.iter().any(|id| id == task_id)
    }

    /// The slip of a task, if it has slipped.
    pub fn slip(&self, task_id: &str) -> Option<&SlippedTask> {
        self.slipped.iter().find(|s| s.task_id == task_id)
    }

    /// Risks not yet closed.
    pub fn open_risk_count(&self) -> usize {
        self.risks
            .iter()
            .filter(|r| r.status != crate::workspace::RiskStatus::Closed)
            .count()
    }

    /// The rollout's trained %: the figure Home, the overview and readiness show.
    pub fn training_progress(&self) -> TrainingProgress {
        TrainingProgress::of_roles(&self.training_by_role)
    }

    /// Metrics whose latest value crossed the act level.
    pub fn metrics_in_act(&self) -> usize {
        self.metrics
            .iter()
            .filter(|m| m.chart.status.state == crate::metrics::MetricState::Act)
            .count()
    }
}

impl Store {
    /// Everything of one rollout as of `today`, every measurement included: for the
    /// table exports (CSV, XLSX).
    pub fn rollout_report(&self, rollout_id: &str, today: NaiveDate) -> Result<RolloutReport> {
        self.gather_report(rollout_id, today, Values::All)
    }

    /// The same with only each metric's latest [`DOCUMENT_VALUES`] values, which is all
    /// a document (HTML, Markdown, iCal, PDF) shows beside the chart: a metric with years
    /// of daily values need not be read in full, and the PHI check scans exactly what the
    /// document carries.
    pub fn rollout_document_report(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<RolloutReport> {
        self.gather_report(rollout_id, today, Values::Latest(DOCUMENT_VALUES))
    }

    fn gather_report(
        &self,
        rollout_id: &str,
        today: NaiveDate,
        values: Values,
    ) -> Result<RolloutReport> {
        let rollout = self.get_rollout(rollout_id)?;
        let tasks = self.list_tasks(rollout_id)?;
        let critical_path = crate::plan::critical_path(&tasks, rollout.go_live_date);
        let slipped = crate::plan::slipped_tasks(&tasks, today);
        let baseline = self.baseline_comparison_of(rollout_id, &tasks, rollout.go_live_date)?;
        let metrics = self
            .list_metrics(rollout_id)?
            .iter()
            .map(|metric| {
                let mut measurements = match values {
                    Values::All => self.list_measurements(&metric.id)?,
                    Values::Latest(count) => self.recent_measurements(&metric.id, count)?,
                };
                // The store lists the newest first, for the entry screen; a report reads
                // forward in time.
                measurements.reverse();
                Ok(MetricReport {
                    chart: self.metric_chart(&metric.id, today)?,
                    measurements,
                    cycles: self.list_pdsa_cycles(&metric.id, today)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut communications = self.list_communications(rollout_id)?;
        communications.sort_by_key(|c| c.send_on);
        Ok(RolloutReport {
            as_of: today,
            overview: self.rollout_overview(rollout_id, today)?,
            phases: self.list_phases(rollout_id)?,
            critical_path,
            slipped,
            baseline,
            readiness_trend: self.readiness_trend(rollout_id, today)?,
            criteria: self.list_criteria(rollout_id)?,
            training_requirements: self.list_requirements(rollout_id)?,
            training_by_role: self.rollout_training_completion(rollout_id, today)?,
            metrics,
            risks: self.list_risks(rollout_id)?,
            heat_map: self.risk_heat_map(rollout_id)?,
            decisions: self.list_decisions(rollout_id)?,
            communications,
            stakeholders: self.list_stakeholders(rollout_id)?,
            scope_changes: self.list_scope_changes(rollout_id)?,
            sops: self.sops_for_rollout(rollout_id)?,
            debriefs: self.list_debriefs(rollout_id)?,
            tasks,
            rollout,
        })
    }
}
