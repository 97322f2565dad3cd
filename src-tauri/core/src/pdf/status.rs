//! A weekly status as a PDF, typeset from the same outline as every other format of it
//! (see [`crate::export::StatusOutline`]), so the PDF says what the email says.

use serde::Serialize;

use super::world::typeset;
use crate::export::StatusDocument;
use crate::Result;

const TEMPLATE: &str = include_str!("status.typ");

/// What the template reads: the outline, every value in words.
#[derive(Serialize)]
struct Data {
    title: String,
    week: String,
    state: String,
    summary_note: String,
    headline: String,
    figures: Vec<Figures>,
    sections: Vec<Section>,
    next_update: String,
}

#[derive(Serialize)]
struct Figures {
    rollout_name: String,
    lines: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Section {
    title: String,
    note: String,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    /// The tone's code: the template colours the label by it.
    tone: &'static str,
    tone_label: String,
    rollout_name: String,
    happened: String,
    details: Vec<(String, String)>,
}

/// The status as PDF bytes.
pub fn status_pdf(document: &StatusDocument) -> Result<Vec<u8>> {
    let o = document.outline();
    let data = Data {
        title: o.title,
        week: o.week,
        state: o.state,
        summary_note: o.summary_note,
        headline: o.headline,
        figures: o
            .figures
            .into_iter()
            .map(|f| Figures {
                rollout_name: f.rollout_name,
                lines: f.lines,
            })
            .collect(),
        sections: o
            .sections
            .into_iter()
            .map(|s| Section {
                title: s.title,
                note: s.note,
                items: s
                    .items
                    .into_iter()
                    .map(|i| Item {
                        tone: i.tone.code(),
                        tone_label: i.tone_label,
                        rollout_name: i.rollout_name,
                        happened: i.happened,
                        details: i.details,
                    })
                    .collect(),
            })
            .collect(),
        next_update: o.next_update,
    };
    typeset(TEMPLATE, &data)
}
