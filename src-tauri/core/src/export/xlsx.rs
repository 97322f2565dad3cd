//! The report as an XLSX workbook: a Summary sheet first, then one sheet per table, each
//! with a styled and frozen header row, filters on, dates as real Excel dates, and
//! columns wide enough to read. Text is always written as a string cell, which Excel
//! never evaluates, so a typed `=...` stays text without the apostrophe CSV needs.
//!
//! Every sheet is set up to print: landscape, one page wide (as many pages tall as it
//! takes), the header row repeated on each page, long text wrapped in a capped column
//! rather than running off the page, and the sheet, rollout and page number in the
//! margins.

use chrono::Datelike;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::tables::{rollout_tables, summary_table, Cell, ExportTable};
use super::RolloutReport;
use crate::{CoreError, Result};

/// Excel refuses longer strings in a cell.
const MAX_CELL_CHARS: usize = 32_767;
const MIN_WIDTH: usize = 8;
/// Wider text wraps inside a column this wide: about a third of a landscape page at
/// full size, so a table of several text columns still fits one page wide legibly.
const MAX_WIDTH: usize = 45;
/// The height of one line of the default 11-point font, in points.
const LINE_HEIGHT: f64 = 15.0;
/// Excel's tallest row is 409 points: 27 lines.
const MAX_LINES: usize = 27;

/// The workbook's bytes.
pub fn rollout_xlsx(report: &RolloutReport) -> Result<Vec<u8>> {
    workbook(report).map_err(|e| CoreError::Database(format!("cannot write the workbook: {e}")))
}

/// The cell formats every sheet shares. Data cells align to the top, so a row made tall
/// by one wrapped cell still reads across.
struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    date: Format,
    number: Format,
    /// Numbers and dates in a list of fields, aligned with the text values around them.
    list_date: Format,
    list_number: Format,
}

impl Formats {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x0F766E))
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            date: top.clone().set_num_format("yyyy-mm-dd"),
            number: top.clone(),
            list_date: top
                .clone()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left),
            list_number: top.clone().set_align(FormatAlign::Left),
            text: top,
        }
    }
}

fn workbook(report: &RolloutReport) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    let margin_name = margin_text(&report.rollout.name);
    let sheet = book.add_worksheet();
    write_table(sheet, &summary_table(report), &formats, &margin_name, true)?;
    for table in rollout_tables(report) {
        let sheet = book.add_worksheet();
        // The rollout's own fields are one row of seventeen columns: printed one page
        // wide that is a strip too small to read, while as a list it fills a page.
        if table.name == "rollout" {
            write_table(sheet, &as_fields(table), &formats, &margin_name, true)?;
            continue;
        }
        write_table(sheet, &table, &formats, &margin_name, false)?;
        let last_col = table.headers.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    }
    book.save_to_buffer()
}

/// A workbook of one table on one sheet (a library-wide list such as the escalation
/// table), set up and printed as every rollout sheet is, `title` in the margin.
pub(crate) fn table_xlsx(table: &ExportTable, title: &str) -> Result<Vec<u8>> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let formats = Formats::new();
        let sheet = book.add_worksheet();
        write_table(sheet, table, &formats, &margin_text(title), false)?;
        let last_col = table.headers.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
        book.save_to_buffer()
    };
    build().map_err(|e| CoreError::Database(format!("cannot write the workbook: {e}")))
}

/// A one-row table as (field, value) rows, each value keeping its type.
fn as_fields(table: ExportTable) -> ExportTable {
    let rows = match table.rows.into_iter().next() {
        Some(row) => table
            .headers
            .iter()
            .zip(row)
            .map(|(field, value)| vec![Cell::text(field), value])
            .collect(),
        None => Vec::new(),
    };
    ExportTable {
        name: table.name,
        headers: vec!["Field", "Value"],
        rows,
    }
}

/// One table on its sheet, with its column widths and print setup; `list` is a list of
/// fields (the summary), whose numbers and dates align left with the text beside them.
fn write_table(
    sheet: &mut Worksheet,
    table: &ExportTable,
    formats: &Formats,
    rollout: &str,
    list: bool,
) -> Result<(), XlsxError> {
    let (date_format, number_format) = if list {
        (&formats.list_date, &formats.list_number)
    } else {
        (&formats.date, &formats.number)
    };
    sheet.set_name(table.name)?;
    let widths: Vec<usize> = natural_widths(table)
        .into_iter()
        .map(|w| w.clamp(MIN_WIDTH, MAX_WIDTH))
        .collect();
    for (col, title) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &formats.header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let row_number = r as u32 + 1;
        let mut row_lines = 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(text) => {
                    let text: String = text.chars().take(MAX_CELL_CHARS).collect();
                    let width = widths.get(c).copied().unwrap_or(MAX_WIDTH);
                    let lines = wrapped_lines(&text, width);
                    let format = if lines > 1 || text.contains('\n') {
                        &formats.wrap
                    } else {
                        &formats.text
                    };
                    sheet.write_string_with_format(row_number, col, &text, format)?;
                    row_lines = row_lines.max(lines);
                }
                Cell::Date(day) => {
                    let value = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        day.month() as u8,
                        day.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(row_number, col, &value, date_format)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(row_number, col, *n, number_format)?;
                }
                Cell::Empty => {}
            }
        }
        // Spreadsheet apps do not all grow a row to fit wrapped text on opening (LibreOffice
        // prints such rows one line tall, lines over each other), so the height is set.
        if row_lines > 1 {
            sheet.set_row_height(row_number, LINE_HEIGHT * row_lines.min(MAX_LINES) as f64)?;
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3)
        .set_header(format!("&L&A&R{rollout}"))
        .set_footer("&CPage &P of &N");
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Each column's width in characters if nothing wrapped: its longest line plus a little.
fn natural_widths(table: &ExportTable) -> Vec<usize> {
    let mut widths: Vec<usize> = table
        .headers
        .iter()
        .map(|h| h.chars().count() + 2)
        .collect();
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate() {
            let chars = match cell {
                Cell::Text(text) => text
                    .lines()
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0)
                    .min(MAX_CELL_CHARS),
                Cell::Date(_) => 10,
                Cell::Number(n) => format!("{n}").len(),
                Cell::Empty => 0,
            };
            if let Some(width) = widths.get_mut(c) {
                *width = (*width).max(chars + 1);
            }
        }
    }
    widths
}

/// How many lines `text` takes in a column `width` characters wide. A character of
/// text is on average narrower than the digit a column's width counts in, so counting
/// characters errs toward a row a little too tall rather than cut.
fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.saturating_sub(1).max(1);
    text.lines()
        .map(|line| line.chars().count().div_ceil(width).max(1))
        .sum::<usize>()
        .max(1)
}

/// Text for a printed header: `&` starts a code there, so a literal one is doubled.
/// Excel caps a header at 255 characters, codes included.
fn margin_text(text: &str) -> String {
    text.chars()
        .take(120)
        .collect::<String>()
        .replace('&', "&&")
}
