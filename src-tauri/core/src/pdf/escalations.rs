//! The escalation table across the library as a PDF: landscape, one row per exception
//! with its SOP and step, trigger, action, whom it goes to, the time limit in the
//! map's words (flagged when it cannot be measured) and the rollouts it belongs to.

use chrono::NaiveDate;
use serde::Serialize;

use super::world::typeset;
use crate::export::text::date_or_dash as day;
use crate::export::ESCALATIONS_TITLE;
use crate::sops::escalations::EscalationTable;
use crate::Result;

const TEMPLATE: &str = include_str!("escalations.typ");

/// What the template reads.
#[derive(Serialize)]
struct Document {
    title: String,
    summary: String,
    printed_on: String,
    /// What the page says when the filter leaves nothing.
    empty: String,
    rows: Vec<Row>,
}

/// One exception as printed: every value already in words.
#[derive(Serialize)]
struct Row {
    code: String,
    title: String,
    draft: bool,
    step: String,
    role: String,
    trigger: String,
    action: String,
    escalate_to: String,
    time_limit: String,
    flag: Option<String>,
    evidence: String,
    rollouts: String,
}

/// The table as PDF bytes.
pub fn escalations_pdf(table: &EscalationTable, today: NaiveDate) -> Result<Vec<u8>> {
    typeset(
        TEMPLATE,
        &Document {
            title: ESCALATIONS_TITLE.to_owned(),
            summary: table.summary.clone(),
            printed_on: day(Some(today)),
            empty: "No exception matches this filter.".to_owned(),
            rows: table
                .rows
                .iter()
                .map(|r| Row {
                    code: r.sop_code.clone(),
                    title: r.sop_title.clone(),
                    draft: !r.in_force,
                    step: r.step.clone(),
                    role: r.step_role.clone(),
                    trigger: r.trigger.clone(),
                    action: r.action.clone(),
                    escalate_to: r.escalate_to.clone(),
                    time_limit: r.time_limit.clone(),
                    flag: r.limit_flag.clone(),
                    evidence: r.evidence.clone(),
                    rollouts: r.rollouts.join(", "),
                })
                .collect(),
        },
    )
}
