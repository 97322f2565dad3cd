//! The executive summary: what a sponsor or a board member reads first, built once from
//! the report model so the PDF, HTML and Markdown reports open with the same facts in the
//! same order and the same words. Every figure is the one the rest of the report (and
//! Home) shows — the readiness verdict and score, [`RolloutReport::training_progress`],
//! the overview's overdue and blocked tasks, each metric's own status and each risk's
//! band — never a second computation of it.
//!
//! "What changed since the last status" is not part of it: there is no weekly status to
//! compare with yet.
//!
//! Lists are capped so the summary fits on two printed pages however big the rollout;
//! each capped list says how many more the sections hold.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::text::value_text;
use super::RolloutReport;
use crate::metrics::MetricState;
use crate::plan::{Task, TaskKind, TaskStatus};
use crate::readiness::{ReadinessTrend, Verdict};
use crate::training::TrainingProgress;
use crate::workspace::{RiskBand, RiskStatus};

mod words;

pub use words::{SummaryItem, SummaryPart, SummaryTag, SummaryTone};

/// Hard gates listed by name; more are counted.
const BLOCKING_GATES: usize = 6;
/// Milestones listed: the at-risk ones first, then the next ones due.
const MILESTONES: usize = 6;
const TOP_RISKS: usize = 5;
const METRICS: usize = 5;
const GOAL_CHARS: usize = 320;

/// The executive summary of one rollout as of the report's day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExecutiveSummary {
    pub name: String,
    /// The rollout's kind, as a label ("EHR go-live").
    pub kind: String,
    /// The goal, cut to a paragraph.
    pub goal: String,
    pub phase: String,
    pub sponsor: String,
    pub owner: String,
    pub as_of: NaiveDate,
    pub verdict: Verdict,
    /// The readiness score, 0–100, as the Readiness section and Home show it.
    pub score: i64,
    /// The score week by week over the last four weeks, today's last.
    pub trend: ReadinessTrend,
    pub go_live: Option<NaiveDate>,
    pub days_to_go_live: Option<i64>,
    /// The rollout's trained %: [`RolloutReport::training_progress`].
    pub training: TrainingProgress,
    pub overdue_count: usize,
    pub blocked_count: usize,
    pub open_risks: usize,
    /// Metrics whose status is watch or act.
    pub flagged_metric_count: usize,
    /// The readiness reasons of hard gates not met: each alone makes the verdict no-go.
    pub blocking_gates: Vec<String>,
    pub blocking_gate_count: usize,
    pub milestones: Vec<KeyMilestone>,
    pub top_risks: Vec<TopRisk>,
    /// Who holds how many of the overdue tasks, most first.
    pub overdue_owners: Vec<(String, usize)>,
    pub blocked_owners: Vec<(String, usize)>,
    pub flagged_metrics: Vec<FlaggedMetric>,
}

/// A milestone not yet done, with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyMilestone {
    pub title: String,
    pub due: NaiveDate,
    /// "overdue", "blocked" or "at risk" (it holds up work waiting for it); empty when
    /// on course.
    pub concern: String,
}

/// One of the highest-scoring open risks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopRisk {
    pub title: String,
    pub score: i64,
    pub band: RiskBand,
    pub owner: String,
}

/// A metric in watch or act, with what its status already says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlaggedMetric {
    pub name: String,
    pub state: MetricState,
    /// The latest value in the metric's unit ("24%"); empty without one.
    pub latest: String,
    /// The status's reason ("24% on Dec 6: behind the line …").
    pub reason: String,
    /// What to do and who does it, from the crossed level; empty when none is set.
    pub action: String,
}

impl ExecutiveSummary {
    /// The summary of `report`.
    pub fn of(report: &RolloutReport) -> Self {
        let rollout = &report.rollout;
        let overview = &report.overview;
        let readiness = &overview.readiness;
        let blocking: Vec<String> = readiness
            .reasons
            .iter()
            .filter(|r| r.blocking)
            .map(|r| r.text.clone())
            .collect();
        let flagged: Vec<FlaggedMetric> = flagged_metrics(report);
        Self {
            name: rollout.name.clone(),
            kind: rollout.kind.label().to_owned(),
            goal: cut(rollout.goal.trim(), GOAL_CHARS),
            phase: rollout.phase.label().to_owned(),
            sponsor: rollout.sponsor.clone(),
            owner: rollout.owner.clone(),
            as_of: report.as_of,
            verdict: readiness.verdict,
            score: readiness.score,
            trend: stated_trend(&report.readiness_trend, readiness.score),
            go_live: rollout.go_live_date,
            days_to_go_live: overview.days_to_go_live,
            training: report.training_progress(),
            overdue_count: overview.overdue_count,
            blocked_count: overview.blocked_count,
            open_risks: report.open_risk_count(),
            flagged_metric_count: flagged.len(),
            blocking_gate_count: blocking.len(),
            blocking_gates: blocking.into_iter().take(BLOCKING_GATES).collect(),
            milestones: key_milestones(report),
            top_risks: report
                .risks
                .iter()
                .filter(|r| r.status != RiskStatus::Closed)
                .take(TOP_RISKS)
                .map(|r| TopRisk {
                    title: r.title.clone(),
                    score: r.score,
                    band: r.band,
                    owner: r.owner_name.clone(),
                })
                .collect(),
            overdue_owners: owner_counts(&overview.overdue),
            blocked_owners: owner_counts(&overview.blocked),
            flagged_metrics: flagged.into_iter().take(METRICS).collect(),
        }
    }
}

/// Open milestones: those in trouble first, then the next ones due; shown by date.
fn key_milestones(report: &RolloutReport) -> Vec<KeyMilestone> {
    let mut open: Vec<(&Task, NaiveDate)> = report
        .tasks
        .iter()
        .filter(|t| t.kind == TaskKind::Milestone && t.status != TaskStatus::Done)
        .filter_map(|t| t.due_date.map(|due| (t, due)))
        .collect();
    open.sort_by_key(|(_, due)| *due);
    let concern = |task: &Task, due: NaiveDate| -> &'static str {
        if due < report.as_of {
            "overdue"
        } else if task.status == TaskStatus::Blocked {
            "blocked"
        } else if report.slip(&task.id).is_some() {
            "at risk"
        } else {
            ""
        }
    };
    let (troubled, on_course): (Vec<_>, Vec<_>) = open
        .into_iter()
        .partition(|(task, due)| !concern(task, *due).is_empty());
    let mut chosen: Vec<(&Task, NaiveDate)> = troubled
        .into_iter()
        .chain(on_course)
        .take(MILESTONES)
        .collect();
    chosen.sort_by_key(|(_, due)| *due);
    chosen
        .into_iter()
        .map(|(task, due)| KeyMilestone {
            title: task.title.clone(),
            due,
            concern: concern(task, due).to_owned(),
        })
        .collect()
}

/// Metrics in act, then in watch, in the report's order within each.
fn flagged_metrics(report: &RolloutReport) -> Vec<FlaggedMetric> {
    let mut flagged: Vec<FlaggedMetric> = report
        .metrics
        .iter()
        .filter(|m| matches!(m.chart.status.state, MetricState::Watch | MetricState::Act))
        .map(|m| {
            let status = &m.chart.status;
            // A crossed level's reason already ends with its action; a metric behind its
            // line alone says what to do only in the action.
            let action = if status.action.trim().is_empty()
                || status.reason.contains(status.action.trim())
            {
                String::new()
            } else if status.acted_by.trim().is_empty() {
                status.action.trim().to_owned()
            } else {
                format!("{} ({})", status.action.trim(), status.acted_by.trim())
            };
            FlaggedMetric {
                name: m.chart.metric.name.clone(),
                state: status.state,
                latest: status
                    .latest
                    .map(|v| value_text(v.value, m.chart.metric.unit))
                    .unwrap_or_default(),
                reason: status.reason.clone(),
                action,
            }
        })
        .collect();
    flagged.sort_by_key(|m| m.state != MetricState::Act);
    flagged
}

/// Tasks per owner, most first (then by name); tasks without one as "No owner".
fn owner_counts(tasks: &[Task]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for task in tasks {
        let owner = if task.owner_name.trim().is_empty() {
            "No owner".to_owned()
        } else {
            task.owner_name.trim().to_owned()
        };
        *counts.entry(owner).or_default() += 1;
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// The trend, or none when its last point is not the score the report gives (a report
/// dated before the day it is made rebuilds "today" from a log that already holds later
/// changes): the summary never states two scores for one day.
fn stated_trend(trend: &ReadinessTrend, score: i64) -> ReadinessTrend {
    match trend.points.last() {
        Some(last) if last.score == score => trend.clone(),
        _ => ReadinessTrend {
            points: Vec::new(),
            summary: String::new(),
        },
    }
}

pub(super) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// `text` cut to `max` characters at a word, with an ellipsis.
pub(super) fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    let head = match head.rfind(' ') {
        Some(space) if space > max / 2 => &head[..space],
        _ => head.as_str(),
    };
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_ends_long_text_at_a_word() {
        assert_eq!(cut("Go-live", 20), "Go-live", "short text is kept whole");
        let long = "word ".repeat(100);
        let short = cut(&long, 40);
        assert!(
            short.chars().count() <= 40 && short.ends_with("word…"),
            "long text ends at a whole word with an ellipsis: {short:?}"
        );
    }

    #[test]
    fn owners_are_counted_most_first() {
        let task = |owner: &str| Task {
            id: String::new(),
            rollout_id: String::new(),
            phase_id: None,
            phase_name: String::new(),
            title: "Step".to_owned(),
            kind: TaskKind::Task,
            owner_id: None,
            owner_name: owner.to_owned(),
            start_date: None,
            due_date: None,
            status: TaskStatus::Todo,
            percent_complete: 0,
            notes: String::new(),
            number: 1,
            depends_on: Vec::new(),
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
            deleted_at: None,
            row_version: 1,
        };
        let counts = owner_counts(&[task("Kim"), task("Bell"), task("Kim"), task("")]);
        assert_eq!(
            counts,
            vec![
                ("Kim".to_owned(), 2),
                ("Bell".to_owned(), 1),
                ("No owner".to_owned(), 1)
            ],
            "most tasks first, ties by name, unowned tasks named as such"
        );
    }
}
