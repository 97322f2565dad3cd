//! `export`, `export-sop`, `export-library`, `export-escalations` and `programme show --pdf`: the core's [`run_export`] — PHI check
//! first, then the file, written atomically — with its findings printed for a terminal.
//!
//! Two separate flags on purpose: `--force` exports despite PHI hits, `--overwrite`
//! replaces an existing file. Replacing yesterday's export must never silently skip the
//! privacy check, and a PHI override must not silently destroy a file.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use clap::ValueEnum;
use rollplan_core::export::{
    run_export, ExportDetail, ExportFormat, ExportOutcome, ExportRequest, ExportSubject,
};
use rollplan_core::{CoreError, Store};

use crate::args::{ExportEscalations, ExportRollout, ExportSop};
use crate::output::say;

/// The formats of a rollout export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RolloutFormat {
    /// A typeset PDF report: cover, contents, every section, page numbers.
    Pdf,
    /// One self-contained HTML report (inline CSS and SVG, prints well).
    Html,
    /// A Word document with the report's sections, to edit before sending.
    Docx,
    /// Markdown for a wiki or an email.
    Md,
    /// A workbook with one sheet per table.
    Xlsx,
    /// One CSV file per table, into the folder --out (or a .zip file).
    Csv,
    /// An iCalendar file of milestones, go-live, training due dates and comms.
    Ics,
    /// The plan as Microsoft Project XML, for MS Project, ProjectLibre or GanttProject.
    Mspdi,
    /// A .rollplan bundle another Rollplan user can import.
    Bundle,
}

/// How much a rollout report (PDF, HTML, Word, Markdown) holds; the other formats ignore it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Detail {
    /// The two-page executive summary only.
    Summary,
    /// The summary, contents and every section; a big plan summarised by phase,
    /// milestones, critical path and the work that needs someone now.
    Standard,
    /// Standard plus an appendix with every task and the task-by-task timeline.
    Everything,
}

impl From<Detail> for ExportDetail {
    fn from(detail: Detail) -> Self {
        match detail {
            Detail::Summary => ExportDetail::Summary,
            Detail::Standard => ExportDetail::Standard,
            Detail::Everything => ExportDetail::Everything,
        }
    }
}

/// The formats of an SOP export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SopFormat {
    Pdf,
    Html,
    Md,
    Docx,
    /// The process map alone, as a drawing.
    Svg,
    /// The process map alone, as a picture.
    Png,
}

impl From<RolloutFormat> for ExportFormat {
    fn from(format: RolloutFormat) -> Self {
        match format {
            RolloutFormat::Pdf => ExportFormat::Pdf,
            RolloutFormat::Html => ExportFormat::Html,
            RolloutFormat::Md => ExportFormat::Markdown,
            RolloutFormat::Docx => ExportFormat::Docx,
            RolloutFormat::Xlsx => ExportFormat::Xlsx,
            RolloutFormat::Csv => ExportFormat::Csv,
            RolloutFormat::Ics => ExportFormat::Ics,
            RolloutFormat::Mspdi => ExportFormat::Mspdi,
            RolloutFormat::Bundle => ExportFormat::Bundle,
        }
    }
}

impl From<SopFormat> for ExportFormat {
    fn from(format: SopFormat) -> Self {
        match format {
            SopFormat::Pdf => ExportFormat::Pdf,
            SopFormat::Html => ExportFormat::Html,
            SopFormat::Md => ExportFormat::Markdown,
            SopFormat::Docx => ExportFormat::Docx,
            SopFormat::Svg => ExportFormat::Svg,
            SopFormat::Png => ExportFormat::Png,
        }
    }
}

/// Exports a rollout (by id or name) as the command line asked.
pub fn rollout(store: &Store, request: &ExportRollout, today: NaiveDate) -> Result<(), CoreError> {
    let rollout = store.find_rollout(&request.rollout)?;
    run(
        store,
        ExportRequest {
            subject: ExportSubject::Rollout { id: rollout.id },
            format: request.format.into(),
            path: request.out.clone(),
            force: request.force,
            overwrite: request.overwrite,
            include_people: request.include_people,
            passphrase: crate::bundle::passphrase_from(request.passphrase_file.as_deref())?,
            detail: request.detail.into(),
        },
        today,
    )
}

/// Exports an SOP (by id or code).
pub fn sop(store: &Store, request: &ExportSop, today: NaiveDate) -> Result<(), CoreError> {
    let sop = store.find_sop(&request.sop)?;
    run(
        store,
        library_request(
            ExportSubject::Sop { id: sop.id },
            request.format.into(),
            &request.out,
            request.force,
            request.overwrite,
        ),
        today,
    )
}

/// The whole library (every SOP in force, drafts marked) as one PDF binder.
pub fn library(
    store: &Store,
    title: &str,
    out: &Path,
    force: bool,
    overwrite: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    run(
        store,
        library_request(
            ExportSubject::Library {
                title: title.to_owned(),
            },
            ExportFormat::Pdf,
            out,
            force,
            overwrite,
        ),
        today,
    )
}

/// A programme's report (by id or name) as a PDF.
pub fn programme(
    store: &Store,
    programme: &str,
    out: &Path,
    force: bool,
    overwrite: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let programme = store.find_programme(programme)?;
    run(
        store,
        library_request(
            ExportSubject::Programme { id: programme.id },
            ExportFormat::Pdf,
            out,
            force,
            overwrite,
        ),
        today,
    )
}

/// The formats of the escalation table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EscalationFormat {
    /// A landscape table to print or send.
    Pdf,
    /// A workbook with one sheet, filters on.
    Xlsx,
}

/// The escalation table across the library, filtered by role and rollout as asked.
pub fn escalations(
    store: &Store,
    request: &ExportEscalations,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let rollout_id = match &request.rollout {
        Some(rollout) => Some(store.find_rollout(rollout)?.id),
        None => None,
    };
    run(
        store,
        library_request(
            ExportSubject::Escalations {
                role: request.role.clone(),
                rollout_id,
            },
            match request.format {
                EscalationFormat::Pdf => ExportFormat::Pdf,
                EscalationFormat::Xlsx => ExportFormat::Xlsx,
            },
            &request.out,
            request.force,
            request.overwrite,
        ),
        today,
    )
}

/// An export other than a rollout's (one SOP, the binder, the escalation table, a
/// programme): no people's details, no passphrase, no detail levels — those belong to a
/// rollout's exports.
fn library_request(
    subject: ExportSubject,
    format: ExportFormat,
    path: &Path,
    force: bool,
    overwrite: bool,
) -> ExportRequest {
    ExportRequest {
        subject,
        format,
        path: path.to_path_buf(),
        force,
        overwrite,
        include_people: false,
        passphrase: None,
        detail: ExportDetail::default(),
    }
}

fn run(store: &Store, request: ExportRequest, today: NaiveDate) -> Result<(), CoreError> {
    let outcome =
        run_export(store, &request, today, Utc::now(), &mut |_| {}).map_err(suggest_overwrite)?;
    print_phi_hits(&outcome, request.force);
    if !outcome.written {
        let count = outcome.phi_hits.len();
        return Err(CoreError::Conflict(format!(
            "export refused: {count} possible patient detail{} above. Remove {} in Rollplan, or run again with --force to export anyway.",
            if count == 1 { "" } else { "s" },
            if count == 1 { "it" } else { "them" }
        )));
    }
    say!("{}", outcome.summary);
    Ok(())
}

/// Lists what the PHI check found on stderr, where it cannot end up in a piped export.
pub(crate) fn print_phi_hits(outcome: &ExportOutcome, forced: bool) {
    if outcome.phi_hits.is_empty() {
        return;
    }
    eprintln!("This export may contain patient data:");
    for hit in &outcome.phi_hits {
        eprintln!(
            "  {} — {}: {} in \"{}\"",
            hit.entity,
            hit.field,
            hit.kind.label(),
            hit.excerpt
        );
    }
    if forced {
        eprintln!("Exporting anyway (--force).");
    }
}

/// The core refuses to replace an export; on the command line, say which flag does.
pub(crate) fn suggest_overwrite(error: CoreError) -> CoreError {
    match error {
        CoreError::Conflict(message) if message.contains("already exists") => {
            CoreError::Conflict(format!(
                "{} Use --overwrite to replace it.",
                message
                    .trim_end_matches('.')
                    .split(';')
                    .next()
                    .unwrap_or_default()
            ))
        }
        other => other,
    }
}
