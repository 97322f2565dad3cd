//! A weekly status as a document: email-ready plain text, Markdown, HTML and DOCX here,
//! PDF in [`crate::pdf`]. Every format renders one [`StatusOutline`], in which each
//! figure and sentence is already written (the draft's own words, the core's verdicts
//! and percentages), so the formats cannot disagree; and [`status_phi_check`] scans
//! exactly the text they carry before it leaves the machine.

mod docx;
mod html;
mod markdown;
mod outline;
mod plain;
mod run;

pub use docx::status_docx;
pub use html::status_html;
pub use markdown::status_markdown;
pub use outline::{OutlineFigures, OutlineItem, OutlineSection, StatusOutline};
pub use plain::status_text;
pub use run::{
    export_file_name_for_status, run_status_export, status_bytes, StatusExportRequest,
    StatusFormat, StatusSubject,
};

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::PhiHit;
use crate::status::{SavedStatus, StatusDraft, StatusState};

/// A status as it is sent: the draft without its hidden items, the manager's notes, and
/// whether (and when) it went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusDocument {
    pub status: StatusDraft,
    /// By section code, and `summary` for the top.
    pub notes: BTreeMap<String, String>,
    pub state: Option<StatusState>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl StatusDocument {
    /// A fresh draft, not saved: no notes, nothing hidden.
    pub fn of_draft(status: StatusDraft) -> Self {
        Self {
            status,
            notes: BTreeMap::new(),
            state: None,
            sent_at: None,
        }
    }

    /// A saved status as it is sent.
    pub fn of_saved(saved: &SavedStatus) -> Self {
        Self {
            status: saved.shown(),
            notes: saved.notes.clone(),
            state: Some(saved.state),
            sent_at: saved.sent_at,
        }
    }

    /// The words every format prints.
    pub fn outline(&self) -> StatusOutline {
        outline::outline(self)
    }
}

/// Every hit in the text a status export would carry, named by section and item.
pub fn status_phi_check(document: &StatusDocument) -> Vec<PhiHit> {
    let outline = document.outline();
    let mut hits = Vec::new();
    let mut scan = |entity: &str, field: &str, text: &str| {
        hits.extend(super::phi::field_hits(entity, field, text));
    };
    scan("Status", "title", &outline.title);
    scan("Status", "summary note", &outline.summary_note);
    for figures in &outline.figures {
        for (label, value) in &figures.lines {
            scan(
                &format!("Rollout \"{}\"", figures.rollout_name),
                label,
                value,
            );
        }
    }
    for section in &outline.sections {
        let entity = format!("Section \"{}\"", section.title);
        scan(&entity, "note", &section.note);
        for item in &section.items {
            let entity = format!("Item \"{}\"", item.happened);
            scan(&entity, "what happened", &item.happened);
            for (label, value) in &item.details {
                scan(&entity, &label.to_lowercase(), value);
            }
        }
    }
    hits
}
