//! What an export is asked to do and what it reports back: the formats, the subject,
//! the request, its stages and its outcome, shared by the app, the command line and
//! [`super::run_export`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::PhiHit;
use crate::{CoreError, Result};

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
    /// Microsoft Project XML (MSPDI): the plan, for MS Project, ProjectLibre and
    /// GanttProject.
    Mspdi,
    /// An SOP's process map on its own, as a drawing.
    Svg,
    /// An SOP's process map on its own, as a picture.
    Png,
}

impl ExportFormat {
    /// The formats whose rollout report comes in [`ExportDetail`] levels.
    pub const WITH_DETAIL: [ExportFormat; 4] = [Self::Pdf, Self::Html, Self::Markdown, Self::Docx];

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
            Self::Mspdi => "xml",
            Self::Svg => "svg",
            Self::Png => "png",
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
            Self::Mspdi => "Microsoft Project (XML)",
            Self::Svg => "Process map drawing (SVG)",
            Self::Png => "Process map picture (PNG)",
        }
    }
}

/// How much of a rollout report a document holds (PDF, HTML and Markdown; the table
/// formats, the calendar and the bundle always carry everything they carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportDetail {
    /// The executive summary alone: two pages for a sponsor or a board.
    Summary,
    /// The summary, contents and every section, with a big plan summarised: one bar
    /// per phase, milestones, the critical path, what is overdue, blocked and due next.
    #[default]
    Standard,
    /// Standard plus an appendix with every task and the full per-task timeline.
    Everything,
}

impl ExportDetail {
    /// The three levels, in the order the Export panel offers them.
    pub const ALL: [ExportDetail; 3] = [Self::Summary, Self::Standard, Self::Everything];

    /// What the level is called where people choose it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Summary => "Summary",
            Self::Standard => "Standard",
            Self::Everything => "Everything",
        }
    }

    /// One line saying what a report at this level holds.
    pub fn description(self) -> &'static str {
        match self {
            Self::Summary => "The two-page executive summary only.",
            Self::Standard => {
                "The summary, then every section; a big plan is summarised by phase, milestones and critical path."
            }
            Self::Everything => {
                "Standard, plus an appendix with every task and the full task-by-task timeline."
            }
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
    /// A programme's report: its waves, their figures and lessons.
    Programme {
        id: String,
    },
    /// The escalation table across the library, filtered as the page shows it.
    Escalations {
        #[serde(default)]
        role: Option<String>,
        #[serde(default)]
        rollout_id: Option<String>,
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
    /// Rollout reports (PDF, HTML, Markdown) only: how much the report holds.
    pub detail: ExportDetail,
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

impl ExportSubject {
    /// The formats a subject of each kind can be exported as, by the `kind` tag the UI
    /// sees: the one list the export check and the UI's export panel both go by.
    pub const FORMATS: [(&'static str, &'static [ExportFormat]); 5] = {
        use ExportFormat::*;
        [
            (
                "rollout",
                &[Pdf, Html, Docx, Markdown, Xlsx, Csv, Ics, Mspdi, Bundle],
            ),
            ("sop", &[Pdf, Html, Markdown, Docx, Svg, Png]),
            ("library", &[Pdf]),
            ("escalations", &[Pdf, Xlsx]),
            ("programme", &[Pdf]),
        ]
    };

    /// The subject's `kind` tag, as serialised for the UI.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Rollout { .. } => "rollout",
            Self::Sop { .. } => "sop",
            Self::Library { .. } => "library",
            Self::Escalations { .. } => "escalations",
            Self::Programme { .. } => "programme",
        }
    }

    /// The formats this subject can be exported as.
    pub fn formats(&self) -> &'static [ExportFormat] {
        let kind = self.kind();
        Self::FORMATS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, formats)| *formats)
    }
}

/// Refuses a format the subject cannot take, naming the ones it can.
pub(super) fn check_format(subject: &ExportSubject, format: ExportFormat) -> Result<()> {
    let allowed = subject.formats();
    let what = match subject {
        ExportSubject::Rollout { .. } => "A rollout",
        ExportSubject::Sop { .. } => "An SOP",
        ExportSubject::Library { .. } => "The SOP library",
        ExportSubject::Escalations { .. } => "The escalation table",
        ExportSubject::Programme { .. } => "A programme",
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
            Self::Mspdi => "mspdi",
            other => other.extension(),
        }
    }
}
