//! CSV and XLSX files as a table of text cells: the first non-empty row is the header.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::sheet::sheet_lines;
use super::text::decode_text;
use crate::{CoreError, Result};

/// A file's first sheet (or its only table, for CSV) as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Table {
    /// The file's name, for messages.
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    /// What the reader of the file left out and the person should know (a Microsoft
    /// Project plan's constraints, say); empty for a spreadsheet.
    pub notes: Vec<String>,
}

/// One data row and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TableRow {
    /// The row number a person sees in the spreadsheet (the header is usually row 1).
    pub line: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    /// The trimmed text of a cell; empty when the column is absent or the row short.
    /// Control characters are trimmed with the spaces: a cell holding only a NUL is
    /// empty to a person, and SQLite's length() would count it as empty too, turning a
    /// clear "the task has no title" into a database error.
    pub fn cell(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map(|text| text.trim_matches(|c: char| c.is_whitespace() || c.is_control()))
            .unwrap_or("")
    }
}

/// Reads a `.csv`, `.xlsx`, `.xls` or `.ods` file.
pub fn read_table(path: &Path) -> Result<Table> {
    let file = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path).map_err(|e| CoreError::Import {
        file: file.clone(),
        row: None,
        column: None,
        message: format!("cannot read the file ({e})"),
    })?;
    parse_table(&file, bytes)
}

/// Reads a table from a file's contents; `file` is its name (the extension says which
/// format it is). The app uses this for files the person picked in the window.
pub fn parse_table(file: &str, bytes: Vec<u8>) -> Result<Table> {
    let refuse = |message: String| CoreError::Import {
        file: file.to_owned(),
        row: None,
        column: None,
        message,
    };
    let extension = Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let lines = match extension.as_str() {
        "csv" | "txt" | "tsv" => csv_lines(&bytes).map_err(refuse)?,
        "xlsx" | "xlsm" | "xls" | "ods" => sheet_lines(bytes).map_err(refuse)?,
        _ => {
            return Err(refuse(
                "expected a .csv or .xlsx file (save the spreadsheet in one of those formats)"
                    .into(),
            ))
        }
    };
    let rows: Vec<TableRow> = lines
        .into_iter()
        .map(|(line, cells)| TableRow { line, cells })
        .filter(|row| filled(row) > 0)
        .collect();
    // A title above the header ("Staff roster — November", often merged across the
    // columns) fills one cell; the header is the first row that fills more than one.
    let widest = rows.iter().map(filled).max().unwrap_or(0);
    let header_at = rows
        .iter()
        .position(|row| filled(row) >= widest.min(2))
        .ok_or_else(|| {
            refuse("the file is empty: expected a header row and at least one row".into())
        })?;
    let mut rows = rows.into_iter().skip(header_at);
    let header = rows
        .next()
        .ok_or_else(|| refuse("the file has no header row".into()))?;
    Ok(Table {
        file: file.to_owned(),
        headers: header
            .cells
            .iter()
            .enumerate()
            .map(|(index, h)| match h.trim() {
                // Merged or blank header cells still need a name in messages.
                "" => format!("Column {}", column_letters(index)),
                text => text.to_owned(),
            })
            .collect(),
        rows: rows.collect(),
        notes: Vec::new(),
    })
}

fn filled(row: &TableRow) -> usize {
    row.cells.iter().filter(|c| !c.trim().is_empty()).count()
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Rows of text cells, each with the row number a person sees in the file.
pub(super) type Lines = Vec<(usize, Vec<String>)>;

/// CSV rows. Excel on Windows writes Windows-1252 or UTF-16, with CRLF line endings, and
/// sometimes semicolons; all are accepted (see [`decode_text`]).
fn csv_lines(bytes: &[u8]) -> std::result::Result<Lines, String> {
    let text = decode_text(bytes);
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| first_line.matches(d as char).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // The csv reader skips blank lines and its line counter skips them too, so the row
    // number is worked out from the byte offset, as the file itself numbers it.
    // A record's position can point at the blank lines before it; skip those first.
    // Lines end in \n, \r\n, or a lone \r (old Mac files, which the reader splits too).
    let bytes = text.as_bytes();
    let newlines: Vec<usize> = (0..bytes.len())
        .filter(|&at| {
            bytes[at] == b'\n' || (bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
        })
        .collect();
    let line_at = |byte: u64| {
        let from = (byte as usize).min(text.len());
        let start = text
            .get(from..)
            .and_then(|rest| rest.find(|c| c != '\n' && c != '\r'))
            .map_or(from, |skip| from + skip);
        newlines.partition_point(|&at| at < start) + 1
    };
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(at) => format!("row {}: not valid CSV ({e})", line_at(at.byte())),
            None => format!("not valid CSV ({e})"),
        })?;
        let line = record
            .position()
            .map_or(lines.len() + 1, |at| line_at(at.byte()));
        lines.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    #[test]
    fn csv_with_bom_semicolons_and_blank_lines() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = write(
            dir.path(),
            "roster.csv",
            "\u{feff}Name;Email\n\nDana Whitfield;dana@riverside.org\n\"Nair, Priya\";priya@riverside.org\n".as_bytes(),
        );
        let table = read_table(&path).expect("reads");
        assert_eq!(table.headers, ["Name", "Email"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            table.rows[0].line, 3,
            "row numbers are the file's, blank lines included"
        );
        assert_eq!(table.rows[1].cells[0], "Nair, Priya");
    }

    #[test]
    fn windows_1252_text_is_decoded() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = write(
            dir.path(),
            "roster.csv",
            b"Name\nJos\xe9 Mu\xf1oz \x96 RN\n",
        );
        let table = read_table(&path).expect("reads");
        assert_eq!(table.rows[0].cells[0], "José Muñoz – RN");
    }

    #[test]
    fn a_title_row_above_the_header_is_skipped_and_blank_headers_are_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = write(
            dir.path(),
            "roster.csv",
            b"Riverside staff roster - November,,\nName,,Email\nDana,x,dana@riverside.org\n",
        );
        let table = read_table(&path).expect("reads");
        assert_eq!(table.headers, ["Name", "Column B", "Email"]);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].line, 3);
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn unsupported_and_empty_files_are_refused_with_the_file_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pdf = write(dir.path(), "roster.pdf", b"%PDF");
        let error = read_table(&pdf).expect_err("a PDF is not a table");
        assert!(error.to_string().starts_with("roster.pdf:"), "{error}");
        let empty = write(dir.path(), "empty.csv", b"\n\n");
        assert!(read_table(&empty)
            .expect_err("empty")
            .to_string()
            .contains("empty"));
        let broken = write(dir.path(), "broken.xlsx", b"not a zip");
        assert!(read_table(&broken)
            .expect_err("broken")
            .to_string()
            .starts_with("broken.xlsx:"));
    }
}
