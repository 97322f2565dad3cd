//! `export`, `export-sop` and `export-library`: the PHI check first, then the file,
//! written atomically.
//!
//! Two separate flags on purpose: `--force` exports despite PHI hits, `--overwrite`
//! replaces an existing file. Replacing yesterday's export must never silently skip the
//! privacy check, and a PHI override must not silently destroy a file.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use clap::ValueEnum;
use rollplan_core::bundle::bundle_to_json;
use rollplan_core::export::{self, files::write_atomically, PhiHit};
use rollplan_core::rollouts::Rollout;
use rollplan_core::{CoreError, Store};

use crate::args::ExportRollout;

/// The formats of a rollout export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RolloutFormat {
    /// One self-contained HTML report (inline CSS and SVG, prints well).
    Html,
    /// Markdown for a wiki or an email.
    Md,
    /// A workbook with one sheet per table.
    Xlsx,
    /// One CSV file per table, into the folder --out.
    Csv,
    /// An iCalendar file of milestones, go-live, training due dates and comms.
    Ics,
    /// A .rollplan bundle another Rollplan user can import.
    Bundle,
}

/// The formats of an SOP export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SopFormat {
    Pdf,
    Html,
    Md,
    Docx,
}

/// Exports a rollout (by id or name) as the command line asked.
pub fn rollout(store: &Store, request: &ExportRollout, today: NaiveDate) -> Result<(), CoreError> {
    let ExportRollout {
        rollout: wanted,
        format,
        out,
        force,
        overwrite,
        include_people,
    } = request;
    let (format, out, force, overwrite) = (*format, out.as_path(), *force, *overwrite);
    let rollout = store.find_rollout(wanted)?;
    if format == RolloutFormat::Bundle {
        return bundle(
            store,
            &rollout,
            out,
            force,
            overwrite,
            *include_people,
            today,
        );
    }
    // Documents show each metric's latest values beside its chart; only the table
    // formats carry every value.
    let report = match format {
        RolloutFormat::Xlsx | RolloutFormat::Csv => store.rollout_report(&rollout.id, today)?,
        RolloutFormat::Html | RolloutFormat::Md | RolloutFormat::Ics | RolloutFormat::Bundle => {
            store.rollout_document_report(&rollout.id, today)?
        }
    };
    refuse_phi(&export::phi_check(&report), force)?;
    let bytes = match format {
        RolloutFormat::Html => export::rollout_html(&report).into_bytes(),
        RolloutFormat::Md => export::rollout_markdown(&report).into_bytes(),
        RolloutFormat::Xlsx => export::rollout_xlsx(&report)?,
        RolloutFormat::Ics => export::rollout_ics(&report, Utc::now()).into_bytes(),
        RolloutFormat::Bundle => unreachable!("bundles are written above"),
        RolloutFormat::Csv => {
            let files =
                export::write_rollout_csv(&report, out, overwrite).map_err(suggest_overwrite)?;
            println!(
                "Exported '{}' as {} CSV files into {}",
                rollout.name,
                files.len(),
                out.display()
            );
            return Ok(());
        }
    };
    write_atomically(out, &bytes, overwrite).map_err(suggest_overwrite)?;
    println!(
        "Exported '{}' to {} ({})",
        rollout.name,
        out.display(),
        size(bytes.len())
    );
    Ok(())
}

/// A rollout and everything it links to as a `.rollplan` bundle. The PHI check reads
/// the same report the documents do, so a bundle is checked like any other export.
fn bundle(
    store: &Store,
    rollout: &Rollout,
    out: &Path,
    force: bool,
    overwrite: bool,
    include_people: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    refuse_phi(
        &export::phi_check(&store.rollout_document_report(&rollout.id, today)?),
        force,
    )?;
    let bundle = store.export_bundle(&rollout.id, include_people)?;
    let json = bundle_to_json(&bundle)?;
    write_atomically(out, json.as_bytes(), overwrite).map_err(suggest_overwrite)?;
    let people = if include_people {
        "people with their directory fields and training records"
    } else {
        "people as names and roles only"
    };
    println!(
        "Exported '{}' to {} ({} tasks, {} SOPs, {} metrics; {people}).",
        rollout.name,
        out.display(),
        bundle.tasks.len(),
        bundle.sops.len(),
        bundle.metrics.len()
    );
    Ok(())
}

/// Exports an SOP (by id or code) to `out`.
pub fn sop(
    store: &Store,
    wanted: &str,
    format: SopFormat,
    out: &Path,
    force: bool,
    overwrite: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let document = store.sop_document(&store.find_sop(wanted)?.id)?;
    refuse_phi(&export::sop_phi_check(&document.sop), force)?;
    let bytes = match format {
        SopFormat::Pdf => rollplan_core::pdf::sop_pdf(store, &document.sop.id, None, today)?,
        SopFormat::Html => export::sop_html(&document).into_bytes(),
        SopFormat::Md => export::sop_markdown(&document).into_bytes(),
        SopFormat::Docx => export::sop_docx(&document)?,
    };
    write_atomically(out, &bytes, overwrite).map_err(suggest_overwrite)?;
    println!(
        "Exported {} to {} ({})",
        document.sop.code,
        out.display(),
        size(bytes.len())
    );
    Ok(())
}

/// Prints each hit and refuses unless `force`.
fn refuse_phi(hits: &[PhiHit], force: bool) -> Result<(), CoreError> {
    if hits.is_empty() {
        return Ok(());
    }
    eprintln!("This export may contain patient data:");
    for hit in hits {
        eprintln!(
            "  {} — {}: {} in \"{}\"",
            hit.entity,
            hit.field,
            hit.kind.label(),
            hit.excerpt
        );
    }
    if force {
        eprintln!("Exporting anyway (--force).");
        return Ok(());
    }
    Err(CoreError::Conflict(format!(
        "export refused: {} possible patient detail{} above. Remove {} in Rollplan, or run again with --force to export anyway.",
        hits.len(),
        if hits.len() == 1 { "" } else { "s" },
        if hits.len() == 1 { "it" } else { "them" }
    )))
}

/// The core refuses to replace an export; on the command line, say which flag does.
fn suggest_overwrite(error: CoreError) -> CoreError {
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

/// The whole library (every SOP in force, drafts marked) as one PDF binder.
pub fn library(
    store: &Store,
    title: &str,
    out: &Path,
    force: bool,
    overwrite: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let mut hits = Vec::new();
    for summary in store.list_sops()? {
        hits.extend(export::sop_phi_check(&store.get_sop(&summary.id)?));
    }
    refuse_phi(&hits, force)?;
    let pdf = rollplan_core::pdf::sop_library_pdf(store, title, today)?;
    write_atomically(out, &pdf, overwrite).map_err(suggest_overwrite)?;
    println!(
        "Exported the SOP library to {} ({})",
        out.display(),
        size(pdf.len())
    );
    Ok(())
}

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    }
}
