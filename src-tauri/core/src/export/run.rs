//! One export from start to finish — gather, PHI check, render, write — exactly as both
//! the app's Export panel and `rollplan-cli export` run it, so the two cannot drift.
//!
//! The PHI check always runs. With hits and without `force`, nothing is written and the
//! hits come back for the person to fix or to export anyway; `overwrite` is a separate
//! choice, so replacing yesterday's export never skips the check.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

use super::files::write_atomically;
use super::request::{
    check_format, size_text, ExportFormat, ExportOutcome, ExportRequest, ExportStage, ExportSubject,
};
use super::svg::MapTheme;
use super::{PhiHit, RolloutReport};
use crate::bundle::{bundle_to_json, protect_bundle};
use crate::sops::map::process_map;
use crate::{Result, Store};

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
    let (mut outcome, held) = checked_outcome(&request.path, phi_hits, request.force);
    if held {
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
        Gathered::Programme(overview) => (crate::pdf::programme_pdf(&overview)?, None),
        Gathered::Escalations(table) => {
            let bytes = match request.format {
                ExportFormat::Xlsx => super::escalations_xlsx(&table)?,
                _ => crate::pdf::escalations_pdf(&table, today)?,
            };
            (bytes, Some(table.summary.clone()))
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

/// What an export reads, before anything is rendered.
enum Gathered {
    Rollout(Box<RolloutReport>),
    Sop(Box<super::SopDocument>),
    Library {
        title: String,
        sops: Vec<crate::sops::Sop>,
    },
    Escalations(Box<crate::sops::escalations::EscalationTable>),
    Programme(Box<crate::programmes::ProgrammeOverview>),
}

impl Gathered {
    fn phi_hits(&self) -> Vec<PhiHit> {
        match self {
            Gathered::Rollout(report) => super::phi_check(report),
            Gathered::Sop(document) => super::sop_phi_check(&document.sop),
            Gathered::Library { sops, .. } => sops.iter().flat_map(super::sop_phi_check).collect(),
            Gathered::Escalations(table) => super::escalation_phi_check(table),
            Gathered::Programme(overview) => super::programme_phi_check(overview),
        }
    }

    fn name(&self) -> String {
        match self {
            Gathered::Rollout(report) => format!("'{}'", report.rollout.name),
            Gathered::Sop(document) => document.sop.code.clone(),
            Gathered::Library { .. } => "the SOP library".to_owned(),
            Gathered::Escalations(_) => "the escalation table".to_owned(),
            Gathered::Programme(overview) => format!("'{}'", overview.programme.name),
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
        ExportSubject::Escalations { role, rollout_id } => {
            let filter = crate::sops::escalations::EscalationFilter {
                role: role.clone(),
                rollout_id: rollout_id.clone(),
            };
            Gathered::Escalations(Box::new(store.escalation_table(&filter, today)?))
        }
        ExportSubject::Programme { id } => {
            Gathered::Programme(Box::new(store.programme_overview(id, today)?))
        }
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
        ExportFormat::Pdf => (crate::pdf::rollout_pdf_with(report, request.detail)?, None),
        ExportFormat::Html => (
            super::rollout_html_with(report, request.detail).into_bytes(),
            None,
        ),
        ExportFormat::Markdown => (
            super::rollout_markdown_with(report, request.detail).into_bytes(),
            None,
        ),
        ExportFormat::Xlsx => (super::rollout_xlsx(report)?, None),
        ExportFormat::Csv => (super::rollout_csv_zip(report)?, None),
        ExportFormat::Ics => (super::rollout_ics(report, now).into_bytes(), None),
        ExportFormat::Mspdi => (super::rollout_mspdi(report)?, None),
        ExportFormat::Bundle => {
            let bundle =
                store.export_bundle(&report.rollout.id, request.include_people, report.as_of)?;
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
        ExportFormat::Docx => (super::rollout_docx_with(report, request.detail)?, None),
        // `check_format` has already refused a rollout as a process map.
        ExportFormat::Svg | ExportFormat::Png => {
            unreachable!("a rollout is never exported as a process map")
        }
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
        ExportFormat::Svg => super::svg::sop_map_svg(&process_map(&document.sop), MapTheme::Light)
            .markup
            .into_bytes(),
        ExportFormat::Png => super::svg::svg_to_png(
            &super::svg::sop_map_svg(&process_map(&document.sop), MapTheme::Light),
            2.0,
        )?,
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
        detail: super::ExportDetail::default(),
    };
    Ok(gather(store, &request, today)?.phi_hits())
}

/// The name a save dialog proposes: "EHR go-live - Riverside.pdf", "FD-012 Patient
/// check-in.docx". Characters no file system accepts are left out, and names Windows
/// keeps for devices are never proposed ([`crate::paths::safe_file_stem`]).
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
        ExportSubject::Escalations { .. } => super::ESCALATIONS_TITLE.to_owned(),
        ExportSubject::Programme { id } => store.get_programme(id)?.name,
    };
    let stem = crate::paths::safe_file_stem(&stem, "Rollplan export");
    Ok(format!("{stem}.{}", format.extension()))
}

/// What an export reports before anything is written: nothing yet, and what the PHI
/// check found. `true` beside it when the check found something and the person did not
/// choose to export anyway: the summary then says nothing was exported.
pub(super) fn checked_outcome(
    path: &std::path::Path,
    phi_hits: Vec<super::PhiHit>,
    force: bool,
) -> (ExportOutcome, bool) {
    let held = !phi_hits.is_empty() && !force;
    let summary = if held {
        let n = phi_hits.len();
        format!(
            "Nothing exported: {n} possible patient detail{} found.",
            if n == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    let outcome = ExportOutcome {
        written: false,
        path: path.display().to_string(),
        files: Vec::new(),
        bytes: 0,
        phi_hits,
        summary,
    };
    (outcome, held)
}
