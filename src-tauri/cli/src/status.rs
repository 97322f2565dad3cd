//! `status`: a rollout's weekly status (or every active rollout's, with `--all`),
//! printed for a terminal or an email, or written to a file — through the PHI check
//! like every export.

use chrono::NaiveDate;
use clap::ValueEnum;
use rollplan_core::export::{
    run_status_export, status_bytes, status_phi_check, ExportOutcome, StatusExportRequest,
    StatusFormat, StatusSubject,
};
use rollplan_core::{CoreError, Store};

use crate::args::StatusArgs;
use crate::export::{print_phi_hits, suggest_overwrite};
use crate::output::say;

/// The formats of a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFileFormat {
    /// Plain text that pastes into an email: short lines, no Markdown symbols.
    Txt,
    /// Markdown for a wiki page or a chat.
    Md,
    /// One self-contained HTML page.
    Html,
    /// A typeset PDF (needs --out).
    Pdf,
    /// A Word document (needs --out).
    Docx,
}

impl From<StatusFileFormat> for StatusFormat {
    fn from(format: StatusFileFormat) -> Self {
        match format {
            StatusFileFormat::Txt => StatusFormat::Text,
            StatusFileFormat::Md => StatusFormat::Markdown,
            StatusFileFormat::Html => StatusFormat::Html,
            StatusFileFormat::Pdf => StatusFormat::Pdf,
            StatusFileFormat::Docx => StatusFormat::Docx,
        }
    }
}

/// Drafts the status the command line asked for and prints it or writes it.
pub fn run(store: &Store, request: &StatusArgs, today: NaiveDate) -> Result<(), CoreError> {
    let rollout_id = match (&request.rollout, request.all) {
        (Some(rollout), false) => Some(store.find_rollout(rollout)?.id),
        _ => None,
    };
    let subject = StatusSubject::Draft {
        rollout_id,
        week: request.week.unwrap_or(today),
    };
    let format = StatusFormat::from(request.format);
    let Some(out) = &request.out else {
        if matches!(format, StatusFormat::Pdf | StatusFormat::Docx) {
            return Err(CoreError::invalid(
                "out",
                format!("A {} status is a file: name it with --out.", format.label()),
            ));
        }
        let document = store.status_document(&subject, today)?;
        let outcome = ExportOutcome {
            written: false,
            path: String::new(),
            files: Vec::new(),
            bytes: 0,
            phi_hits: status_phi_check(&document),
            summary: String::new(),
        };
        print_phi_hits(&outcome, request.force);
        if !outcome.phi_hits.is_empty() && !request.force {
            return Err(refusal(&outcome));
        }
        let bytes = status_bytes(&document, format)?;
        // `say!` ends the text with its own line break, as the files end.
        say!("{}", String::from_utf8_lossy(&bytes).trim_end_matches('\n'));
        return Ok(());
    };
    let outcome = run_status_export(
        store,
        &StatusExportRequest {
            subject,
            format,
            path: out.clone(),
            force: request.force,
            overwrite: request.overwrite,
        },
        today,
    )
    .map_err(suggest_overwrite)?;
    print_phi_hits(&outcome, request.force);
    if !outcome.written {
        return Err(refusal(&outcome));
    }
    say!("{}", outcome.summary);
    Ok(())
}

fn refusal(outcome: &ExportOutcome) -> CoreError {
    let count = outcome.phi_hits.len();
    CoreError::Conflict(format!(
        "status refused: {count} possible patient detail{} above. Remove {} in Rollplan, or run again with --force to export anyway.",
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them" }
    ))
}
