//! The report as plain tables — one per kind of entity — for the spreadsheet formats.
//! CSV and XLSX render the same tables, so a column added here appears in both.

use chrono::NaiveDate;

use super::RolloutReport;

/// One cell, typed so that XLSX can write real dates and numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Date(NaiveDate),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(value: &str) -> Self {
        Cell::Text(value.to_owned())
    }
    fn date(value: Option<NaiveDate>) -> Self {
        value.map_or(Cell::Empty, Cell::Date)
    }
    fn int(value: i64) -> Self {
        Cell::Number(value as f64)
    }
    fn number(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// One table: `name` is the CSV file's stem and the XLSX sheet's name.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTable {
    pub name: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// Every table of the report, in reading order; a table with no rows still has headers.
pub fn rollout_tables(report: &RolloutReport) -> Vec<ExportTable> {
    vec![
        rollout(report),
        tasks(report),
        criteria(report),
        table(
            "training_by_role",
            &["Role", "People", "Trained", "Overdue"],
            report.training_by_role.iter().map(|r| {
                vec![
                    Cell::text(&r.role_name),
                    Cell::int(r.people),
                    Cell::int(r.trained),
                    Cell::int(r.overdue),
                ]
            }),
        ),
        table(
            "training_requirements",
            &["Role", "Module", "Due"],
            report.training_requirements.iter().map(|q| {
                vec![
                    Cell::text(&q.role_name),
                    Cell::text(&q.module_title),
                    Cell::Date(q.due_date),
                ]
            }),
        ),
        metrics(report),
        measurements(report),
        table(
            "risks",
            &[
                "Risk",
                "Likelihood",
                "Impact",
                "Score",
                "Status",
                "Owner",
                "Mitigation",
                "Trigger",
            ],
            report.risks.iter().map(|r| {
                vec![
                    Cell::text(&r.title),
                    Cell::int(r.likelihood),
                    Cell::int(r.impact),
                    Cell::int(r.score),
                    Cell::text(r.status.label()),
                    Cell::text(&r.owner_name),
                    Cell::text(&r.mitigation),
                    Cell::text(&r.trigger),
                ]
            }),
        ),
        table(
            "decisions",
            &[
                "Decided on",
                "Decision",
                "Constraints",
                "Options",
                "Choice",
                "Rationale",
                "Decided by",
                "Verification",
                "Outcome",
                "Outcome note",
            ],
            report.decisions.iter().map(|d| {
                vec![
                    Cell::Date(d.decided_on),
                    Cell::text(&d.title),
                    Cell::text(&d.constraints),
                    Cell::text(&d.options),
                    Cell::text(&d.choice),
                    Cell::text(&d.rationale),
                    Cell::text(&d.decided_by),
                    Cell::text(&d.verification),
                    Cell::text(d.outcome.label()),
                    Cell::text(&d.outcome_note),
                ]
            }),
        ),
        table(
            "communications",
            &[
                "Send on", "Audience", "Channel", "Message", "Owner", "Sent on",
            ],
            report.communications.iter().map(|c| {
                vec![
                    Cell::Date(c.send_on),
                    Cell::text(&c.audience),
                    Cell::text(&c.channel),
                    Cell::text(&c.message),
                    Cell::text(&c.owner_name),
                    Cell::date(c.sent_on),
                ]
            }),
        ),
        stakeholders(report),
        table(
            "scope_log",
            &["Logged on", "Cut or deferred", "Reason", "Protects"],
            report.scope_changes.iter().map(|s| {
                vec![
                    Cell::Date(s.logged_on),
                    Cell::text(&s.cut),
                    Cell::text(&s.reason),
                    Cell::text(&s.protected),
                ]
            }),
        ),
        table(
            "sops",
            &[
                "Code",
                "Title",
                "Relation",
                "Status",
                "Version",
                "Effective",
                "Next review",
                "Owner",
            ],
            report.sops.iter().map(|l| {
                let s = &l.sop;
                vec![
                    Cell::text(&s.code),
                    Cell::text(&s.title),
                    Cell::text(l.relation.label()),
                    Cell::text(s.status.label()),
                    Cell::int(s.version),
                    Cell::date(s.effective_date),
                    Cell::date(s.next_review_date),
                    Cell::text(&s.owner),
                ]
            }),
        ),
    ]
}

fn table(
    name: &'static str,
    headers: &[&'static str],
    rows: impl Iterator<Item = Vec<Cell>>,
) -> ExportTable {
    ExportTable {
        name,
        headers: headers.to_vec(),
        rows: rows.collect(),
    }
}

fn rollout(report: &RolloutReport) -> ExportTable {
    let r = &report.rollout;
    let readiness = &report.overview.readiness;
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
            Cell::text(super::html::verdict_words(readiness.verdict).1),
            Cell::int(readiness.score),
            Cell::text(&r.scope_in),
            Cell::text(&r.scope_out),
            Cell::Date(report.as_of),
        ]),
    )
}

/// The columns `import tasks` reads back (title, phase, owner, start, due, status,
/// depends on), then what only an export has.
fn tasks(report: &RolloutReport) -> ExportTable {
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
                .depends_on
                .iter()
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
                Cell::text(super::text::yes_no(report.is_critical(&t.id))),
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

fn criteria(report: &RolloutReport) -> ExportTable {
    table(
        "readiness_criteria",
        &[
            "Category",
            "Criterion",
            "Owner",
            "Status",
            "Hard gate",
            "Evidence",
        ],
        report.criteria.iter().map(|c| {
            vec![
                Cell::text(c.category.label()),
                Cell::text(&c.title),
                Cell::text(&c.owner),
                Cell::text(c.status.label()),
                Cell::text(super::text::yes_no(c.hard_gate)),
                Cell::text(&c.evidence),
            ]
        }),
    )
}

fn metrics(report: &RolloutReport) -> ExportTable {
    table(
        "metrics",
        &[
            "Metric",
            "Definition",
            "Numerator",
            "Denominator",
            "Unit",
            "Direction",
            "Indicator",
            "Data source",
            "Cadence",
            "Owner",
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
                Cell::text(def.unit.label()),
                Cell::text(def.direction.label()),
                Cell::text(def.indicator.label()),
                Cell::text(&def.data_source),
                Cell::text(def.cadence.label()),
                Cell::text(&def.owner_name),
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

/// Columns match `import measurements` (metric, date, value, note, source).
fn measurements(report: &RolloutReport) -> ExportTable {
    table(
        "measurements",
        &["Metric", "Date", "Value", "Note", "Source"],
        report.metrics.iter().flat_map(|m| {
            m.measurements.iter().map(|v| {
                vec![
                    Cell::text(&m.chart.metric.name),
                    Cell::Date(v.measured_on),
                    Cell::Number(v.value),
                    Cell::text(&v.note),
                    Cell::text(&v.source),
                ]
            })
        }),
    )
}

fn stakeholders(report: &RolloutReport) -> ExportTable {
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
                Cell::text(super::text::yes_no(s.is_group)),
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
