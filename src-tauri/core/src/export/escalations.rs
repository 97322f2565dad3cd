//! The escalation table across the library as a workbook (one sheet, filters on, set
//! up to print) and its PHI check. The PDF is typeset in `pdf/escalations.rs`; both
//! print the rows [`Store::escalation_table`](crate::Store::escalation_table) gives,
//! the time limit in the words the map uses.

use super::phi::field_hits;
use super::tables::{Cell, ExportTable};
use super::xlsx::table_xlsx;
use super::PhiHit;
use crate::sops::escalations::EscalationTable;
use crate::Result;

/// What the escalation table's file and sheet are called.
pub const ESCALATIONS_TITLE: &str = "Escalation paths";

/// The table as the workbook lays it out: one row per exception.
pub fn escalation_export_table(table: &EscalationTable) -> ExportTable {
    let text = |s: &str| Cell::Text(s.to_owned());
    ExportTable {
        name: "Escalations",
        headers: vec![
            "SOP",
            "Title",
            "Version",
            "Applies to",
            "Role of the step",
            "When",
            "Do",
            "Escalate to",
            "Time limit",
            "Minutes",
            "Evidence",
            "Rollouts",
            "Note",
        ],
        rows: table
            .rows
            .iter()
            .map(|row| {
                let mut note = Vec::new();
                if !row.in_force {
                    note.push("Draft: no version approved yet.".to_owned());
                }
                note.extend(row.limit_flag.clone());
                vec![
                    text(&row.sop_code),
                    text(&row.sop_title),
                    Cell::Number(row.sop_version as f64),
                    text(&row.step),
                    text(&row.step_role),
                    text(&row.trigger),
                    text(&row.action),
                    text(&row.escalate_to),
                    text(&row.time_limit),
                    row.minutes.map_or(Cell::Empty, |m| Cell::Number(m as f64)),
                    text(&row.evidence),
                    text(&row.rollouts.join(", ")),
                    text(&note.join(" ")),
                ]
            })
            .collect(),
    }
}

/// The table as XLSX bytes; the sheet's margin names what it shows.
pub fn escalations_xlsx(table: &EscalationTable) -> Result<Vec<u8>> {
    table_xlsx(
        &escalation_export_table(table),
        &format!("{ESCALATIONS_TITLE} — {}", table.summary),
    )
}

/// What looks like patient data in the rows, by SOP and exception.
pub fn escalation_phi_check(table: &EscalationTable) -> Vec<PhiHit> {
    let mut hits = Vec::new();
    for row in &table.rows {
        let entity = format!("SOP {} exception \"{}\"", row.sop_code, row.trigger);
        for (field, value) in [
            ("trigger", &row.trigger),
            ("action", &row.action),
            ("escalate to", &row.escalate_to),
            ("within", &row.time_limit),
            ("evidence", &row.evidence),
            ("step", &row.step),
        ] {
            hits.extend(field_hits(&entity, field, value));
        }
    }
    hits
}
