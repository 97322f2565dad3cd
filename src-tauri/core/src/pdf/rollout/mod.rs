//! The rollout report as a typeset PDF: two pages of executive summary (the first one
//! the cover, with the verdict), the contents, then the same sections as the HTML
//! report, each starting on a new page, and for a report with everything an appendix
//! with every task and the task-by-task timeline; page numbers and a footer naming the
//! rollout and the export date.

mod digest;
mod improvement;
mod plan;
mod workspace;

use serde::Serialize;

use super::blocks::{Block, Cell, Tone};
use super::world::typeset;
use crate::export::text::date_long;
use crate::export::{ExecutiveSummary, ExportDetail, RolloutReport, SummaryPart, HTML_SECTIONS};
use crate::readiness::Verdict;
use crate::Result;

const TEMPLATE: &str = include_str!("rollout.typ");

/// What the template reads.
#[derive(Serialize)]
struct Document {
    title: String,
    footer: String,
    exported_on: String,
    summary: Summary,
    /// Contents and sections follow the summary (every level but the summary alone).
    contents: bool,
    sections: Vec<Section>,
    appendix: Vec<Section>,
}

/// The executive summary: page 1 (the cover) and page 2.
#[derive(Serialize)]
struct Summary {
    kicker: String,
    name: String,
    goal: String,
    verdict: String,
    verdict_tone: Tone,
    facts: Vec<(String, String)>,
    people: String,
    /// Beside the verdict on page 1.
    first: Vec<Part>,
    /// Page 2.
    second: Vec<Part>,
}

#[derive(Serialize)]
struct Part {
    title: String,
    items: Vec<Cell>,
}

#[derive(Serialize)]
struct Section {
    title: String,
    blocks: Vec<Block>,
}

/// The report of one rollout as a standard PDF ([`ExportDetail::Standard`]).
pub fn rollout_pdf(report: &RolloutReport) -> Result<Vec<u8>> {
    rollout_pdf_with(report, ExportDetail::Standard)
}

/// The report of one rollout as a PDF holding as much as `detail` says. `report` is a
/// document report ([`crate::Store::rollout_document_report`]): each metric's latest
/// values beside its chart, every other record in full.
pub fn rollout_pdf_with(report: &RolloutReport, detail: ExportDetail) -> Result<Vec<u8>> {
    let rollout = &report.rollout;
    let mut sections = match detail {
        ExportDetail::Summary => Vec::new(),
        _ => HTML_SECTIONS
            .iter()
            .map(|(anchor, title)| Section {
                title: (*title).to_owned(),
                blocks: section_blocks(anchor, report, detail),
            })
            .collect(),
    };
    // Debriefs have their section once there are some, as in the HTML report.
    if detail != ExportDetail::Summary && !report.debriefs.is_empty() {
        sections.push(Section {
            title: "Debriefs".to_owned(),
            blocks: workspace::debriefs(report),
        });
    }
    let appendix = match detail {
        ExportDetail::Everything => vec![
            Section {
                title: "Appendix A: Every task".to_owned(),
                blocks: plan::every_task(report),
            },
            Section {
                title: "Appendix B: Task-by-task timeline".to_owned(),
                blocks: plan::task_timeline(report),
            },
        ],
        _ => Vec::new(),
    };
    typeset(
        TEMPLATE,
        &Document {
            title: format!("{} — rollout report", rollout.name),
            footer: rollout.name.clone(),
            exported_on: date_long(report.as_of),
            summary: summary(&ExecutiveSummary::of(report)),
            contents: detail != ExportDetail::Summary,
            sections,
            appendix,
        },
    )
}

fn section_blocks(anchor: &str, report: &RolloutReport, detail: ExportDetail) -> Vec<Block> {
    let everything = detail == ExportDetail::Everything;
    match anchor {
        "overview" => plan::overview(report),
        "timeline" => plan::timeline(report, everything),
        "plan" => plan::tasks(report, everything),
        "readiness" => plan::readiness(report),
        "training" => plan::training(report),
        "metrics" => workspace::metrics(report),
        "risks" => workspace::risks(report),
        "decisions" => workspace::decisions(report),
        "communications" => workspace::communications(report),
        "stakeholders" => workspace::stakeholders(report),
        "scope" => workspace::scope(report),
        _ => workspace::sops(report),
    }
}

fn summary(summary: &ExecutiveSummary) -> Summary {
    let (verdict, verdict_tone) = verdict_words(summary.verdict);
    let (first, second): (Vec<SummaryPart>, Vec<SummaryPart>) =
        summary.parts().into_iter().partition(|p| p.lead);
    Summary {
        kicker: format!("Rollout report · {}", summary.kind),
        name: summary.name.clone(),
        goal: summary.goal.clone(),
        verdict: verdict.to_owned(),
        verdict_tone,
        facts: summary.figures(),
        people: summary.people_line(),
        first: first.into_iter().map(part).collect(),
        second: second.into_iter().map(part).collect(),
    }
}

fn part(part: SummaryPart) -> Part {
    use crate::export::SummaryTone;
    Part {
        title: part.title,
        items: part
            .items
            .into_iter()
            .map(|item| {
                let cell = Cell::text(item.text);
                match item.tag {
                    Some(tag) => {
                        let tone = match tag.tone {
                            SummaryTone::Good => Tone::Good,
                            SummaryTone::Warn => Tone::Warn,
                            SummaryTone::Bad => Tone::Bad,
                            SummaryTone::Neutral => Tone::Neutral,
                        };
                        cell.with_tag(tag.label, tone)
                    }
                    None => cell,
                }
            })
            .collect(),
    }
}

pub(super) fn verdict_words(verdict: Verdict) -> (&'static str, Tone) {
    let tone = match verdict {
        Verdict::Go => Tone::Good,
        Verdict::NoGo => Tone::Bad,
        Verdict::NotAssessed => Tone::Neutral,
    };
    (verdict.label(), tone)
}

/// The colour of a status, from its stable code — the same grouping as the HTML
/// report's stylesheet, so a status reads the same in both.
pub(super) fn tone(code: &str) -> Tone {
    match code {
        "go" | "on_track" | "met" | "done" | "held" | "approved" => Tone::Good,
        "no_go" | "act" | "not_met" | "blocked" | "did_not_hold" => Tone::Bad,
        "watch" | "at_risk" => Tone::Warn,
        _ => Tone::Neutral,
    }
}
