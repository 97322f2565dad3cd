//! The rollout report as a typeset PDF: a cover with the verdict, contents, and the same
//! sections as the HTML report, each starting on a new page, with page numbers and a
//! footer naming the rollout and the export date.

mod plan;
mod workspace;

use serde::Serialize;

use super::blocks::{or_dash, Block, Tone};
use super::world::typeset;
use crate::export::text::{countdown, date_long};
use crate::export::{RolloutReport, HTML_SECTIONS};
use crate::readiness::Verdict;
use crate::Result;

const TEMPLATE: &str = include_str!("rollout.typ");

/// What the template reads.
#[derive(Serialize)]
struct Document {
    title: String,
    footer: String,
    exported_on: String,
    cover: Cover,
    sections: Vec<Section>,
}

#[derive(Serialize)]
struct Cover {
    kicker: String,
    name: String,
    goal: String,
    verdict: String,
    verdict_tone: Tone,
    facts: Vec<(String, String)>,
    people: String,
}

#[derive(Serialize)]
struct Section {
    title: String,
    blocks: Vec<Block>,
}

/// The report of one rollout as a PDF. `report` is a document report
/// ([`crate::Store::rollout_document_report`]): each metric's latest values beside its
/// chart, every other record in full.
pub fn rollout_pdf(report: &RolloutReport) -> Result<Vec<u8>> {
    let rollout = &report.rollout;
    let sections = HTML_SECTIONS
        .iter()
        .map(|(anchor, title)| Section {
            title: (*title).to_owned(),
            blocks: section_blocks(anchor, report),
        })
        .collect();
    typeset(
        TEMPLATE,
        &Document {
            title: format!("{} — rollout report", rollout.name),
            footer: rollout.name.clone(),
            exported_on: date_long(report.as_of),
            cover: cover(report),
            sections,
        },
    )
}

fn section_blocks(anchor: &str, report: &RolloutReport) -> Vec<Block> {
    match anchor {
        "overview" => plan::overview(report),
        "timeline" => plan::timeline(report),
        "plan" => plan::tasks(report),
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

fn cover(report: &RolloutReport) -> Cover {
    let rollout = &report.rollout;
    let readiness = &report.overview.readiness;
    let go_live = match (rollout.go_live_date, report.overview.days_to_go_live) {
        (Some(date), Some(days)) => format!("{} ({})", date_long(date), countdown(days)),
        _ => "Not set".to_owned(),
    };
    let (verdict, verdict_tone) = verdict_words(readiness.verdict);
    Cover {
        kicker: format!("Rollout report · {}", rollout.kind.label()),
        name: rollout.name.clone(),
        goal: rollout.goal.trim().to_owned(),
        verdict: verdict.to_owned(),
        verdict_tone,
        facts: vec![
            ("Phase".into(), rollout.phase.label().into()),
            ("Go-live".into(), go_live),
            (
                "Readiness".into(),
                format!("{verdict} · {}/100", readiness.score),
            ),
            ("As of".into(), date_long(report.as_of)),
        ],
        people: format!(
            "Sponsor: {} · Owner: {}",
            or_dash(&rollout.sponsor),
            or_dash(&rollout.owner)
        ),
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
