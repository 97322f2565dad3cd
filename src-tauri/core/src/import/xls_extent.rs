//! Sizing the sheets of an old `.xls` workbook before it is read.
//!
//! calamine reads an `.xls` whole when it opens it, and lays each sheet out as one block
//! from its first used cell to its last: a sheet with a stray value at IV65536 becomes
//! sixteen million cells, about a gigabyte, before a single row is looked at. So the
//! workbook stream is walked first — records are a type, a length and a body, and every
//! cell record starts with its row and column — and a workbook whose sheets would span
//! more than the import's cell budget is refused, its size named, without calamine ever
//! expanding it. The walk itself holds nothing but four numbers per sheet.

use std::io::{Cursor, Read};

/// Record types that put a value in a cell (the ones calamine keeps): Number, Label,
/// RString, BoolErr, Rk, LabelSst, Formula; MulRk is handled apart (it spans columns).
const CELL_RECORDS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
const MUL_RK: u16 = 0x00BD;
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;

/// The rows and columns one sheet's values span.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Extent {
    first_row: u32,
    last_row: u32,
    first_column: u32,
    last_column: u32,
    any: bool,
}

impl Extent {
    fn include(&mut self, row: u32, column: u32) {
        if !self.any {
            *self = Self {
                first_row: row,
                last_row: row,
                first_column: column,
                last_column: column,
                any: true,
            };
            return;
        }
        self.first_row = self.first_row.min(row);
        self.last_row = self.last_row.max(row);
        self.first_column = self.first_column.min(column);
        self.last_column = self.last_column.max(column);
    }

    pub(super) fn rows(&self) -> u64 {
        if self.any {
            u64::from(self.last_row - self.first_row) + 1
        } else {
            0
        }
    }

    pub(super) fn columns(&self) -> u64 {
        if self.any {
            u64::from(self.last_column - self.first_column) + 1
        } else {
            0
        }
    }

    pub(super) fn cells(&self) -> u64 {
        self.rows() * self.columns()
    }
}

/// Refuses an `.xls` whose sheets together would span more than `budget` cells once laid
/// out; a file that is not an `.xls` at all passes (calamine then says what it is).
pub(super) fn check(bytes: &[u8], budget: usize) -> std::result::Result<(), String> {
    let Some(extents) = sheet_extents(bytes) else {
        return Ok(());
    };
    let total: u64 = extents.iter().map(Extent::cells).sum();
    if total <= budget as u64 {
        return Ok(());
    }
    let widest = extents
        .iter()
        .enumerate()
        .max_by_key(|(_, extent)| extent.cells())
        .map(|(index, extent)| {
            format!(
                "sheet {} spans {} rows × {} columns",
                index + 1,
                thousands(extent.rows()),
                thousands(extent.columns())
            )
        })
        .unwrap_or_default();
    Err(format!(
        "this old-format workbook is too large to import: its sheets span {} cells ({widest}), \
         more than the {} an import reads at once. Delete the rows and columns that are not \
         part of the list (a stray value far below or to the right counts too), or save it \
         as .xlsx or CSV",
        thousands(total),
        thousands(budget as u64)
    ))
}

/// The extent of each worksheet of the workbook stream; `None` when `bytes` is not a
/// compound file with a workbook stream (not an `.xls`, or a damaged one).
pub(super) fn sheet_extents(bytes: &[u8]) -> Option<Vec<Extent>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    // BIFF8 names the stream "Workbook", BIFF5 "Book".
    let mut stream = file
        .open_stream("/Workbook")
        .or_else(|_| file.open_stream("/Book"))
        .ok()?;
    let mut extents = Vec::new();
    // Depth of BOF/EOF nesting: 1 inside the globals or a sheet, deeper inside an
    // embedded chart, whose records are not the sheet's cells.
    let mut depth = 0u32;
    let mut current: Option<Extent> = None;
    let mut header = [0u8; 4];
    let mut body = Vec::new();
    while stream.read_exact(&mut header).is_ok() {
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let length = usize::from(u16::from_le_bytes([header[2], header[3]]));
        body.resize(length, 0);
        if stream.read_exact(&mut body).is_err() {
            break;
        }
        match kind {
            BOF => {
                depth += 1;
                // Substream type 0x0010 is a worksheet (0x0005 the globals).
                if depth == 1 && body.get(2..4) == Some(&[0x10, 0x00]) {
                    current = Some(Extent::default());
                }
            }
            EOF => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    extents.extend(current.take());
                }
            }
            _ if depth != 1 => {}
            MUL_RK => {
                if let (Some(extent), Some((row, first))) = (current.as_mut(), position(&body)) {
                    // The last column sits in the record's final two bytes.
                    let last = body
                        .len()
                        .checked_sub(2)
                        .and_then(|at| body.get(at..at + 2))
                        .map_or(first, |b| u32::from(u16::from_le_bytes([b[0], b[1]])));
                    extent.include(row, first);
                    extent.include(row, last.max(first));
                }
            }
            kind if CELL_RECORDS.contains(&kind) => {
                if let (Some(extent), Some((row, column))) = (current.as_mut(), position(&body)) {
                    extent.include(row, column);
                }
            }
            _ => {}
        }
    }
    extents.extend(current);
    Some(extents)
}

/// The (row, column) a cell record starts with.
fn position(body: &[u8]) -> Option<(u32, u32)> {
    let bytes = body.get(0..4)?;
    Some((
        u32::from(u16::from_le_bytes([bytes[0], bytes[1]])),
        u32::from(u16::from_le_bytes([bytes[2], bytes[3]])),
    ))
}

/// A count as the rest of the app writes numbers ("16,777,216"); every count here is
/// far below the 2^53 an `f64` holds exactly.
fn thousands(n: u64) -> String {
    crate::metrics::format::number_text(n as f64)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One BIFF record.
    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((body.len() as u16).to_le_bytes());
        out.extend(body);
        out
    }

    fn bof(substream: u16) -> Vec<u8> {
        let mut body = 0x0600u16.to_le_bytes().to_vec();
        body.extend(substream.to_le_bytes());
        body.extend([0u8; 12]);
        record(BOF, &body)
    }

    fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
        let mut body = row.to_le_bytes().to_vec();
        body.extend(column.to_le_bytes());
        body.extend(0u16.to_le_bytes());
        body.extend(value.to_le_bytes());
        record(0x0203, &body)
    }

    fn label(row: u16, column: u16, text: &str) -> Vec<u8> {
        let mut body = row.to_le_bytes().to_vec();
        body.extend(column.to_le_bytes());
        body.extend(0u16.to_le_bytes());
        let units: Vec<u16> = text.encode_utf16().collect();
        body.extend((units.len() as u16).to_le_bytes());
        body.push(1); // UTF-16 characters, as Excel writes them
        body.extend(units.iter().flat_map(|unit| unit.to_le_bytes()));
        record(0x0204, &body)
    }

    /// A minimal BIFF8 workbook of one sheet holding `cells`, as an `.xls` file's bytes.
    pub(crate) fn workbook(cells: &[Vec<u8>]) -> Vec<u8> {
        let globals_end = {
            let mut g = bof(0x0005);
            g.extend(record(0x0042, &1200u16.to_le_bytes())); // code page: UTF-16
            g
        };
        let sheet_name = b"Staff";
        let boundsheet_len = 4 + 8 + sheet_name.len();
        let sheet_offset = (globals_end.len() + boundsheet_len + 4) as u32;
        let mut boundsheet = sheet_offset.to_le_bytes().to_vec();
        boundsheet.extend([0u8, 0u8, sheet_name.len() as u8, 0u8]);
        boundsheet.extend(sheet_name);
        let mut stream = globals_end;
        stream.extend(record(0x0085, &boundsheet));
        stream.extend(record(EOF, &[]));
        assert_eq!(
            stream.len() as u32,
            sheet_offset,
            "the sheet starts where it says"
        );
        stream.extend(bof(0x0010));
        for cell in cells {
            stream.extend(cell);
        }
        stream.extend(record(EOF, &[]));

        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
        {
            use std::io::Write;
            let mut workbook = file.create_stream("/Workbook").expect("stream");
            workbook.write_all(&stream).expect("write");
        }
        file.into_inner().into_inner()
    }

    pub(crate) fn a_small_staff_list() -> Vec<u8> {
        workbook(&[
            label(0, 0, "Name"),
            label(0, 1, "Hours"),
            label(1, 0, "Dana Reyes"),
            number(1, 1, 32.0),
        ])
    }

    pub(crate) fn a_list_with_a_stray_value_far_away() -> Vec<u8> {
        workbook(&[
            label(0, 0, "Name"),
            label(1, 0, "Dana Reyes"),
            number(65_535, 255, 1.0),
        ])
    }

    #[test]
    fn a_sheet_is_sized_by_the_values_it_holds() {
        let extents = sheet_extents(&a_small_staff_list()).expect("an xls");
        assert_eq!(extents.len(), 1, "one sheet");
        assert_eq!((extents[0].rows(), extents[0].columns()), (2, 2), "A1:B2");
        assert!(
            check(&a_small_staff_list(), 4_000_000).is_ok(),
            "a small list passes"
        );
    }

    #[test]
    fn a_stray_value_far_away_is_refused_with_the_size_named() {
        let refused = check(&a_list_with_a_stray_value_far_away(), 4_000_000).unwrap_err();
        assert!(
            refused.contains("16,777,216 cells") && refused.contains("65,536 rows × 256 columns"),
            "the refusal names how large the sheet is: {refused}"
        );
    }

    #[test]
    fn bytes_that_are_not_an_xls_are_left_to_the_reader() {
        assert_eq!(sheet_extents(b"Name,Hours\nDana,32\n"), None);
        assert!(
            check(b"not a workbook", 10).is_ok(),
            "calamine says what it is"
        );
    }
}
