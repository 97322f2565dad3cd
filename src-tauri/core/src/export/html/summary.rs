//! The executive summary at the top of the HTML report: the same figures and lines, in
//! the same order and words, as the PDF's first two pages ([`ExecutiveSummary`]).

use super::{fact, verdict_words};
use crate::export::text::html_escape as e;
use crate::export::{ExecutiveSummary, RolloutReport, SummaryItem, SummaryTone};

pub(super) fn write(out: &mut String, report: &RolloutReport) {
    let summary = ExecutiveSummary::of(report);
    let (verdict_class, verdict) = verdict_words(summary.verdict);
    out.push_str(&format!(
        "<header class=\"cover\" id=\"summary\">\n<div class=\"kicker\">Rollout report · {}</div>\n<h1>{}</h1>\n",
        e(&summary.kind),
        e(&summary.name)
    ));
    if !summary.goal.is_empty() {
        out.push_str(&format!("<p class=\"pre\">{}</p>\n", e(&summary.goal)));
    }
    out.push_str(&format!(
        "<div class=\"verdict {verdict_class}\">Readiness verdict: {verdict}</div>\n<div class=\"facts\">"
    ));
    for (label, value) in summary.figures() {
        out.push_str(&fact(&e(&label), &e(&value)));
    }
    out.push_str(&format!(
        "</div>\n<p class=\"muted\">{}</p>\n",
        e(&summary.people_line())
    ));
    for part in summary.parts() {
        out.push_str(&format!("<h3>{}</h3><ul>", e(&part.title)));
        for item in &part.items {
            out.push_str(&format!("<li>{}</li>", item_html(item)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
}

/// A line with its tag as a badge, coloured as the report colours statuses.
fn item_html(item: &SummaryItem) -> String {
    let mut html = e(&item.text);
    if let Some(tag) = &item.tag {
        let class = match tag.tone {
            SummaryTone::Good => "go",
            SummaryTone::Warn => "watch",
            SummaryTone::Bad => "no_go",
            SummaryTone::Neutral => "",
        };
        html.push_str(&format!(
            " <span class=\"badge {class}\">{}</span>",
            e(&tag.label)
        ));
    }
    html
}
