//! The row builders of the larger tables.

use super::{table, Cell, ExportTable};
use crate::export::RolloutReport;

pub(super) fn rollout(report: &RolloutReport) -> ExportTable {
    let r = &report.rollout;
    let readiness = &report.overview.readiness;
    let training = report.training_progress();
    table(
        "rollout",
        &[
            "Name",
            "Kind",
            "Phase",
            "Goal",
            "Sites",
            "Sponsor",
            "Owner",
            "Start",
            "Go-live",
            "Readiness",
            "Readiness score",
            "People to train",
            "Fully trained",
            "Trained %",
            "In scope",
            "Out of scope",
            "As of",
        ],
        std::iter::once(vec![
            Cell::text(&r.name),
            Cell::text(r.kind.label()),
            Cell::text(r.phase.label()),
            Cell::text(&r.goal),
            Cell::Text(r.sites.join(", ")),
            Cell::text(&r.sponsor),
            Cell::text(&r.owner),
            Cell::date(r.start_date),
            Cell::date(r.go_live_date),
            Cell::text(crate::export::html::verdict_words(readiness.verdict).1),
            Cell::int(readiness.score),
            Cell::int(training.people),
            Cell::int(training.trained),
            Cell::int(training.percent),
            Cell::text(&r.scope_in),
            Cell::text(&r.scope_out),
            Cell::Date(report.as_of),
        ]),
    )
}

/// The columns `import tasks` reads back (title, phase, owner, start, due, status,
/// depends on), then what only an export has.
pub(super) fn tasks(report: &RolloutReport) -> ExportTable {
    table(
        "tasks",
        &[
            "Title",
            "Phase",
            "Owner",
            "Start",
            "Due",
            "Status",
            "Depends on",
            "Kind",
            "Critical path",
            "Slipped",
            "Notes",
        ],
        report.tasks.iter().map(|t| {
            let depends: Vec<&str> = t
                .predecessor_ids()
                .filter_map(|id| report.task(id))
                .map(|d| d.title.as_str())
                .collect();
            vec![
                Cell::text(&t.title),
                Cell::text(&t.phase_name),
                Cell::text(&t.owner_name),
                Cell::date(t.start_date),
                Cell::date(t.due_date),
                Cell::text(t.status.label()),
                Cell::Text(depends.join("; ")),
                Cell::text(t.kind.label()),
                Cell::text(crate::export::text::yes_no(report.is_critical(&t.id))),
                Cell::Text(
                    report
                        .slip(&t.id)
                        .map(|s| s.reason.clone())
                        .unwrap_or_default(),
                ),
                Cell::text(&t.notes),
            ]
        }),
    )
}

pub(super) fn criteria(report: &RolloutReport) -> ExportTable {
    table(
        "readiness_criteria",
        &[
            "Category",
            "Criterion",
            "Owner",
            "Status",
            "Hard gate",
            "Evidence",
            "Evidence link",
            "Evidence file",
        ],
        report.criteria.iter().map(|c| {
            vec![
                Cell::text(c.category.label()),
                Cell::text(&c.title),
                Cell::text(&c.owner_text()),
                Cell::text(c.status.label()),
                Cell::text(crate::export::text::yes_no(c.hard_gate)),
                Cell::text(&c.evidence),
                Cell::text(&c.evidence_link),
                Cell::text(&c.evidence_file),
            ]
        }),
    )
}

pub(super) fn metrics(report: &RolloutReport) -> ExportTable {
    table(
        "metrics",
        &[
            "Metric",
            "Definition",
            "Numerator",
            "Denominator",
            "Direction",
            "Indicator",
            "Data source",
            "Cadence",
            "Owner",
            "Unit",
            "Baseline",
            "Baseline date",
            "Target",
            "Target date",
            "Watch level",
            "Watch action",
            "Act level",
            "Act action",
            "Latest",
            "Latest date",
            "Status",
            "Reason",
            "Action now",
            "Acted by",
        ],
        report.metrics.iter().map(|m| {
            let def = &m.chart.metric;
            let status = &m.chart.status;
            vec![
                Cell::text(&def.name),
                Cell::text(&def.definition),
                Cell::text(&def.numerator),
                Cell::text(&def.denominator),
                Cell::text(def.direction.label()),
                Cell::text(def.indicator.label()),
                Cell::text(&def.data_source),
                Cell::text(def.cadence.label()),
                Cell::text(&def.owner_name),
                // Beside the values it qualifies: they mix percents, minutes and days.
                Cell::text(def.unit.label()),
                Cell::number(def.baseline.map(|b| b.value)),
                Cell::date(def.baseline.map(|b| b.date)),
                Cell::number(def.target.map(|t| t.value)),
                Cell::date(def.target.map(|t| t.date)),
                Cell::number(def.watch.as_ref().map(|t| t.value)),
                Cell::Text(
                    def.watch
                        .as_ref()
                        .map(|t| t.action.clone())
                        .unwrap_or_default(),
                ),
                Cell::number(def.act.as_ref().map(|t| t.value)),
                Cell::Text(
                    def.act
                        .as_ref()
                        .map(|t| t.action.clone())
                        .unwrap_or_default(),
                ),
                Cell::number(status.latest.map(|l| l.value)),
                Cell::date(status.latest.map(|l| l.date)),
                Cell::text(status.state.label()),
                Cell::text(&status.reason),
                Cell::text(&status.action),
                Cell::text(&status.acted_by),
            ]
        }),
    )
}

/// The columns `import measurements` reads (metric, date, value, note, source; it finds
/// them by header), with each value's unit beside it: one sheet mixes percents, minutes
/// and days.
pub(super) fn measurements(report: &RolloutReport) -> ExportTable {
    table(
        "measurements",
        &["Metric", "Date", "Value", "Unit", "Note", "Source"],
        report.metrics.iter().flat_map(|m| {
            m.measurements.iter().map(|v| {
                vec![
                    Cell::text(&m.chart.metric.name),
                    Cell::Date(v.measured_on),
                    Cell::Number(v.value),
                    Cell::text(m.chart.metric.unit.label()),
                    Cell::text(&v.note),
                    Cell::text(&v.source),
                ]
            })
        }),
    )
}

pub(super) fn stakeholders(report: &RolloutReport) -> ExportTable {
    let score = |v: Option<i64>| v.map_or(Cell::Empty, Cell::int);
    table(
        "stakeholders",
        &[
            "Stakeholder",
            "Group",
            "RACI",
            "Awareness",
            "Desire",
            "Knowledge",
            "Ability",
            "Reinforcement",
            "Notes",
        ],
        report.stakeholders.iter().map(|s| {
            let raci: Vec<String> = s
                .raci
                .iter()
                .map(|a| format!("{}: {}", a.workstream, a.role.label()))
                .collect();
            vec![
                Cell::text(&s.name),
                Cell::text(crate::export::text::yes_no(s.is_group)),
                Cell::Text(raci.join("; ")),
                score(s.adkar.awareness),
                score(s.adkar.desire),
                score(s.adkar.knowledge),
                score(s.adkar.ability),
                score(s.adkar.reinforcement),
                Cell::text(&s.notes),
            ]
        }),
    )
}
