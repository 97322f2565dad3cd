//! Finding a measurement file's columns by their usual headers: metric, date and value
//! are required (a missing one is refused, listing the headers found); note and source
//! are optional.

use crate::import::{find_column, Table};
use crate::{CoreError, Result};

/// Where each column of a measurement file is.
pub(super) struct Columns {
    pub metric: usize,
    pub date: usize,
    pub value: usize,
    pub note: Option<usize>,
    pub source: Option<usize>,
}

pub(super) fn find_columns(table: &Table) -> Result<Columns> {
    let find = |names: &[&str]| find_column(&table.headers, names);
    let required = |label: &str, names: &[&str], examples: &str| {
        find(names).ok_or_else(|| CoreError::Import {
            file: table.file.clone(),
            row: None,
            column: Some(label.to_owned()),
            message: format!(
                "the column '{label}' is missing (a header such as {examples}); found {}",
                table.headers.join(", ")
            ),
        })
    };
    Ok(Columns {
        metric: required(
            "Metric",
            &["metric", "metric name", "measure", "kpi", "indicator"],
            "Metric or Measure",
        )?,
        date: required(
            "Date",
            &[
                "date",
                "measured on",
                "week",
                "week of",
                "week ending",
                "period",
                "as of",
                "day",
            ],
            "Date, Week of or Period",
        )?,
        value: required(
            "Value",
            &["value", "result", "actual", "amount", "measurement"],
            "Value, Result or Actual",
        )?,
        note: find(&["note", "notes", "comment", "comments"]),
        source: find(&["source", "data source"]),
    })
}
