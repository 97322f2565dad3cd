//! The executive summary at the top of the Markdown report: the same figures and lines,
//! in the same order and words, as the PDF's first two pages ([`ExecutiveSummary`]).

use std::fmt::Write;

use crate::export::html::verdict_words;
use crate::export::text::markdown_escape as m;
use crate::export::{ExecutiveSummary, RolloutReport};

pub(super) fn write(out: &mut String, report: &RolloutReport) {
    let summary = ExecutiveSummary::of(report);
    let _ = writeln!(out, "**Rollout report · {}**\n", m(&summary.kind));
    if !summary.goal.is_empty() {
        let _ = writeln!(out, "{}\n", m(&summary.goal));
    }
    let _ = writeln!(
        out,
        "**Readiness verdict: {}**\n",
        verdict_words(summary.verdict).1
    );
    for (label, value) in summary.figures() {
        let _ = writeln!(out, "- {}: **{}**", m(&label), m(&value));
    }
    let _ = writeln!(out, "\n{}\n", m(&summary.people_line()));
    for part in summary.parts() {
        let _ = writeln!(out, "### {}\n", m(&part.title));
        for item in &part.items {
            let tag = item
                .tag
                .as_ref()
                .map(|t| format!(" · **{}**", m(&t.label)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{tag}", m(&item.text));
        }
        out.push('\n');
    }
}
