//! The workbook's first sheet: the rollout at a glance — where it stands, when it goes
//! live, and the counts a reader looks for before opening any other sheet.
//!
//! Every figure is read from the report's own values (the readiness verdict and score,
//! `training_progress`, the overview's counts, `open_risk_count`, `metrics_in_act`),
//! the ones every other format shows, so the summary never disagrees with them.

use super::{table, Cell, ExportTable};
use crate::export::text::countdown;
use crate::export::RolloutReport;

/// The summary as (item, value, unit, detail) rows.
pub fn summary_table(report: &RolloutReport) -> ExportTable {
    let r = &report.rollout;
    let overview = &report.overview;
    let readiness = &overview.readiness;
    let training = report.training_progress();
    let text = |item: &str, value: &str| {
        vec![
            Cell::text(item),
            Cell::text(value),
            Cell::Empty,
            Cell::Empty,
        ]
    };
    let count = |item: &str, value: usize, detail: &str| {
        vec![
            Cell::text(item),
            Cell::int(i64::try_from(value).unwrap_or(i64::MAX)),
            Cell::text("Count"),
            Cell::text(detail),
        ]
    };
    let rows = vec![
        text("Rollout", &r.name),
        text("Kind", r.kind.label()),
        text("Phase", r.phase.label()),
        vec![
            Cell::text("Go-live"),
            Cell::date(r.go_live_date),
            Cell::Empty,
            Cell::Text(overview.days_to_go_live.map(countdown).unwrap_or_default()),
        ],
        vec![
            Cell::text("Days to go-live"),
            overview.days_to_go_live.map_or(Cell::Empty, Cell::int),
            Cell::text("Days"),
            Cell::text("Negative once go-live has passed"),
        ],
        text(
            "Readiness",
            crate::export::html::verdict_words(readiness.verdict).1,
        ),
        vec![
            Cell::text("Readiness score"),
            Cell::int(readiness.score),
            Cell::text("Score"),
            Cell::text("Out of 100; hard gates count twice"),
        ],
        vec![
            Cell::text("Fully trained"),
            Cell::int(training.percent),
            Cell::text("Percent"),
            Cell::text(&training.summary),
        ],
        count(
            "Overdue tasks",
            overview.overdue_count,
            "Not done, due before the as-of date",
        ),
        count("Blocked tasks", overview.blocked_count, ""),
        count(
            "Open risks",
            report.open_risk_count(),
            "Every risk not closed",
        ),
        count(
            "Metrics in act",
            report.metrics_in_act(),
            "Latest value crossed the act level",
        ),
        vec![
            Cell::text("As of"),
            Cell::Date(report.as_of),
            Cell::Empty,
            Cell::text("The day these figures describe"),
        ],
    ];
    table(
        "Summary",
        &["Item", "Value", "Unit", "Detail"],
        rows.into_iter(),
    )
}
