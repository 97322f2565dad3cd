//! The report as plain tables — one per kind of entity — for the spreadsheet formats.
//! CSV and XLSX render the same tables, so a column added here appears in both; the
//! workbook also opens on a summary sheet ([`summary_table`]).

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
    pub(super) fn text(value: &str) -> Self {
        Cell::Text(value.to_owned())
    }
    pub(super) fn date(value: Option<NaiveDate>) -> Self {
        value.map_or(Cell::Empty, Cell::Date)
    }
    pub(super) fn int(value: i64) -> Self {
        Cell::Number(value as f64)
    }
    pub(super) fn number(value: Option<f64>) -> Self {
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

mod rows;
mod summary;

pub use summary::summary_table;

use rows::{criteria, measurements, metrics, rollout, stakeholders, tasks};

/// Every table of the report, in reading order; a table with no rows still has headers.
pub fn rollout_tables(report: &RolloutReport) -> Vec<ExportTable> {
    vec![
        rollout(report),
        tasks(report),
        criteria(report),
        table(
            "training_by_role",
            &["Role", "People", "Fully trained", "Trained %", "Overdue"],
            report.training_by_role.iter().map(|r| {
                vec![
                    Cell::text(&r.role_name),
                    Cell::int(r.people),
                    Cell::int(r.trained),
                    Cell::int(r.percent),
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
                "Band",
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
                    Cell::text(r.band.label()),
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
