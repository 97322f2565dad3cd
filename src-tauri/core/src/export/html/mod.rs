//! The rollout report as one self-contained HTML file: inline CSS and SVG, no scripts,
//! no remote content, print-ready (a page per section, headers repeated on long tables).
//! It is what a board sees of the product, so it reads as a document, not a data dump.

mod debriefs;
mod digest;
mod improvement;
mod plan;
mod summary;
mod workspace;

use super::text::{date_long, html_escape as e};
use super::{ExportDetail, RolloutReport};
use crate::readiness::Verdict;

const STYLE: &str = include_str!("style.css");

/// The sections in order: (anchor, title). The contents and the tests use the same list.
pub const SECTIONS: &[(&str, &str)] = &[
    ("overview", "Overview"),
    ("timeline", "Timeline"),
    ("plan", "Plan"),
    ("readiness", "Readiness"),
    ("training", "Training"),
    ("metrics", "Metrics"),
    ("risks", "Risks"),
    ("decisions", "Decisions"),
    ("communications", "Communications"),
    ("stakeholders", "Stakeholders"),
    ("scope", "Scope log"),
    ("sops", "Linked SOPs"),
];

/// The appendix of a report with everything: (anchor, title).
pub const APPENDIX: &[(&str, &str)] = &[
    ("appendix-tasks", "Appendix A: Every task"),
    ("appendix-timeline", "Appendix B: Task-by-task timeline"),
];

/// The standard report as an HTML document ([`ExportDetail::Standard`]).
pub fn rollout_html(report: &RolloutReport) -> String {
    rollout_html_with(report, ExportDetail::Standard)
}

/// The report as an HTML document holding as much as `detail` says: the executive
/// summary first, then (beyond the summary alone) the contents and the sections.
pub fn rollout_html_with(report: &RolloutReport, detail: ExportDetail) -> String {
    let mut out = String::with_capacity(64 * 1024 + report.tasks.len() * 600);
    let rollout = &report.rollout;
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>{} — rollout report</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        e(&rollout.name)
    ));
    summary::write(&mut out, report);
    let everything = detail == ExportDetail::Everything;
    let appendix: &[(&str, &str)] = if everything { APPENDIX } else { &[] };
    // Debriefs have their section once there are some.
    let debriefs: &[(&str, &str)] = if report.debriefs.is_empty() {
        &[]
    } else {
        &[("debriefs", "Debriefs")]
    };
    if detail != ExportDetail::Summary {
        out.push_str("<nav class=\"contents\"><h2>Contents</h2><ol>");
        for (anchor, title) in SECTIONS.iter().chain(debriefs).chain(appendix) {
            out.push_str(&format!("<li><a href=\"#{anchor}\">{title}</a></li>"));
        }
        out.push_str("</ol></nav>\n");
        for (anchor, title) in SECTIONS.iter().chain(debriefs).chain(appendix) {
            out.push_str(&format!("<section id=\"{anchor}\">\n<h2>{title}</h2>\n"));
            write_section(&mut out, anchor, report, everything);
            out.push_str("</section>\n");
        }
    }
    out.push_str(&format!(
        "</main>\n<footer>Exported {} · {} · Rollplan</footer>\n</body>\n</html>\n",
        date_long(report.as_of),
        e(&rollout.name)
    ));
    out
}

fn write_section(out: &mut String, anchor: &str, report: &RolloutReport, everything: bool) {
    match anchor {
        "overview" => plan::overview(out, report),
        "timeline" => plan::phase_timeline(out, report, everything),
        "plan" if crate::export::lists_every_task(report) => {
            plan::baseline(out, report);
            plan::tasks(out, report)
        }
        "plan" => {
            plan::baseline(out, report);
            digest::write(out, report, everything)
        }
        "appendix-tasks" => plan::tasks(out, report),
        "appendix-timeline" => plan::timeline(out, report),
        "readiness" => plan::readiness(out, report),
        "training" => plan::training(out, report),
        "metrics" => workspace::metrics(out, report),
        "risks" => workspace::risks(out, report),
        "decisions" => workspace::decisions(out, report),
        "communications" => workspace::communications(out, report),
        "stakeholders" => workspace::stakeholders(out, report),
        "scope" => workspace::scope(out, report),
        "debriefs" => debriefs::write(out, report),
        _ => workspace::sops(out, report),
    }
}

/// A labelled figure; `value` is markup the caller has escaped.
pub(super) fn fact(label: &str, value: &str) -> String {
    format!("<div class=\"fact\"><div class=\"label\">{label}</div><div class=\"value\">{value}</div></div>")
}

pub(super) fn verdict_badge(verdict: Verdict) -> String {
    let (class, label) = verdict_words(verdict);
    format!("<span class=\"badge {class}\">{label}</span>")
}

pub(crate) fn verdict_words(verdict: Verdict) -> (&'static str, &'static str) {
    (verdict.code(), verdict.label())
}

/// Escaped text, or a dash for nothing.
pub(super) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        e(text)
    }
}

/// A table from escaped cells; `numeric` marks right-aligned columns.
pub(super) fn table(out: &mut String, headers: &[&str], numeric: &[usize], rows: &[Vec<String>]) {
    out.push_str("<table><thead><tr>");
    for (i, header) in headers.iter().enumerate() {
        let class = if numeric.contains(&i) {
            " class=\"num\""
        } else {
            ""
        };
        out.push_str(&format!("<th{class}>{header}</th>"));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if numeric.contains(&i) {
                " class=\"num\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{cell}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}
