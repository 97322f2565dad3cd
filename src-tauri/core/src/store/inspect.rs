//! Looking at a database file without changing it: the read-only connection used by the
//! start-up check, the newer-schema guard, backup validation and restore; and, for the
//! tests, how SQLite will run a query.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

/// Opens `path` for reading only, creating nothing beside it when that can be avoided.
///
/// A read-only connection to a WAL-mode file normally creates `-wal` and `-shm` files and
/// leaves them behind. When no `-wal` file exists, the main file holds every committed
/// page and no other connection is using it in WAL mode (each one keeps the `-wal` file
/// while it is open), so it is opened as immutable: no locks, no side files. Otherwise
/// (a `-wal` left by a crash, or the app running) the ordinary read-only mode reads the
/// WAL too, so nothing committed is missed.
pub(crate) fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    if is_wal_mode(path) && !sidecar(path, "-wal").exists() {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        return Connection::open_with_flags(format!("{}?immutable=1", file_uri(path)), flags);
    }
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// `path` with a suffix such as `-wal`, `-shm` or `-journal` appended to its file name.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// True when the file's header says WAL mode (bytes 18 and 19 are 2).
pub(crate) fn is_wal_mode(path: &Path) -> bool {
    let mut header = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .is_ok_and(|()| header[18] == 2 && header[19] == 2)
}

/// A `file:` URI for `path` (made absolute), escaping what SQLite's URI parser would
/// otherwise read.
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let text = absolute.to_string_lossy();
    let text = if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    };
    let mut uri = String::from("file:");
    if text.as_bytes().get(1) == Some(&b':') {
        // A Windows drive path (C:/...) needs a leading slash in a URI.
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// What SQLite's `quick_check` (or the slower, thorough `integrity_check`) finds wrong
/// with the file's pages; empty when it is sound. Rows that point at missing records are
/// not damage and are not counted here: see `store::orphans`.
pub(crate) fn problems(conn: &Connection, thorough: bool) -> rusqlite::Result<Vec<String>> {
    let pragma = if thorough {
        "PRAGMA integrity_check"
    } else {
        "PRAGMA quick_check"
    };
    integrity_problems(conn, pragma)
}

/// The lines of an integrity pragma other than "ok".
pub(crate) fn integrity_problems(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut statement = conn.prepare(pragma)?;
    let lines = statement
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|line| line != "ok").collect())
}

/// True for the errors SQLite gives when reading a damaged file, as opposed to a busy or
/// missing one.
pub(crate) fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// True when any table holds a row, apart from the roles every new database starts
/// with: there is something worth backing up. Works on every schema version.
pub(crate) fn holds_data(conn: &Connection) -> rusqlite::Result<bool> {
    // table_list tells ordinary tables from virtual ones and their shadow tables (the
    // full-text index has rows in a brand-new database).
    let mut statement = conn.prepare(
        "SELECT name FROM pragma_table_list
         WHERE schema = 'main' AND type = 'table'
           AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'roles'",
    )?;
    let tables = statement
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for table in tables {
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM \"{}\")",
            table.replace('"', "\"\"")
        );
        if conn.query_row(&sql, [], |row| row.get::<_, bool>(0))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// True when the file has the tables every Rollplan database has had since version 1.
pub(crate) fn is_rollplan(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) = 2 FROM sqlite_schema
         WHERE type = 'table' AND name IN ('rollouts', 'audit_log')",
        [],
        |row| row.get(0),
    )
}

/// How SQLite will run `sql` with `params`, a step per line (EXPLAIN QUERY PLAN's
/// `detail`): for the tests that pin a query to the index made for it.
#[cfg(test)]
pub(crate) fn query_plan(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> crate::Result<Vec<String>> {
    let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let steps = statement.query_map(params, |row| row.get::<_, String>("detail"))?;
    Ok(steps.collect::<rusqlite::Result<_>>()?)
}

/// Whether a query's plan (from [`query_plan`]) reads `index` alone, never the rows of
/// its table: the index covers every column the query asks for.
#[cfg(test)]
pub(crate) fn reads_index_alone(plan: &[String], index: &str) -> bool {
    let covering = format!("COVERING INDEX {index}");
    plan.iter().any(|step| step.contains(&covering))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_sqlite_would_parse() {
        assert_eq!(
            file_uri(Path::new("/home/dana/My Files/a?b#c%.db")),
            "file:/home/dana/My%20Files/a%3Fb%23c%25.db"
        );
        #[cfg(windows)]
        assert_eq!(
            file_uri(Path::new("C:\\Users\\dana\\rollplan.db")),
            "file:/C:/Users/dana/rollplan.db"
        );
        let relative = file_uri(Path::new("rollplan.db"));
        assert!(
            relative.starts_with("file:/") && relative.ends_with("/rollplan.db"),
            "a relative path is made absolute: {relative}"
        );
    }
}
