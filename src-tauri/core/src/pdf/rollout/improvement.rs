//! A metric's improvement cycles in the PDF report: its ramp as a table inside the
//! metric's card, each row worded by the core
//! ([`crate::improvement::PdsaCycle::ramp_cells`]), as in the HTML and Markdown reports.

use super::Block;
use crate::improvement::{PdsaCycle, RAMP_HEADERS};
use crate::pdf::blocks::Cell;

/// How wide each column of [`RAMP_HEADERS`] is, relatively: the Study's sentence
/// needs the most room.
const WIDTHS: [f64; 5] = [1.5, 1.3, 1.4, 2.4, 1.5];

/// The heading and table of a ramp; nothing when the metric has no cycles.
pub(super) fn ramp(cycles: &[PdsaCycle]) -> Vec<Block> {
    if cycles.is_empty() {
        return Vec::new();
    }
    let columns: Vec<(&str, f64)> = RAMP_HEADERS.iter().copied().zip(WIDTHS).collect();
    vec![
        Block::heading("Improvement cycles (PDSA)"),
        Block::table(
            &columns,
            cycles
                .iter()
                .map(|c| c.ramp_cells().into_iter().map(Cell::text).collect())
                .collect(),
        ),
    ]
}
