//! One export from start to finish — gather, PHI check, render, write — exactly as both
//! the app's Export panel and `rollplan-cli export` run it, so the two cannot drift.
//!
//! The PHI check always runs. With hits and without `force`, nothing is written and the
//! hits come back for the person to fix or to export anyway; `overwrite` is a separate
//! choice, so replacing yesterday's export never skips the check.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::files::write_atomically;
use super::{PhiHit, RolloutReport};
use crate::bundle::{bundle_to_json, protect_bundle};
use crate::{CoreError, Result, Store};

/// The file formats Rollplan writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Pdf,
    Html,
    Markdown,
    Xlsx,
    /// One CSV file per table: into a folder, or into one `.zip` file.
    Csv,
    Ics,
    Bundle,
    Docx,
}

impl ExportFormat {
    /// The usual file extension, without the dot (CSV is offered as a zip).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Xlsx => "xlsx",
            Self::Csv => "zip",
            Self::Ics => "ics",
            Self::Bundle => "rollplan",
            Self::Docx => "docx",
        }
    }

    /// What the format is called in a save dialog's file filter.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF document",
            Self::Html => "Web page (HTML)",
            Self::Markdown => "Markdown",
            Self::Xlsx => "Excel workbook",
            Self::Csv => "CSV files (zip)",
            Self::Ics => "Calendar (iCal)",
            Self::Bundle => "Rollplan bundle",
            Self::Docx => "Word document",
        }
    }
}

/// What is exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportSubject {
    Rollout {
        id: String,
    },
    Sop {
        id: String,
    },
    /// Every SOP in force, as one binder with this title on its cover.
    Library {
        title: String,
    },
}

/// One export as asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub subject: ExportSubject,
    pub format: ExportFormat,
    /// The file to write; for CSV, a folder unless it ends in `.zip`.
    pub path: PathBuf,
    /// Export even though the PHI check found something.
    pub force: bool,
    /// Replace an existing file.
    pub overwrite: bool,
    /// Bundles only: people with their directory fields and training records.
    pub include_people: bool,
    /// Bundles only: encrypt the bundle with this passphrase (for sharing by email).
    pub passphrase: Option<String>,
}

/// How far an export has come, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportStage {
    Gathering,
    CheckingPhi,
    Rendering,
    Writing,
}

/// What an export did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportOutcome {
    /// False when the PHI check stopped it: nothing was written.
    pub written: bool,
    /// The file (or, for CSV into a folder, the folder) written.
    pub path: String,
    /// The CSV files written into a folder; empty otherwise.
    pub files: Vec<String>,
    #[ts(type = "number")]
    pub bytes: u64,
    /// What looked like patient data: the reason nothing was written, or, when forced,
    /// what went out anyway.
    pub phi_hits: Vec<PhiHit>,
    /// One sentence saying what was exported, for the person who asked.
    pub summary: String,
}

/// Runs one export, reporting each stage to `progress`.
pub fn run_export(
    store: &Store,
    request: &ExportRequest,
    today: NaiveDate,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(ExportStage),
) -> Result<ExportOutcome> {
    check_format(&request.subject, request.format)?;
    progress(ExportStage::Gathering);
    let gathered = gather(store, request, today)?;
    progress(ExportStage::CheckingPhi);
    let phi_hits = gathered.phi_hits();
    let mut outcome = ExportOutcome {
        written: false,
        path: request.path.display().to_string(),
        files: Vec::new(),
        bytes: 0,
        phi_hits,
        summary: String::new(),
    };
    if !outcome.phi_hits.is_empty() && !request.force {
        outcome.summary = format!(
            "Nothing exported: {} possible patient detail{} found.",
            outcome.phi_hits.len(),
            if outcome.phi_hits.len() == 1 { "" } else { "s" }
        );
        return Ok(outcome);
    }
    progress(ExportStage::Rendering);
    let name = gathered.name();
    let (bytes, noun) = match gathered {
        Gathered::Rollout(report) => {
            if request.format == ExportFormat::Csv && !is_zip(&request.path) {
                progress(ExportStage::Writing);
                let files = super::write_rollout_csv(&report, &request.path, request.overwrite)?;
                outcome.bytes = files
                    .iter()
                    .filter_map(|f| std::fs::metadata(f).ok())
                    .map(|m| m.len())
                    .sum();
                outcome.files = files.iter().map(|f| f.display().to_string()).collect();
                outcome.written = true;
                outcome.summary = format!(
                    "Exported '{name}' as {} CSV files into {}.",
                    files.len(),
                    request.path.display()
                );
                return Ok(outcome);
            }
            render_rollout(store, &report, request, now)?
        }
        Gathered::Sop(document) => (render_sop(store, &document, request.format, today)?, None),
        Gathered::Library { title, .. } => {
            (crate::pdf::sop_library_pdf(store, &title, today)?, None)
        }
    };
    progress(ExportStage::Writing);
    write_atomically(&request.path, &bytes, request.overwrite)?;
    outcome.written = true;
    outcome.bytes = bytes.len() as u64;
    outcome.summary = format!(
        "Exported {name} to {} ({}{}).",
        request.path.display(),
        size_text(bytes.len()),
        noun.map(|n| format!("; {n}")).unwrap_or_default()
    );
    Ok(outcome)
}

/// "412 KB": a file size as people read it.
pub fn size_text(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn check_format(subject: &ExportSubject, format: ExportFormat) -> Result<()> {
    use ExportFormat::*;
    let (allowed, what): (&[ExportFormat], &str) = match subject {
        ExportSubject::Rollout { .. } => {
            (&[Pdf, Html, Markdown, Xlsx, Csv, Ics, Bundle], "A rollout")
        }
        ExportSubject::Sop { .. } => (&[Pdf, Html, Markdown, Docx], "An SOP"),
        ExportSubject::Library { .. } => (&[Pdf], "The SOP library"),
    };
    if allowed.contains(&format) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|f| f.extension_name()).collect();
    Err(CoreError::invalid(
        "format",
        format!(
            "{what} cannot be exported as {}: choose {}.",
            format.extension_name(),
            names.join(", ")
        ),
    ))
}

impl ExportFormat {
    /// The short name used in messages and on the command line.
    fn extension_name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            other => other.extension(),
        }
    }
}

/// What an export reads, before anything is rendered.
enum Gathered {
    Rollout(Box<RolloutReport>),
    Sop(Box<super::SopDocument>),
    Library {
        title: String,
        sops: Vec<crate::sops::Sop>,
    },
}

impl Gathered {
    fn phi_hits(&self) -> Vec<PhiHit> {
        match self {
            Gathered::Rollout(report) => super::phi_check(report),
            Gathered::Sop(document) => super::sop_phi_check(&document.sop),
            Gathered::Library { sops, .. } => sops.iter().flat_map(super::sop_phi_check).collect(),
        }
    }

    fn name(&self) -> String {
        match self {
            Gathered::Rollout(report) => format!("'{}'", report.rollout.name),
            Gathered::Sop(document) => document.sop.code.clone(),
            Gathered::Library { .. } => "the SOP library".to_owned(),
        }
    }
}

fn gather(store: &Store, request: &ExportRequest, today: NaiveDate) -> Result<Gathered> {
    Ok(match &request.subject {
        ExportSubject::Rollout { id } => {
            // Documents show each metric's latest values beside its chart; only the
            // table formats carry every value.
            let report = match request.format {
                ExportFormat::Xlsx | ExportFormat::Csv => store.rollout_report(id, today)?,
                _ => store.rollout_document_report(id, today)?,
            };
            Gathered::Rollout(Box::new(report))
        }
        ExportSubject::Sop { id } => Gathered::Sop(Box::new(store.sop_document(id)?)),
        ExportSubject::Library { title } => Gathered::Library {
            title: title.clone(),
            sops: store
                .list_sops()?
                .iter()
                .map(|summary| store.get_sop(&summary.id))
                .collect::<Result<_>>()?,
        },
    })
}

/// The bytes of a rollout export, and for a bundle what it holds.
fn render_rollout(
    store: &Store,
    report: &RolloutReport,
    request: &ExportRequest,
    now: DateTime<Utc>,
) -> Result<(Vec<u8>, Option<String>)> {
    Ok(match request.format {
        ExportFormat::Pdf => (crate::pdf::rollout_pdf(report)?, None),
        ExportFormat::Html => (super::rollout_html(report).into_bytes(), None),
        ExportFormat::Markdown => (super::rollout_markdown(report).into_bytes(), None),
        ExportFormat::Xlsx => (super::rollout_xlsx(report)?, None),
        ExportFormat::Csv => (super::rollout_csv_zip(report)?, None),
        ExportFormat::Ics => (super::rollout_ics(report, now).into_bytes(), None),
        ExportFormat::Bundle => {
            let bundle = store.export_bundle(&report.rollout.id, request.include_people)?;
            let people = if request.include_people {
                "people with their directory fields and training records"
            } else {
                "people as names and roles only"
            };
            let mut noun = format!(
                "{} tasks, {} SOPs, {} metrics; {people}",
                bundle.tasks.len(),
                bundle.sops.len(),
                bundle.metrics.len()
            );
            let json = bundle_to_json(&bundle)?;
            let bytes = match &request.passphrase {
                Some(passphrase) => {
                    noun.push_str("; protected with a passphrase");
                    protect_bundle(&json, passphrase)?
                }
                None => json.into_bytes(),
            };
            (bytes, Some(noun))
        }
        // `check_format` has already refused a rollout as DOCX.
        ExportFormat::Docx => unreachable!("a rollout is never exported as DOCX"),
    })
}

fn render_sop(
    store: &Store,
    document: &super::SopDocument,
    format: ExportFormat,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    Ok(match format {
        ExportFormat::Pdf => crate::pdf::sop_pdf(store, &document.sop.id, None, today)?,
        ExportFormat::Html => super::sop_html(document).into_bytes(),
        ExportFormat::Markdown => super::sop_markdown(document).into_bytes(),
        _ => super::sop_docx(document)?,
    })
}

fn is_zip(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// What the PHI check finds in an export, without writing anything: the Export panel
/// shows these before asking where to save.
pub fn check_export(
    store: &Store,
    subject: &ExportSubject,
    format: ExportFormat,
    today: NaiveDate,
) -> Result<Vec<PhiHit>> {
    check_format(subject, format)?;
    let request = ExportRequest {
        subject: subject.clone(),
        format,
        path: PathBuf::new(),
        force: false,
        overwrite: false,
        include_people: false,
        passphrase: None,
    };
    Ok(gather(store, &request, today)?.phi_hits())
}

/// The name a save dialog proposes: "EHR go-live - Riverside.pdf", "FD-012 Patient
/// check-in.docx". Characters no file system accepts are left out.
pub fn export_file_name(
    store: &Store,
    subject: &ExportSubject,
    format: ExportFormat,
) -> Result<String> {
    let stem = match subject {
        ExportSubject::Rollout { id } => store.get_rollout(id)?.name,
        ExportSubject::Sop { id } => {
            let sop = store.get_sop(id)?;
            format!("{} {}", sop.code, sop.title)
        }
        ExportSubject::Library { title } => title.clone(),
    };
    let mut safe = String::with_capacity(stem.len());
    for c in stem.chars() {
        match c {
            // "EHR go-live: Riverside" reads as "EHR go-live - Riverside".
            ':' | '/' | '\\' => safe.push_str(" - "),
            '*' | '?' | '"' | '<' | '>' | '|' => safe.push(' '),
            c if c.is_control() => safe.push(' '),
            c => safe.push(c),
        }
    }
    let safe = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    let safe = safe.trim_matches('.');
    let stem = if safe.is_empty() {
        "Rollplan export"
    } else {
        safe
    };
    Ok(format!("{stem}.{}", format.extension()))
}
