//! The Debriefs section of the HTML report: each debrief as a card of labelled lines,
//! in the words [`crate::debriefs::Debrief::lines`] gives every format.

use crate::export::text::{date_long, html_escape as e};
use crate::export::RolloutReport;

pub(super) fn write(out: &mut String, report: &RolloutReport) {
    for debrief in &report.debriefs {
        out.push_str(&format!(
            "<div class=\"card\"><h3>{} <span class=\"muted\">· {}</span></h3><table class=\"definition\">",
            e(&debrief.title),
            date_long(debrief.held_on)
        ));
        for (label, text) in debrief.lines() {
            out.push_str(&format!(
                "<tr><th>{label}</th><td class=\"pre\">{}</td></tr>",
                e(&text)
            ));
        }
        out.push_str("</table></div>\n");
    }
}
