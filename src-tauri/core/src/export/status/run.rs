//! Exporting a status to a file, as every export runs: gather, PHI check (nothing is
//! written while it finds something, unless the person exports anyway), render, write
//! atomically. The subject is a saved status, or a fresh draft of a week.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::StatusDocument;
use super::{status_docx, status_html, status_markdown, status_phi_check, status_text};
use crate::export::files::write_atomically;
use crate::export::{size_text, ExportOutcome};
use crate::{Result, Store};

/// The formats a status comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum StatusFormat {
    /// Plain text that pastes into an email.
    #[serde(rename = "txt")]
    Text,
    #[serde(rename = "md")]
    Markdown,
    #[serde(rename = "html")]
    Html,
    #[serde(rename = "pdf")]
    Pdf,
    #[serde(rename = "docx")]
    Docx,
}

coded_enum!(StatusFormat, "format", "format", {
    Text => "txt", "Email text";
    Markdown => "md", "Markdown";
    Html => "html", "HTML";
    Pdf => "pdf", "PDF";
    Docx => "docx", "Word (DOCX)";
});

/// Which status to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatusSubject {
    /// A saved status, as it is sent (hidden items left out, notes in).
    Saved { id: String },
    /// The draft of a week, unsaved: of one rollout, or (`None`) of every active one.
    Draft {
        rollout_id: Option<String>,
        week: NaiveDate,
    },
}

/// One status export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusExportRequest {
    pub subject: StatusSubject,
    pub format: StatusFormat,
    pub path: PathBuf,
    /// Export even though the PHI check found something.
    pub force: bool,
    /// Replace an existing file.
    pub overwrite: bool,
}

impl Store {
    /// The status a subject names, ready to render.
    pub fn status_document(
        &self,
        subject: &StatusSubject,
        today: NaiveDate,
    ) -> Result<StatusDocument> {
        Ok(match subject {
            StatusSubject::Saved { id } => StatusDocument::of_saved(&self.get_status(id)?),
            StatusSubject::Draft {
                rollout_id: Some(id),
                week,
            } => StatusDocument::of_draft(self.draft_status(id, *week, today)?),
            StatusSubject::Draft {
                rollout_id: None,
                week,
            } => StatusDocument::of_draft(self.draft_portfolio_status(*week, today)?),
        })
    }
}

/// The status in `format`, as the bytes of its file.
pub fn status_bytes(document: &StatusDocument, format: StatusFormat) -> Result<Vec<u8>> {
    Ok(match format {
        StatusFormat::Text => status_text(document).into_bytes(),
        StatusFormat::Markdown => status_markdown(document).into_bytes(),
        StatusFormat::Html => status_html(document).into_bytes(),
        StatusFormat::Pdf => crate::pdf::status_pdf(document)?,
        StatusFormat::Docx => status_docx(document)?,
    })
}

/// Runs one status export: with PHI hits and without `force`, nothing is written and the
/// hits come back.
pub fn run_status_export(
    store: &Store,
    request: &StatusExportRequest,
    today: NaiveDate,
) -> Result<ExportOutcome> {
    let document = store.status_document(&request.subject, today)?;
    let phi_hits = status_phi_check(&document);
    let (mut outcome, held) =
        crate::export::run::checked_outcome(&request.path, phi_hits, request.force);
    if held {
        return Ok(outcome);
    }
    let bytes = status_bytes(&document, request.format)?;
    write_atomically(&request.path, &bytes, request.overwrite)?;
    outcome.written = true;
    outcome.bytes = bytes.len() as u64;
    outcome.summary = format!(
        "Exported the status of the week of {} to {} ({}).",
        crate::export::text::date_long(document.status.week.monday),
        request.path.display(),
        size_text(bytes.len())
    );
    Ok(outcome)
}

/// The name a save dialog proposes: "Weekly status - EHR go-live - 2027-01-11.txt".
pub fn export_file_name_for_status(
    store: &Store,
    subject: &StatusSubject,
    format: StatusFormat,
    today: NaiveDate,
) -> Result<String> {
    let (rollout_id, week) = match subject {
        StatusSubject::Saved { id } => {
            let saved = store.get_status(id)?;
            (saved.rollout_id, saved.week_monday)
        }
        StatusSubject::Draft { rollout_id, week } => (
            rollout_id.clone(),
            crate::status::StatusWeek::containing(*week, today)?.monday,
        ),
    };
    let what = match rollout_id {
        Some(id) => store.get_rollout(&id)?.name,
        None => crate::status::PORTFOLIO_TITLE.to_owned(),
    };
    let stem =
        crate::paths::safe_file_stem(&format!("Weekly status - {what} - {week}"), "Weekly status");
    Ok(format!("{stem}.{}", format.code()))
}
