//! A metric's improvement cycles in the HTML report: its ramp as a table, each cycle's
//! row worded by the core ([`crate::improvement::PdsaCycle::ramp_cells`]).

use super::table;
use crate::export::text::html_escape as e;
use crate::improvement::{PdsaCycle, RAMP_HEADERS};

/// The ramp under a metric's chart; nothing when the metric has no cycles.
pub(super) fn ramp(out: &mut String, cycles: &[PdsaCycle]) {
    if cycles.is_empty() {
        return;
    }
    out.push_str("<h4>Improvement cycles (PDSA)</h4>\n");
    let rows: Vec<Vec<String>> = cycles
        .iter()
        .map(|c| c.ramp_cells().iter().map(|cell| e(cell)).collect())
        .collect();
    table(out, &RAMP_HEADERS, &[], &rows);
}
