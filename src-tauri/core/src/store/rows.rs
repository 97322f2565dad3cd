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

/// The text at column `index`, borrowed from the row: for loops that run once a record
/// over tens of thousands of them, where looking each column up by name and copying it
/// out would cost more than the query.
pub(crate) fn text_at<'a>(row: &'a Row<'_>, index: usize) -> rusqlite::Result<&'a str> {
    row.get_ref(index)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

/// The text at column `index` as bytes, unchecked: for ids matched against ids already
/// read, where checking each one is valid UTF-8 would only cost time.
pub(crate) fn bytes_at<'a>(row: &'a Row<'_>, index: usize) -> rusqlite::Result<&'a [u8]> {
    row.get_ref(index)?.as_bytes().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

/// A sort key that orders text as SQLite's NOCASE collation does (ASCII letters without
/// case, every other byte as it is), for lists sorted in memory that must come out as
/// `ORDER BY ... COLLATE NOCASE` would.
pub(crate) fn nocase_key(text: &str) -> Vec<u8> {
    text.bytes().map(|byte| byte.to_ascii_lowercase()).collect()
}

/// An optional `YYYY-MM-DD` column.
pub(crate) fn date(row: &Row<'_>, column: impl Column) -> rusqlite::Result<Option<NaiveDate>> {
    column
        .get::<Option<String>>(row)?
        .map(|text| parse_date(&text).ok_or_else(|| unreadable(&column.name())))
        .transpose()
}

/// An optional `YYYY-MM-DD` column by position, for the loops [`text_at`] serves;
/// `column` names it in the error.
pub(crate) fn date_at(
    row: &Row<'_>,
    index: usize,
    column: &str,
) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(index)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        rusqlite::types::ValueRef::Text(text) => std::str::from_utf8(text)
            .ok()
            .and_then(parse_date)
            .map(Some)
            .ok_or_else(|| unreadable(column)),
        _ => Err(unreadable(column)),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_in_memory_as_sqlite_sorts_them_without_case() {
        let names = [
            "anna", "Anna", "ANNA B", "anna b", "Zoë", "zoe", "Émile", "emile", "_Lee", "[Temp]",
            "O'Brien", "o'brien", "Obi", "", "a", "B", "b1", "B10", "ß", "Ω",
        ];
        let conn = Connection::open_in_memory().expect("database");
        conn.execute_batch("CREATE TABLE names (n TEXT, i INTEGER)")
            .expect("table");
        for (i, name) in names.iter().enumerate() {
            conn.execute("INSERT INTO names VALUES (?1, ?2)", params![name, i as i64])
                .expect("insert");
        }
        let sqlite: Vec<String> = conn
            .prepare("SELECT n FROM names ORDER BY n COLLATE NOCASE, i")
            .expect("query")
            .query_map([], |row| row.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("names");
        let mut ours: Vec<(usize, &str)> = names.iter().copied().enumerate().collect();
        ours.sort_by_cached_key(|&(i, name)| (nocase_key(name), i));
        let ours: Vec<&str> = ours.into_iter().map(|(_, name)| name).collect();
        assert_eq!(ours, sqlite, "the same order as COLLATE NOCASE");
    }
}
