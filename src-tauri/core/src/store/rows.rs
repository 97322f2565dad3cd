//! Reading typed values out of rows: dates and timestamps are stored as text, and a
//! value that does not parse is reported as a corrupt column rather than a panic.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::FromSql;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::time::{parse_date, parse_timestamp};
use crate::{CoreError, Result};

/// The error for a stored value that cannot be read back.
pub(crate) fn unreadable(column: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("the database holds an unreadable {column}").into(),
    )
}

/// A column of a row: by name, or — in the lists read thousands of rows at a time — by
/// position with its name for messages (finding a column by name compares it with every
/// column name before it, on every row).
pub(crate) trait Column: Copy {
    fn get<T: FromSql>(self, row: &Row<'_>) -> rusqlite::Result<T>;
    fn name(self) -> String;
}

impl Column for &str {
    fn get<T: FromSql>(self, row: &Row<'_>) -> rusqlite::Result<T> {
        row.get(self)
    }

    fn name(self) -> String {
        self.to_owned()
    }
}

impl Column for (usize, &str) {
    fn get<T: FromSql>(self, row: &Row<'_>) -> rusqlite::Result<T> {
        row.get(self.0)
    }

    fn name(self) -> String {
        self.1.to_owned()
    }
}

/// An optional `YYYY-MM-DD` column.
pub(crate) fn date(row: &Row<'_>, column: impl Column) -> rusqlite::Result<Option<NaiveDate>> {
    column
        .get::<Option<String>>(row)?
        .map(|text| parse_date(&text).ok_or_else(|| unreadable(&column.name())))
        .transpose()
}

/// An optional UTC ISO-8601 timestamp column.
pub(crate) fn timestamp(
    row: &Row<'_>,
    column: impl Column,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    column
        .get::<Option<String>>(row)?
        .map(|text| parse_timestamp(&text).ok_or_else(|| unreadable(&column.name())))
        .transpose()
}

/// A timestamp column that is never empty (created_at, updated_at).
pub(crate) fn required_timestamp(
    row: &Row<'_>,
    column: impl Column,
) -> rusqlite::Result<DateTime<Utc>> {
    timestamp(row, column)?.ok_or_else(|| unreadable(&column.name()))
}

/// The one row `sql` finds for `id` (its only parameter), read by `map`; a missing row
/// is `NotFound` naming `entity` ("Rollout", "Person", ...).
pub(crate) fn fetch_by_id<T>(
    conn: &Connection,
    sql: &str,
    id: &str,
    entity: &'static str,
    map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<T> {
    conn.prepare_cached(sql)?
        .query_row(params![id], map)
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity,
            id: id.to_owned(),
        })
}
