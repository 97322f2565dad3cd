//! `export` and `export-sop`: the PHI check first, then the file, written atomically.
//!
//! Two separate flags on purpose: `--force` exports despite PHI hits, `--overwrite`
//! replaces an existing file. Replacing yesterday's export must never silently skip the
//! privacy check, and a PHI override must not silently destroy a file.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use clap::ValueEnum;
use rollplan_core::export::{self, files::write_atomically, PhiHit};
use rollplan_core::{CoreError, Store};

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
}

/// The formats of an SOP export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SopFormat {
    Html,
    Md,
    Docx,
}

/// Exports a rollout (by id or name) to `out`.
pub fn rollout(
    store: &Store,
    wanted: &str,
    format: RolloutFormat,
    out: &Path,
    force: bool,
    overwrite: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let rollout = store.find_rollout(wanted)?;
    // Documents show each metric's latest values beside its chart; only the table
    // formats carry every value.
    let report = match format {
        RolloutFormat::Xlsx | RolloutFormat::Csv => store.rollout_report(&rollout.id, today)?,
        RolloutFormat::Html | RolloutFormat::Md | RolloutFormat::Ics => {
            store.rollout_document_report(&rollout.id, today)?
        }
    };
    refuse_phi(&export::phi_check(&report), force)?;
    let bytes = match format {
        RolloutFormat::Html => export::rollout_html(&report).into_bytes(),
        RolloutFormat::Md => export::rollout_markdown(&report).into_bytes(),
        RolloutFormat::Xlsx => export::rollout_xlsx(&report)?,
        RolloutFormat::Ics => export::rollout_ics(&report, Utc::now()).into_bytes(),
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

/// Exports an SOP (by id or code) to `out`.
pub fn sop(
    store: &Store,
    wanted: &str,
    format: SopFormat,
    out: &Path,
    force: bool,
    overwrite: bool,
) -> Result<(), CoreError> {
    let document = store.sop_document(&store.find_sop(wanted)?.id)?;
    refuse_phi(&export::sop_phi_check(&document.sop), force)?;
    let bytes = match format {
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

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    }
}
