//! Reading typed values out of rows: dates and timestamps are stored as text, and a
//! value that does not parse is reported as a corrupt column rather than a panic.

use chrono::{DateTime, NaiveDate, Utc};
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

/// The text at column `index`, borrowed from the row: for loops that run once a record
/// over tens of thousands of them, where looking each column up by name and copying it
/// out would cost more than the query.
pub(crate) fn text_at<'a>(row: &'a Row<'_>, index: usize) -> rusqlite::Result<&'a str> {
    row.get_ref(index)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

/// Orders text as SQLite's NOCASE collation does: ASCII letters without case, every other
/// byte as it is. For lists sorted in memory that must come out as `ORDER BY ... COLLATE
/// NOCASE` would.
pub(crate) fn cmp_nocase(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}

/// An optional `YYYY-MM-DD` column.
pub(crate) fn date(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
    row.get::<_, Option<String>>(column)?
        .map(|text| parse_date(&text).ok_or_else(|| unreadable(column)))
        .transpose()
}

/// An optional UTC ISO-8601 timestamp column.
pub(crate) fn timestamp(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<DateTime<Utc>>> {
    row.get::<_, Option<String>>(column)?
        .map(|text| parse_timestamp(&text).ok_or_else(|| unreadable(column)))
        .transpose()
}

/// A timestamp column that is never empty (created_at, updated_at).
pub(crate) fn required_timestamp(row: &Row<'_>, column: &str) -> rusqlite::Result<DateTime<Utc>> {
    timestamp(row, column)?.ok_or_else(|| unreadable(column))
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
    conn.query_row(sql, params![id], map)
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity,
            id: id.to_owned(),
        })
}
