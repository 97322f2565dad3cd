//! The SQLite store. All SQL of the app lives below this module and the aggregate modules
//! (`rollouts`, `audit`, ...); callers only see plain Rust values.

pub(crate) mod inspect;
mod migrations;
pub(crate) mod rows;
pub(crate) mod trash;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction};

pub use migrations::LATEST_SCHEMA_VERSION;

use crate::{CoreError, Result};

/// How long a write waits for another process (the CLI, a backup) to finish its own.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open Rollplan database.
///
/// One connection behind a mutex: SQLite admits one writer at a time anyway, and every
/// command the UI calls is a sub-millisecond read or a small transaction, so a pool would
/// add threads without adding throughput.
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A database written by a newer Rollplan is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Self> {
        if path.exists() {
            refuse_newer_schema(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| CoreError::Io {
                context: format!("cannot create the folder {}", dir.display()),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| not_a_database(path, e))?;
        Self::prepare(conn, Some(path.to_owned()))
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        apply_pragmas(&conn).map_err(|e| match &path {
            Some(path) => not_a_database(path, e),
            None => e.into(),
        })?;
        migrations::migrations().to_latest(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
            path,
        })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while the lock was held leaves the connection usable: an open
        // transaction was rolled back when it was dropped during unwinding.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs reads on the connection.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// Runs `f` in one immediate transaction: everything it writes commits together, or
    /// (on any error) nothing does.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

impl Store {
    /// Runs `f` in a transaction that is always rolled back: a preview that goes through
    /// exactly the code of the real write, and leaves no trace.
    pub(crate) fn dry_run<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.rollback()?;
        Ok(value)
    }
}

fn apply_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode answers with the mode in force; a read-only medium may keep another.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

/// Reads the schema version through a read-only connection, so a newer file is refused
/// with its bytes untouched (even switching it to WAL would write to it).
fn refuse_newer_schema(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not_a_database(path, e))?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| not_a_database(path, e))?;
    if found > LATEST_SCHEMA_VERSION {
        return Err(CoreError::NewerSchema {
            found,
            supported: LATEST_SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn not_a_database(path: &Path, error: rusqlite::Error) -> CoreError {
    CoreError::Database(format!(
        "cannot open {} as a Rollplan database: {error}",
        path.display()
    ))
}
