//! The predecessors column of a task import, read the way the file wrote it.
//!
//! A file with an ID column (Microsoft Project's *ID* or *Unique ID*, as its Excel and
//! CSV exports write it) names predecessors by those IDs, in MS Project's own syntax; a
//! file without one names them by title, as Rollplan always has. This module finds out
//! which, and turns one row's cell into the rows or titles it waits for and how.
//!
//! The syntax read with an ID column (spaces anywhere are ignored, letters in any case):
//!
//! ```text
//! cell  = item { ("," | ";") item }          3FS+2d; 5SS, 7
//! item  = id [type] [lag]                    4FF-1 day    12SF+3 days
//! id    = digits                             a value of the file's ID column
//! type  = "FS" | "SS" | "FF" | "SF"          finish-to-start when left out
//! lag   = ("+" | "-") number [unit] ["?"]    minus is a lead; "?" (estimated) ignored
//! unit  = days:  d, day, days, ed, eday, edays     (none: days)
//!       | weeks: w, wk, wks, week, weeks, ew, ewk, ewks, eweek, eweeks   (× 7 days)
//! ```
//!
//! The plan counts whole calendar days, so a lag must come to a whole number of days;
//! lags in hours, minutes, months or as a percentage of the task are refused with a
//! message saying to give them in days. An ID that no row of the file has is refused
//! with the row and the ID. The `Unique ID Predecessors` column goes with the *Unique
//! ID* column, *Predecessors* with *ID* (or *Unique ID* when that is the only one).
//! Without an ID column, titles are separated by `;` (a title may hold a comma) and
//! every link is finish-to-start with no lag, as before.

use std::collections::HashMap;

use crate::import::{find_column, Table, TableRow};
use crate::plan::LinkType;
use crate::{CoreError, Result};

/// The headers a predecessors column is recognised by when it names titles or IDs.
const PREDECESSOR_HEADERS: &[&str] = &["depends on", "dependencies", "predecessors", "depends"];

/// What one predecessor of a row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// The row of the file (by its line) whose ID was given.
    Line(usize),
    /// A title, of a row of the file or of a task already in the plan.
    Title(String),
}

/// One task a row waits for, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Predecessor {
    pub target: Target,
    pub link_type: LinkType,
    pub lag_days: i32,
}

/// How a file names its predecessors: the column, and the rows by ID when it has IDs.
pub(super) struct Predecessors {
    /// The predecessors column, if the file has one.
    pub column: Option<usize>,
    /// With an ID column: the line of the row holding each ID.
    lines_by_id: Option<HashMap<String, usize>>,
}

impl Predecessors {
    /// Finds the predecessors column and, if the file has one, its ID column; refuses
    /// an ID given on two rows (a link to it would be ambiguous).
    pub(super) fn of(table: &Table) -> Result<Self> {
        let find = |names: &[&str]| find_column(&table.headers, names);
        let by_unique = find(&["unique id predecessors"]);
        let (column, id_column) = match by_unique {
            Some(column) => (Some(column), find(&["unique id"])),
            None => (
                find(PREDECESSOR_HEADERS),
                find(&["id"]).or_else(|| find(&["unique id"])),
            ),
        };
        let Some(id_column) = id_column else {
            return Ok(Self {
                column,
                lines_by_id: None,
            });
        };
        let mut lines_by_id = HashMap::with_capacity(table.rows.len());
        for row in &table.rows {
            let id = normal_id(row.cell(Some(id_column)));
            if id.is_empty() {
                continue;
            }
            if let Some(first) = lines_by_id.insert(id.clone(), row.line) {
                return Err(CoreError::Import {
                    file: table.file.clone(),
                    row: Some(row.line),
                    column: table.headers.get(id_column).cloned(),
                    message: format!(
                        "the ID {id} is already on row {first}: each task needs its own ID \
                         so that predecessors can name it (nothing was imported)"
                    ),
                });
            }
        }
        Ok(Self {
            column,
            lines_by_id: Some(lines_by_id),
        })
    }

    /// Whether predecessors are named by ID (and so titles need not differ).
    pub(super) fn by_id(&self) -> bool {
        self.lines_by_id.is_some()
    }

    /// What `row`'s predecessors cell names, in the order written; the message says
    /// what is wrong with the cell otherwise.
    pub(super) fn read(&self, row: &TableRow) -> std::result::Result<Vec<Predecessor>, String> {
        let cell = row.cell(self.column);
        let Some(lines_by_id) = &self.lines_by_id else {
            return Ok(cell
                .split(';')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(|name| Predecessor {
                    target: Target::Title(name.to_owned()),
                    link_type: LinkType::FinishToStart,
                    lag_days: 0,
                })
                .collect());
        };
        cell.split([',', ';'])
            .map(|item| {
                item.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
            })
            .filter(|item| !item.is_empty())
            .map(|item| {
                let (id, link_type, lag_days) = parse_item(&item)?;
                let line = lines_by_id
                    .get(&id)
                    .copied()
                    .ok_or_else(|| format!("predecessor {id} is not a task ID in this file"))?;
                Ok(Predecessor {
                    target: Target::Line(line),
                    link_type,
                    lag_days,
                })
            })
            .collect()
    }
}

/// An ID as the ID column and the predecessors write it: `7`, `7.0` from a spreadsheet
/// number, `007` all name task 7.
fn normal_id(text: &str) -> String {
    let text = text.trim();
    let whole = text.strip_suffix(".0").unwrap_or(text);
    match whole.parse::<u64>() {
        Ok(number) => number.to_string(),
        Err(_) => text.to_owned(),
    }
}

/// One item without spaces — `3FS+2d` — as (id, type, lag in days).
fn parse_item(item: &str) -> std::result::Result<(String, LinkType, i32), String> {
    let not_understood = || {
        format!(
            "'{item}' is not a predecessor as Microsoft Project writes it \
             (an ID, a type and a lag, such as 3FS+2d; 5SS; 7)"
        )
    };
    let digits = item.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return Err(not_understood());
    }
    let (id, rest) = item.split_at(digits);
    let (link_type, lag) = match rest.get(..2).map(|code| code.to_ascii_uppercase()) {
        Some(code) if LinkType::from_code(&code).is_some() => {
            (LinkType::from_code(&code), &rest[2..])
        }
        _ => (None, rest),
    };
    let link_type = link_type.unwrap_or(LinkType::FinishToStart);
    let lag_days = if lag.is_empty() {
        0
    } else {
        parse_lag(lag).map_err(|message| message.unwrap_or_else(not_understood))?
    };
    Ok((normal_id(id), link_type, lag_days))
}

/// A lag such as `+2d`, `-1day`, `+3w`, as whole days. `Err(None)` when it is not a lag
/// at all, `Err(Some(message))` when it is one the plan cannot keep.
fn parse_lag(lag: &str) -> std::result::Result<i32, Option<String>> {
    let (sign, rest) = match (lag.strip_prefix('+'), lag.strip_prefix('-')) {
        (Some(rest), _) => (1.0, rest),
        (_, Some(rest)) => (-1.0, rest),
        _ => return Err(None),
    };
    let rest = rest.strip_suffix('?').unwrap_or(rest);
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, unit) = rest.split_at(number_end);
    let number: f64 = number.parse().map_err(|_| None)?;
    let days_per_unit = match unit.to_ascii_lowercase().as_str() {
        "" | "d" | "day" | "days" | "ed" | "eday" | "edays" => 1.0,
        "w" | "wk" | "wks" | "week" | "weeks" | "ew" | "ewk" | "ewks" | "eweek" | "eweeks" => 7.0,
        "h" | "hr" | "hrs" | "hour" | "hours" | "eh" | "ehr" | "ehrs" | "m" | "min" | "mins"
        | "minute" | "minutes" | "em" | "emin" | "emins" | "mo" | "mon" | "mons" | "month"
        | "months" | "emo" | "emon" | "emons" | "%" => {
            return Err(Some(format!(
                "the lag {lag} is not in days or weeks: the plan counts whole days, so give \
                 the lag in days (such as +2d)"
            )))
        }
        _ => return Err(None),
    };
    let days = sign * number * days_per_unit;
    if days.fract() != 0.0 {
        return Err(Some(format!(
            "the lag {lag} is not a whole number of days: the plan counts whole days"
        )));
    }
    // Far beyond any lag the plan accepts: the link's own check names the limit.
    Ok(days.clamp(-100_000.0, 100_000.0) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LinkType::*;

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            file: "plan.csv".into(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    line: i + 2,
                    cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
            notes: Vec::new(),
        }
    }

    fn link(line: usize, link_type: LinkType, lag_days: i32) -> Predecessor {
        Predecessor {
            target: Target::Line(line),
            link_type,
            lag_days,
        }
    }

    fn ms_project_plan(predecessors: &str) -> (Predecessors, TableRow) {
        let rows: Vec<[&str; 3]> = (1..=12)
            .map(|id| {
                [
                    [
                        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                    ][id - 1],
                    "Task",
                    "",
                ]
            })
            .collect();
        let mut rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let last = ["13", "Go-live", predecessors];
        rows.push(&last);
        let table = table(&["ID", "Task Name", "Predecessors"], &rows);
        let reader = Predecessors::of(&table).expect("IDs differ");
        let row = table.rows[12].clone();
        (reader, row)
    }

    #[test]
    fn ms_project_predecessors_read_with_their_types_and_lags() {
        let (reader, row) =
            ms_project_plan("3FS+2d; 5SS, 7,4FF-1 day;12SF+3 days, 2ss+1w, 6fs-2 edays, 8+4");
        assert!(
            reader.by_id(),
            "a file with an ID column names predecessors by ID"
        );
        // Row of ID n is on line n + 1 (the header is line 1).
        assert_eq!(
            reader.read(&row),
            Ok(vec![
                link(4, FinishToStart, 2),
                link(6, StartToStart, 0),
                link(8, FinishToStart, 0),
                link(5, FinishToFinish, -1),
                link(13, StartToFinish, 3),
                link(3, StartToStart, 7),
                link(7, FinishToStart, -2),
                link(9, FinishToStart, 4),
            ]),
            "every item of MS Project's syntax is read with its type and lag in days"
        );
    }

    #[test]
    fn an_id_not_in_the_file_is_named() {
        let (reader, row) = ms_project_plan("3; 14FS");
        assert_eq!(
            reader.read(&row),
            Err("predecessor 14 is not a task ID in this file".to_owned())
        );
    }

    #[test]
    fn lags_the_plan_cannot_keep_are_refused_with_a_reason() {
        for (cell, expected) in [
            ("3FS+4h", "not in days or weeks"),
            ("3FS+2mo", "not in days or weeks"),
            ("3SS+50%", "not in days or weeks"),
            ("3FS+1.5d", "not a whole number of days"),
            ("3XX", "is not a predecessor as Microsoft Project writes it"),
            ("FS3", "is not a predecessor as Microsoft Project writes it"),
            (
                "3FS+2parsecs",
                "is not a predecessor as Microsoft Project writes it",
            ),
            ("3é", "is not a predecessor as Microsoft Project writes it"),
            (
                "3FSé",
                "is not a predecessor as Microsoft Project writes it",
            ),
        ] {
            let (reader, row) = ms_project_plan(cell);
            let message = reader.read(&row).expect_err(cell);
            assert!(
                message.contains(expected),
                "{cell}: expected a message with '{expected}', got '{message}'"
            );
        }
        let (reader, row) = ms_project_plan("3FS+1.0d, 4SS+0.5w?");
        assert_eq!(
            reader.read(&row),
            Err("the lag +0.5w? is not a whole number of days: the plan counts whole days".into()),
            "half a week is three and a half days"
        );
        let (reader, row) = ms_project_plan("3FS+2d?");
        assert_eq!(
            reader.read(&row),
            Ok(vec![link(4, FinishToStart, 2)]),
            "an estimated lag keeps its days"
        );
    }

    #[test]
    fn without_an_id_column_titles_are_read_as_before() {
        let table = table(
            &["Task", "Depends on"],
            &[
                &["Build", ""],
                &["Test, then fix", "Build; Order kit, scanners"],
            ],
        );
        let reader = Predecessors::of(&table).expect("no IDs");
        assert!(!reader.by_id());
        let titles: Vec<Target> = reader
            .read(&table.rows[1])
            .expect("titles")
            .into_iter()
            .map(|p| p.target)
            .collect();
        assert_eq!(
            titles,
            vec![
                Target::Title("Build".into()),
                Target::Title("Order kit, scanners".into())
            ],
            "titles are separated by semicolons only, since a title may hold a comma"
        );
    }

    #[test]
    fn unique_id_predecessors_go_with_the_unique_id_column() {
        let table = table(
            &["ID", "Unique ID", "Name", "Unique ID Predecessors"],
            &[&["1", "101", "Build", ""], &["2", "102", "Test", "101SS"]],
        );
        let reader = Predecessors::of(&table).expect("IDs differ");
        assert_eq!(
            reader.read(&table.rows[1]),
            Ok(vec![link(2, StartToStart, 0)]),
            "101 is the Unique ID of the first row"
        );
    }

    proptest::proptest! {
        /// Whatever a cell holds, it is read or refused with a message, never a panic.
        #[test]
        fn any_cell_is_read_or_refused(cell in "\\PC{0,40}") {
            let (reader, row) = ms_project_plan(&cell);
            let _ = reader.read(&row);
        }
    }

    #[test]
    fn an_id_on_two_rows_is_refused() {
        let table = table(
            &["ID", "Name", "Predecessors"],
            &[&["1", "Build", ""], &["1.0", "Test", "1"]],
        );
        match Predecessors::of(&table) {
            Err(CoreError::Import { row, message, .. }) => {
                assert_eq!(row, Some(3), "the second row with the ID is named");
                assert!(
                    message.contains("the ID 1 is already on row 2"),
                    "{message}"
                );
            }
            other => panic!("a repeated ID must be refused, got {:?}", other.map(|_| ())),
        }
    }
}
