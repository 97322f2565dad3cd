//! Reading typed values out of rows: dates and timestamps are stored as text, and a
//! value that does not parse is reported as a corrupt column rather than a panic.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{FromSql, ValueRef};
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
/// position with its name for messages, `(3, "status")` (finding a column by name
/// compares it with every column name before it, on every row). Every typed reader
/// below takes either, so there is one way to read a column whichever is used.
pub(crate) trait Column: Copy {
    fn get<T: FromSql>(self, row: &Row<'_>) -> rusqlite::Result<T>;
    /// The value borrowed from the row, for readers that need not copy it out.
    fn value<'a>(self, row: &'a Row<'_>) -> rusqlite::Result<ValueRef<'a>>;
    fn name(self) -> String;
}

impl Column for &str {
    fn get<T: FromSql>(self, row: &Row<'_>) -> rusqlite::Result<T> {
        row.get(self)
    }

    fn value<'a>(self, row: &'a Row<'_>) -> rusqlite::Result<ValueRef<'a>> {
        row.get_ref(self)
    }

    fn name(self) -> String {
        self.to_owned()
    }
}

impl Column for (usize, &str) {
    fn get<T: FromSql>(self, row: &Row<'_>) -> rusqlite::Result<T> {
        row.get(self.0)
    }

    fn value<'a>(self, row: &'a Row<'_>) -> rusqlite::Result<ValueRef<'a>> {
        row.get_ref(self.0)
    }

    fn name(self) -> String {
        self.1.to_owned()
    }
}

/// A text column borrowed from the row: for loops that run once a record over tens of
/// thousands of them, where copying each value out would cost more than the query.
pub(crate) fn text<'a>(row: &'a Row<'_>, column: impl Column) -> rusqlite::Result<&'a str> {
    column
        .value(row)?
        .as_str()
        .map_err(|_| unreadable(&column.name()))
}

/// A text column as bytes, unchecked: for ids matched against ids already read, where
/// checking each one is valid UTF-8 would only cost time.
pub(crate) fn bytes<'a>(row: &'a Row<'_>, column: impl Column) -> rusqlite::Result<&'a [u8]> {
    column
        .value(row)?
        .as_bytes()
        .map_err(|_| unreadable(&column.name()))
}

/// A sort key that orders text as SQLite's NOCASE collation does (ASCII letters without
/// case, every other byte as it is), for lists sorted in memory that must come out as
/// `ORDER BY ... COLLATE NOCASE` would.
pub(crate) fn nocase_key(text: &str) -> Vec<u8> {
    text.bytes().map(|byte| byte.to_ascii_lowercase()).collect()
}

/// An optional `YYYY-MM-DD` column, read without copying it out of the row.
pub(crate) fn date(row: &Row<'_>, column: impl Column) -> rusqlite::Result<Option<NaiveDate>> {
    match column.value(row)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(text) => std::str::from_utf8(text)
            .ok()
            .and_then(parse_date)
            .map(Some)
            .ok_or_else(|| unreadable(&column.name())),
        _ => Err(unreadable(&column.name())),
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
