//! The report as an XLSX workbook: one sheet per table, a styled and frozen header row,
//! filters on, dates as real Excel dates, and columns wide enough to read. Text is
//! always written as a string cell, which Excel never evaluates, so a typed `=...`
//! stays text without the apostrophe CSV needs.

use chrono::Datelike;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use super::tables::{rollout_tables, Cell, ExportTable};
use super::RolloutReport;
use crate::{CoreError, Result};

/// Excel refuses longer strings in a cell.
const MAX_CELL_CHARS: usize = 32_767;
const MIN_WIDTH: f64 = 8.0;
const MAX_WIDTH: f64 = 60.0;

/// The workbook's bytes.
pub fn rollout_xlsx(report: &RolloutReport) -> Result<Vec<u8>> {
    workbook(&rollout_tables(report))
        .map_err(|e| CoreError::Database(format!("cannot write the workbook: {e}")))
}

fn workbook(tables: &[ExportTable]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x0F766E))
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name)?;
        let mut widths: Vec<usize> = table
            .headers
            .iter()
            .map(|h| h.chars().count() + 2)
            .collect();
        for (col, title) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &header)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let row_number = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let chars = match cell {
                    Cell::Text(text) => {
                        let text: String = text.chars().take(MAX_CELL_CHARS).collect();
                        if text.contains('\n') {
                            sheet.write_string_with_format(row_number, col, &text, &wrap)?;
                        } else {
                            sheet.write_string(row_number, col, &text)?;
                        }
                        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                    }
                    Cell::Date(day) => {
                        let value = ExcelDateTime::from_ymd(
                            u16::try_from(day.year()).unwrap_or(1900),
                            day.month() as u8,
                            day.day() as u8,
                        )?;
                        sheet.write_datetime_with_format(row_number, col, &value, &date)?;
                        10
                    }
                    Cell::Number(n) => {
                        sheet.write_number(row_number, col, *n)?;
                        format!("{n}").len()
                    }
                    Cell::Empty => 0,
                };
                if let Some(width) = widths.get_mut(c) {
                    *width = (*width).max(chars + 1);
                }
            }
        }
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, (*width as f64).clamp(MIN_WIDTH, MAX_WIDTH))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let last_col = table.headers.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    }
    book.save_to_buffer()
}
