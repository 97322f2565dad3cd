//! Workbooks (XLSX, XLSM, XLS, ODS) as rows of text: the first sheet that has a header
//! and at least one row, each cell as text (dates as YYYY-MM-DD).

use calamine::{open_workbook_auto_from_rs, Data, DataRef, Reader, Sheets, XlsxError};

use super::table::Lines;

/// The most cells a sheet may span, counting each row from the first used column to its
/// own last cell: far more than any roster, plan or metric pull (20,000 rows of ten
/// columns is 200,000), and few enough to hold in memory as text.
const MAX_SHEET_CELLS: usize = 4_000_000;

/// One used cell of a sheet: its row and column from A1, and its value.
type SheetCell = (u32, u32, Data);

/// The first sheet of a workbook, each cell as text (dates as YYYY-MM-DD).
pub(super) fn sheet_lines(bytes: Vec<u8>) -> std::result::Result<Lines, String> {
    // Workbooks come from anywhere, and calamine is a large parser: a panic inside it
    // (fuzzing found an arithmetic overflow on a malformed cell reference such as
    // "AAAAAAAA1") must refuse the file, not take the app down with it.
    std::panic::catch_unwind(move || read_sheet_lines(bytes)).unwrap_or_else(|_| {
        Err(
            "the workbook is damaged and cannot be read (open it in Excel or \
             LibreOffice and save it again, or save it as CSV)"
                .to_owned(),
        )
    })
}

fn read_sheet_lines(bytes: Vec<u8>) -> std::result::Result<Lines, String> {
    // An old .xls is expanded whole as it opens, so it is sized first.
    super::xls_extent::check(&bytes, MAX_SHEET_CELLS)?;
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| format!("cannot open the workbook ({e})"))?;
    // A workbook often opens with a notes or instructions sheet: use the first sheet
    // with at least a header and one row.
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err("the workbook has no sheets".to_owned());
    }
    for name in &names {
        let cells = used_cells(&mut workbook, name)
            .map_err(|e| format!("cannot read the sheet '{name}' ({e})"))?;
        let mut rows: Vec<u32> = cells.iter().map(|(row, _, _)| *row).collect();
        rows.dedup();
        if rows.len() >= 2 {
            return lines_of(name, cells);
        }
    }
    Err("no sheet has a header row and at least one row".to_owned())
}

/// The sheet's non-empty cells, in row order. XLSX and XLSB sheets are read cell by
/// cell: calamine's ranges are one block from the first used cell to the last, so a
/// single stray cell at XFD1048576 would ask for half a terabyte and abort the app.
fn used_cells<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
) -> std::result::Result<Vec<SheetCell>, String> {
    let mut cells = Vec::new();
    let mut keep = |(row, column): (u32, u32), value: &DataRef<'_>| {
        if !matches!(value, DataRef::Empty) {
            cells.push((row, column, Data::from(value.clone())));
        }
    };
    match workbook {
        Sheets::Xlsx(xlsx) => {
            let mut reader = match xlsx.worksheet_cells_reader(name) {
                // A chart sheet holds no cells.
                Err(XlsxError::NotAWorksheet(_)) => return Ok(cells),
                other => other.map_err(|e| e.to_string())?,
            };
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                keep(cell.get_position(), cell.get_value());
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb
                .worksheet_cells_reader(name)
                .map_err(|e| e.to_string())?;
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                keep(cell.get_position(), cell.get_value());
            }
        }
        other => {
            let range = other.worksheet_range(name).map_err(|e| e.to_string())?;
            let (top, left) = range.start().unwrap_or((0, 0));
            return Ok(range
                .used_cells()
                .map(|(row, column, value)| (top + row as u32, left + column as u32, value.clone()))
                .collect());
        }
    }
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    Ok(cells)
}

/// Rows of text from a sheet's used cells. Columns count from the first used column,
/// as calamine's ranges do, and the row number is the one the spreadsheet shows.
fn lines_of(sheet: &str, cells: Vec<SheetCell>) -> std::result::Result<Lines, String> {
    let left = cells
        .iter()
        .map(|(_, column, _)| *column)
        .min()
        .unwrap_or(0);
    let mut spanned = 0usize;
    let mut lines: Lines = Vec::new();
    for (row, column, value) in cells {
        let line = row as usize + 1;
        if lines.last().is_none_or(|(last, _)| *last != line) {
            lines.push((line, Vec::new()));
        }
        let Some((_, texts)) = lines.last_mut() else {
            continue;
        };
        let index = (column - left) as usize;
        if index >= texts.len() {
            spanned += index + 1 - texts.len();
            if spanned > MAX_SHEET_CELLS {
                return Err(format!(
                    "the sheet '{sheet}' is too large to import (its rows span more than \
                     {MAX_SHEET_CELLS} cells): delete the rows and columns that are not part \
                     of the list, or save the sheet as CSV"
                ));
            }
            texts.resize(index + 1, String::new());
        }
        texts[index] = cell_text(&value);
    }
    Ok(lines)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(flag) => if *flag { "yes" } else { "no" }.to_owned(),
        Data::DateTime(date) => match date.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => {
                at.date().format("%Y-%m-%d").to_string()
            }
            Some(at) => at.format("%Y-%m-%d %H:%M").to_string(),
            None => date.as_f64().to_string(),
        },
        Data::Error(error) => format!("#{error:?}"),
    }
}
