//! The report as CSV: one file per table, in a folder or in one zip file. Text cells
//! that a spreadsheet would run as a formula are defused ([`spreadsheet_safe`]); dates
//! are ISO. Every file starts with a UTF-8 byte-order mark: without it Excel and
//! LibreOffice's default import read the file in a legacy code page and turn "—" or "é"
//! into "â€”" and "Ã©". Our own imports skip the mark.

use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::files::write_atomically;
use super::tables::{rollout_tables, Cell, ExportTable};
use super::text::{date_iso, spreadsheet_safe};
use super::RolloutReport;
use crate::{CoreError, Result};

/// The UTF-8 byte-order mark every file starts with.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One table as CSV text (a byte-order mark, UTF-8, a header row, `\n` line ends as RFC
/// 4180 readers accept).
pub fn table_csv(table: &ExportTable) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(UTF8_BOM.to_vec());
    let fault = |e: csv::Error| CoreError::Database(format!("cannot write CSV: {e}"));
    writer.write_record(&table.headers).map_err(fault)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|cell| match cell {
                Cell::Text(text) => spreadsheet_safe(text),
                Cell::Date(date) => date_iso(*date),
                Cell::Number(n) => number(*n),
                Cell::Empty => String::new(),
            }))
            .map_err(fault)?;
    }
    writer
        .into_inner()
        .map_err(|e| CoreError::Database(format!("cannot write CSV: {e}")))
}

/// Every table as `(file name, CSV bytes)`.
pub fn rollout_csv_files(report: &RolloutReport) -> Result<Vec<(String, Vec<u8>)>> {
    rollout_tables(report)
        .iter()
        .map(|t| Ok((format!("{}.csv", t.name), table_csv(t)?)))
        .collect()
}

/// Every table as a CSV file inside one zip: what a person can attach to an email.
pub fn rollout_csv_zip(report: &RolloutReport) -> Result<Vec<u8>> {
    let fault = |e: String| CoreError::Export(format!("cannot write the zip file: {e}"));
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in rollout_csv_files(report)? {
        zip.start_file(name, options)
            .map_err(|e| fault(e.to_string()))?;
        zip.write_all(&bytes).map_err(|e| fault(e.to_string()))?;
    }
    Ok(zip.finish().map_err(|e| fault(e.to_string()))?.into_inner())
}

/// Writes every table into `dir` (created if needed). Refuses, before writing anything,
/// when one of the files exists and `overwrite` is false. Returns the files written.
pub fn write_rollout_csv(
    report: &RolloutReport,
    dir: &Path,
    overwrite: bool,
) -> Result<Vec<PathBuf>> {
    let files = rollout_csv_files(report)?;
    if !overwrite {
        if let Some((name, _)) = files.iter().find(|(name, _)| dir.join(name).exists()) {
            return Err(CoreError::Conflict(format!(
                "{} already exists; choose another folder or allow replacing it.",
                dir.join(name).display()
            )));
        }
    }
    files
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            write_atomically(&path, &bytes, true)?;
            Ok(path)
        })
        .collect()
}

/// Numbers as a spreadsheet reads them: no trailing `.0`, no thousands separators.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
