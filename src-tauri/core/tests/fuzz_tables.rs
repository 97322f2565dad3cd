//! The spreadsheet reader (`parse_table`) fed arbitrary bytes under every extension it
//! accepts, and real CSV and XLSX files damaged at random — bytes inserted, cut or
//! flipped, the XML inside the workbook rewritten — answers with a table or a message
//! naming the file, never a panic.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzz_common;

use std::io::{Cursor, Read, Write};

use fuzz_common::config;
use proptest::prelude::*;
use rollplan_core::import::{parse_table, Table};
use rollplan_core::CoreError;
use rust_xlsxwriter::{Format, Workbook};

const EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];

const ROSTER_CSV: &str = "\u{feff}Riverside staff roster - November;;;\n\
    Name;Role;Email;Active\n\
    Dana Whitfield;Front desk;dana@riverside.org;yes\n\
    \"Nair, Priya\";\"Medical assistant (MA)\";priya@riverside.org;Active\n\
    \n\
    Jos\u{e9} Mu\u{f1}oz;Billing;;Terminated\n";

/// What must hold of any table the reader returns.
fn check(file: &str, result: Result<Table, CoreError>) -> Result<(), TestCaseError> {
    match result {
        Ok(table) => {
            prop_assert_eq!(&table.file, file);
            prop_assert!(!table.headers.is_empty(), "a table has a header row");
            let mut previous = 0;
            for row in &table.rows {
                prop_assert!(
                    row.line > previous,
                    "rows are numbered as in the file, in order: {} after {previous}",
                    row.line
                );
                previous = row.line;
                prop_assert!(
                    row.cells.iter().any(|c| !c.trim().is_empty()),
                    "blank rows are left out"
                );
            }
        }
        Err(error) => {
            prop_assert!(
                matches!(error, CoreError::Import { .. }),
                "a bad file is an import error: {error:?}"
            );
            let message = error.to_string();
            prop_assert!(
                message.starts_with(file),
                "the message names the file: {message}"
            );
        }
    }
    Ok(())
}

/// A small roster workbook: a notes sheet first, then strings, numbers, dates,
/// booleans, a formula and a blank header, as HR exports have them.
fn roster_xlsx() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(write_roster_xlsx).clone()
}

fn write_roster_xlsx() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Read me").expect("name");
    notes.write(0, 0, "Export of 2026-11-02").expect("cell");
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, header) in ["Name", "Role", "Email", "", "Start", "Hours", "Super user"]
        .iter()
        .enumerate()
    {
        sheet.write(1, col as u16, *header).expect("header");
    }
    let people = [
        ("Dana Whitfield", "Front desk", "dana@riverside.org"),
        (
            "Priya Nair",
            "Medical assistant (MA)",
            "priya@riverside.org",
        ),
        ("José Muñoz", "Billing", ""),
    ];
    for (i, (name, role, email)) in people.iter().enumerate() {
        let row = i as u32 + 2;
        sheet.write(row, 0, *name).expect("name");
        sheet.write(row, 1, *role).expect("role");
        sheet.write(row, 2, *email).expect("email");
        sheet
            .write_number_with_format(row, 4, 46_082.0 + i as f64, &date)
            .expect("date");
        sheet.write(row, 5, 37.5 * (i as f64 + 1.0)).expect("hours");
        sheet.write(row, 6, i == 0).expect("flag");
    }
    sheet.write_formula(5, 5, "=SUM(F3:F5)").expect("formula");
    workbook.save_to_buffer().expect("xlsx")
}

/// The workbook's parts, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid xlsx");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("entry");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("read entry");
            let name = entry.name().expect("entry name").into_owned();
            (name, content)
        })
        .collect()
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start entry");
        writer.write_all(content).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Damage {
    Insert(usize, Vec<u8>),
    Cut(usize, usize),
    Flip(usize, u8),
    Truncate(usize),
    Repeat(usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let tokens = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..12),
        Just(b"\"".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n\n\n".to_vec()),
        Just(b";;,\t".to_vec()),
        Just(vec![0xef, 0xbb, 0xbf]),
        Just(vec![0x80, 0x9f, 0xff, 0x00]),
        Just("ü€—".as_bytes().to_vec()),
    ];
    prop_oneof![
        (any::<usize>(), tokens).prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        (any::<usize>(), 0usize..64).prop_map(|(at, len)| Damage::Cut(at, len)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Damage::Flip(at, byte)),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), 0usize..64).prop_map(|(at, len)| Damage::Repeat(at, len)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match damage {
        Damage::Insert(i, extra) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, extra.iter().copied());
        }
        Damage::Cut(i, len) => {
            let i = at(*i, bytes.len());
            let end = (i + len).min(bytes.len());
            bytes.drain(i..end);
        }
        Damage::Flip(i, byte) => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] ^= byte | 1;
            }
        }
        Damage::Truncate(i) => bytes.truncate(at(*i, bytes.len())),
        Damage::Repeat(i, len) => {
            let i = at(*i, bytes.len());
            let end = (i + len).min(bytes.len());
            let copy = bytes[i..end].to_vec();
            bytes.splice(i..i, copy);
        }
    }
}

/// Text that means something to a worksheet's XML, to splice into it.
fn xml_token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(r#"<c r="A1" t="s"><v>999999</v></c>"#.to_owned()),
        Just(r#"<c r="B2" t="n"><v>1e308</v></c>"#.to_owned()),
        Just(r#"<c r="C3" s="1"><v>-1</v></c>"#.to_owned()),
        Just(r#"<c r="D4" s="1"><v>1e20</v></c>"#.to_owned()),
        Just(r#"<c r="E5" t="b"><v>2</v></c>"#.to_owned()),
        Just(r#"<c r="F6" t="e"><v>#N/A</v></c>"#.to_owned()),
        Just(r#"<c r="G7" t="d"><v>not a date</v></c>"#.to_owned()),
        Just(r#"<c r="H8" t="inlineStr"><is><t>inline</t></is></c>"#.to_owned()),
        Just(r#"<c r="A0"><v>1</v></c>"#.to_owned()),
        Just(r#"<c r="AAAAAAAA1"><v>1</v></c>"#.to_owned()),
        Just(r#"<c r="A99999999999"><v>1</v></c>"#.to_owned()),
        Just(r#"<c r="Z1200"><v>1</v></c>"#.to_owned()),
        Just(r#"<c r="XFD1048576"><v>1</v></c>"#.to_owned()),
        Just(r#"<c t="s"><v>0</v></c>"#.to_owned()),
        Just(r#"<row r="0">"#.to_owned()),
        Just(r#"<row r="4294967295">"#.to_owned()),
        Just("<v>NaN</v>".to_owned()),
        Just("&amp;&#0;&#xFFFF;&bogus;".to_owned()),
        Just("</sheetData>".to_owned()),
        Just("<![CDATA[".to_owned()),
        Just(r#"<si><t xml:space="preserve"> x </t></si>"#.to_owned()),
        "[<>/=\" a-z0-9]{0,16}",
    ]
}

proptest! {
    #![proptest_config(config(600))]

    #[test]
    fn arbitrary_bytes_under_any_extension(
        bytes in proptest::collection::vec(any::<u8>(), 0..2_048),
        extension in proptest::sample::select(&EXTENSIONS[..]),
    ) {
        let file = format!("upload.{extension}");
        check(&file, parse_table(&file, bytes))?;
    }

    #[test]
    fn arbitrary_text_as_csv(text in "[-a-z0-9 ,;\t\"\r\n%$/.]{0,400}|\\PC{0,200}") {
        check("pull.csv", parse_table("pull.csv", text.into_bytes()))?;
    }

    #[test]
    fn a_damaged_csv(damages in proptest::collection::vec(damage(), 1..8)) {
        let mut bytes = ROSTER_CSV.as_bytes().to_vec();
        for damage in &damages {
            apply(&mut bytes, damage);
        }
        check("roster.csv", parse_table("roster.csv", bytes))?;
    }
}

proptest! {
    #![proptest_config(config(250))]

    #[test]
    fn a_damaged_xlsx_file(damages in proptest::collection::vec(damage(), 1..6)) {
        let mut bytes = roster_xlsx();
        for damage in &damages {
            apply(&mut bytes, damage);
        }
        check("roster.xlsx", parse_table("roster.xlsx", bytes))?;
    }

    #[test]
    fn a_workbook_with_damaged_xml_inside(
        part in 0usize..32,
        edits in proptest::collection::vec((any::<usize>(), 0usize..40, xml_token()), 1..5),
        cut in proptest::option::of(any::<usize>()),
    ) {
        let mut parts = unzip(&roster_xlsx());
        // Mostly the sheets and the shared strings, where the cells are.
        let xml: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].0.ends_with(".xml"))
            .collect();
        let interesting: Vec<usize> = xml
            .iter()
            .copied()
            .filter(|&i| parts[i].0.contains("sheet") || parts[i].0.contains("sharedStrings"))
            .collect();
        let chosen = if part % 4 == 0 { xml[part % xml.len()] } else { interesting[part % interesting.len()] };
        let content = &mut parts[chosen].1;
        for (at, len, token) in &edits {
            let at = at % (content.len() + 1);
            let end = (at + len).min(content.len());
            content.splice(at..end, token.bytes());
        }
        if let Some(cut) = cut {
            content.truncate(cut % (content.len() + 1));
        }
        check("roster.xlsx", parse_table("roster.xlsx", zip_parts(&parts)))?;
    }
}

/// Found by `arbitrary_text_as_csv`: a lone carriage return (an old Mac line ending)
/// splits rows for the CSV reader, but did not count as a line, so two rows of the file
/// were both called "row 2" in messages.
#[test]
fn a_lone_carriage_return_ends_a_line() {
    let table = parse_table("pull.csv", b"a\t\"a\"\n;\r$".to_vec()).expect("reads");
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [2, 3],
        "each row keeps the number a text editor shows"
    );
    let mac = parse_table(
        "roster.csv",
        b"Name,Email\rAna,a@x.org\r\rBen,b@x.org\r".to_vec(),
    )
    .expect("reads");
    let lines: Vec<usize> = mac.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 4], "blank lines still count");
}

#[test]
fn the_undamaged_files_read() {
    let csv = parse_table("roster.csv", ROSTER_CSV.as_bytes().to_vec()).expect("csv");
    assert_eq!(csv.headers, ["Name", "Role", "Email", "Active"]);
    assert_eq!(csv.rows.len(), 3, "the three people of the roster");
    let xlsx = parse_table("roster.xlsx", roster_xlsx()).expect("xlsx");
    assert_eq!(xlsx.headers[0], "Name", "the notes sheet is passed over");
    assert_eq!(
        xlsx.rows[0].cells[4], "2026-03-01",
        "a date cell reads as a date"
    );
    assert_eq!(
        parse_table("roster.xlsx", zip_parts(&unzip(&roster_xlsx()))).expect("rezipped"),
        xlsx,
        "unzipping and zipping again keeps the workbook as it was"
    );
}

/// Found by `a_workbook_with_damaged_xml_inside`: one cell at XFD1048576 (a stray
/// keystroke far down and right, or a crafted file of a few kilobytes) made the sheet
/// one block of 17 billion cells, and the allocation of half a terabyte aborted the
/// whole app. Sheets are now read cell by cell.
#[test]
fn a_stray_cell_in_the_last_row_and_column_is_read_without_a_block_of_empty_cells() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, text) in ["Name", "Email"].iter().enumerate() {
        sheet.write(0, col as u16, *text).expect("header");
    }
    sheet.write(1, 0, "Ana Ruiz").expect("name");
    sheet.write(1_048_575, 16_383, "stray").expect("far cell");
    let table = parse_table("far.xlsx", workbook.save_to_buffer().expect("xlsx"))
        .expect("a stray cell does not stop the import");
    assert_eq!(&table.headers[..2], ["Name", "Email"]);
    assert_eq!(table.rows[0].cells[0], "Ana Ruiz");
    let last = table.rows.last().expect("the stray row");
    assert_eq!(
        (last.line, last.cells.len(), last.cells[16_383].as_str()),
        (1_048_576, 16_384, "stray"),
        "the stray cell keeps its row and column"
    );
}

/// Found by `a_workbook_with_damaged_xml_inside`: calamine adds up a cell reference's
/// letters and digits without checking for overflow, so "AAAAAAAA1" or "A99999999999"
/// panicked inside it. A panic in the workbook reader now refuses the file instead.
#[test]
fn an_overlong_cell_reference_does_not_panic() {
    for reference in ["AAAAAAAA1", "A99999999999"] {
        let mut parts = unzip(&roster_xlsx());
        let sheet = parts
            .iter_mut()
            .find(|(name, _)| name == "xl/worksheets/sheet2.xml")
            .expect("the roster sheet");
        let xml = String::from_utf8(sheet.1.clone()).expect("xml");
        sheet.1 = xml
            .replacen("r=\"A3\"", &format!("r=\"{reference}\""), 1)
            .into_bytes();
        match parse_table("roster.xlsx", zip_parts(&parts)) {
            Ok(_) => {}
            Err(error) => assert!(
                matches!(error, CoreError::Import { .. })
                    && error.to_string().starts_with("roster.xlsx:"),
                "a damaged workbook is refused naming the file: {error}"
            ),
        }
    }
}

#[test]
fn a_sheet_spanning_millions_of_cells_is_refused_saying_why() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write(0, 0, "Name").expect("header");
    for row in 1..300u32 {
        sheet.write(row, 0, "Ana").expect("name");
        sheet.write(row, 16_383, "x").expect("far cell");
    }
    let error = parse_table("wide.xlsx", workbook.save_to_buffer().expect("xlsx"))
        .expect_err("too large to hold as text");
    let message = error.to_string();
    assert!(
        message.starts_with("wide.xlsx:") && message.contains("too large to import"),
        "{message}"
    );
}
