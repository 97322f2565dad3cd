//! The SQLite store. All SQL of the app lives below this module and the aggregate modules
//! (`rollouts`, `audit`, ...); callers only see plain Rust values.

mod background;
pub(crate) mod editable;
pub(crate) mod inspect;
mod kept;
mod kept_for;
mod migrations;
pub mod orphans;
pub(crate) mod ranked;
pub(crate) mod rows;
pub(crate) mod trash;
mod verify;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction};

pub use migrations::LATEST_SCHEMA_VERSION;

/// The names a domain module uses for "runs inside the caller's transaction" and "reads
/// on this connection": the store's, so that rusqlite itself stays below the store
/// modules and one place would change if the database did.
pub(crate) use rusqlite::{Connection as Conn, Transaction as Tx};

pub(crate) use kept::{Kept, Reads};
pub(crate) use kept_for::KeptFor;

use crate::backup::{self, BackupReason};
use crate::undo::{self, Origin};
use crate::{CoreError, Result};
use verify::Verification;

/// How long a write waits for another process (the CLI, a backup) to finish its own.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements kept per connection (rusqlite keeps 16 by default). Every
/// statement the core prepares with `prepare_cached` fits, so an import cycling through
/// two dozen of them for each row never evicts one it is about to run again: compiling
/// SQL was a fifth of a roster import and over a quarter of a task import when each row
/// prepared its statements afresh.
const STATEMENT_CACHE: usize = 128;

/// An open Rollplan database.
///
/// One connection behind a mutex: SQLite admits one writer at a time anyway, and every
/// command the UI calls is a sub-millisecond read or a small transaction, so a pool would
/// add threads without adding throughput.
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    /// The start-up check's verdict (and the daily backup's fate); writes wait for it.
    verification: Arc<Verification>,
    /// How long the latest `before-import` backup took (see
    /// [`Store::last_import_backup_time`]).
    import_backup_time: Mutex<Option<Duration>>,
    /// What reads work out from the whole database, kept until what they read changes
    /// (see [`kept`]).
    pub(crate) kept: Box<KeptValues>,
    /// The last scan for broken links (see [`orphans::KeptScan`]); boxed, as the store
    /// is kept in an enum beside small variants.
    orphan_scan: Box<orphans::KeptScan>,
    /// The last draft of a rollout's weekly status (see [`crate::status::KeptDraft`]).
    pub(crate) status_draft: Box<crate::status::KeptDraft>,
    /// Whether each write is recorded as a step that can be undone (see
    /// [`Store::record_undo`]).
    recording_undo: AtomicBool,
}

/// The values a [`Store`] keeps between reads (see [`kept`]).
pub(crate) struct KeptValues {
    /// Where everyone stands on the training every live rollout requires.
    pub every_standing: Kept<crate::training::Standing>,
    /// Home's metrics needing attention in every live rollout, for the day they were
    /// worked out.
    pub metrics_attention: Kept<(chrono::NaiveDate, Vec<crate::metrics::MetricStatus>)>,
    /// Home's counts of every rollout's criteria, SOPs and overdue tasks, for the day
    /// they were worked out.
    pub home_counts: Kept<crate::readiness::HomeCounts>,
    /// The directory in its order, with what its search reads.
    pub directory_order: Kept<crate::people::DirectoryOrder>,
    /// Every live rollout's due training, in its order, for the day it was worked out.
    pub due_list: Kept<crate::training::DueList>,
    /// The SOP library's summaries, by code, with its owners and tags.
    pub sop_library: Kept<crate::sops::Library>,
    /// The plan of the rollout whose weekly status was last drafted, from the start of
    /// that week.
    pub status_plan_week: Kept<crate::status::PlanWeek>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A path on a network drive is refused before anything touches it
    /// ([`crate::paths::refuse_network_database`]).
    ///
    /// Before anything is written to an existing file it is checked through a read-only
    /// connection: a database written by a newer Rollplan is refused, a damaged one is
    /// refused as [`CoreError::Damaged`] naming the latest good backup, and one that
    /// needs migrating is backed up first (no backup, no migration). Once open, a daily
    /// backup is made if the newest is more than a day old; if that fails the store
    /// still opens and [`Store::backup_problem`] says why.
    pub fn open(path: &Path) -> Result<Self> {
        crate::paths::refuse_network_database(path)?;
        if path.exists() {
            check_before_writing(path)?;
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| CoreError::Io {
                context: format!("cannot create the folder {}", dir.display()),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| not_a_database(path, e))?;
        let store = Self::prepare(conn, Some(path.to_owned()), Verification::sound())?;
        // A failed daily backup must not keep people from their work, but it must not go
        // unnoticed either: the CLI shows this message.
        let problem = store.read(|conn| Ok(verify::daily_backup_problem(conn, path)))?;
        store.verification.set_backup_problem(problem);
        Ok(store)
    }

    /// Opens like [`Store::open`], but an existing, up-to-date file is checked — and its
    /// daily backup made — on a background thread while the store is already in use, so
    /// a window can show the work at once. Reads go ahead; every write waits for the
    /// check, and a file it finds damaged is never written (each write is refused with
    /// [`CoreError::Damaged`]). `on_settled` hears the verdict once, from that thread.
    ///
    /// The check itself waits for the window's first screen ([`Store::begin_startup_check`]),
    /// a write, or three seconds, whichever comes first, and runs at a low priority.
    ///
    /// A new file, one written by a newer Rollplan, one that needs migrating or one not
    /// yet in WAL mode is opened exactly as [`Store::open`] does (checked first), since
    /// opening it writes to it; `on_settled` then hears `Ok` at once.
    pub fn open_checking_in_background(
        path: &Path,
        on_settled: impl FnOnce(Result<()>) + Send + 'static,
    ) -> Result<Self> {
        crate::paths::refuse_network_database(path)?;
        if !opens_without_writing(path) {
            let store = Self::open(path)?;
            on_settled(Ok(()));
            return Ok(store);
        }
        let conn = Connection::open(path).map_err(|e| not_a_database(path, e))?;
        let verification = verify::check_in_background(path.to_owned(), on_settled);
        Self::prepare(conn, Some(path.to_owned()), verification)
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None, Verification::sound())
    }

    fn prepare(
        mut conn: Connection,
        path: Option<PathBuf>,
        verification: Arc<Verification>,
    ) -> Result<Self> {
        apply_pragmas(&conn).map_err(|e| match &path {
            Some(path) => not_a_database(path, e),
            None => e.into(),
        })?;
        migrations::migrations().to_latest(&mut conn)?;
        let kept = Box::new(KeptValues {
            every_standing: Kept::new(&crate::training::STANDING_READS),
            metrics_attention: Kept::new(&crate::metrics::ATTENTION_READS),
            home_counts: Kept::new(&crate::readiness::HOME_COUNTS_READS),
            directory_order: Kept::new(&crate::people::DIRECTORY_READS),
            due_list: Kept::new(&crate::training::DUE_READS),
            sop_library: Kept::new(&crate::sops::LIBRARY_READS),
            status_plan_week: Kept::new(&crate::status::PLAN_WEEK_READS),
        });
        kept::install(
            &conn,
            &[
                kept.every_standing.reads(),
                kept.metrics_attention.reads(),
                kept.home_counts.reads(),
                kept.directory_order.reads(),
                kept.due_list.reads(),
                kept.sop_library.reads(),
                kept.status_plan_week.reads(),
            ],
        )?;
        Ok(Self {
            conn: Mutex::new(conn),
            path,
            verification,
            import_backup_time: Mutex::new(None),
            kept,
            orphan_scan: Box::default(),
            status_draft: Box::default(),
            recording_undo: AtomicBool::new(false),
        })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Why the automatic daily backup made at opening failed; `None` when it was made,
    /// was not due (or not yet made, while a background check runs), or the store is in
    /// memory.
    pub fn backup_problem(&self) -> Option<String> {
        self.verification.backup_problem()
    }

    /// Lets the start-up check begin now rather than a few seconds after opening (see
    /// [`Store::open_checking_in_background`]): the window calls this once its first
    /// screen is shown. Nothing happens for a store checked before it opened.
    pub fn begin_startup_check(&self) {
        self.verification.begin();
    }

    /// Waits for the start-up check (see [`Store::open_checking_in_background`]); the
    /// refusal every write gets if it found the file damaged.
    pub fn wait_until_checked(&self) -> Result<()> {
        self.verification.wait()
    }

    /// The damage the start-up check found, once it has found some; never waits.
    pub fn damage(&self) -> Option<CoreError> {
        self.verification.damage()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while the lock was held leaves the connection usable: an open
        // transaction was rolled back when it was dropped during unwinding.
        lock_ignoring_poison(&self.conn)
    }

    /// Runs reads on the connection, inside one read transaction: every query of a
    /// read that takes several sees the same state of the database, even when another
    /// program (the CLI, a backup) writes between them.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = f(&tx)?;
        // Nothing was written; ending the transaction only releases the snapshot.
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in one immediate transaction: everything it writes commits together, or
    /// (on any error) nothing does.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.verification.wait()?;
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = self.recorded(&tx, Origin::Edit, f)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in `tx` as one step that can be undone, when this store records them.
    fn recorded<T>(
        &self,
        tx: &Transaction<'_>,
        origin: Origin,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        if !self.recording_undo.load(Ordering::Relaxed) {
            return f(tx);
        }
        undo::begin(tx)?;
        let value = f(tx)?;
        undo::finish(tx, origin)?;
        Ok(value)
    }

    /// Like [`Store::write`] but never recorded as a step: for undo and redo
    /// themselves, which keep their own lists.
    pub(crate) fn write_unrecorded<T, E: From<CoreError> + From<rusqlite::Error>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.verification.wait()?;
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Writes the recording triggers on the connection with `install` and records
    /// every write from now on.
    pub(crate) fn enable_undo_recording(
        &self,
        install: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<()> {
        let conn = self.lock();
        install(&conn)?;
        self.recording_undo.store(true, Ordering::Relaxed);
        Ok(())
    }
}

impl Store {
    /// Like [`Store::write`], for imports: first the database is backed up
    /// (`before-import`), then `f` runs in its transaction. If the backup cannot be made
    /// the import is refused with nothing written: an import can change many rows at
    /// once, and undoing a wrong file by hand is what the backup is for. In memory there
    /// is nothing to back up.
    pub(crate) fn write_after_backup<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.verification.wait()?;
        let mut conn = self.lock();
        // SQLite cannot copy a database whose connection is in a write transaction, so
        // the copy comes just before it. The lock is held throughout, so nothing of this
        // app lands between the two; only another program writing in that instant would.
        if let Some(path) = &self.path {
            let started = Instant::now();
            backup::make(&conn, path, BackupReason::BeforeImport).map_err(|e| {
                backup::failed(
                    "The database could not be backed up before the import, so nothing \
                     was imported",
                    e,
                )
            })?;
            *lock_ignoring_poison(&self.import_backup_time) = Some(started.elapsed());
        }
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = self.recorded(&tx, Origin::Import, f)?;
        tx.commit()?;
        Ok(value)
    }

    /// How long the `before-import` backup of the latest import took; `None` before the
    /// first import, or in memory. The backup copies the whole database, so on a large
    /// one it can take longer than the import itself: this lets a caller (the
    /// benchmark) tell that fixed cost from the import's own.
    pub fn last_import_backup_time(&self) -> Option<Duration> {
        *lock_ignoring_poison(&self.import_backup_time)
    }

    /// Runs `f` in a transaction that is always rolled back: a preview that goes through
    /// exactly the code of the real write, and leaves no trace.
    pub(crate) fn dry_run<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.verification.wait()?;
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.rollback()?;
        Ok(value)
    }
}

pub(crate) fn lock_ignoring_poison<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn apply_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // journal_mode answers with the mode in force; a read-only medium may keep another.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

/// Everything done to an existing file before the first write, through a read-only
/// connection so a refused file keeps its bytes (even switching it to WAL would write to
/// it): the newer-schema guard, the start-up check, and the backup before a migration.
fn check_before_writing(path: &Path) -> Result<()> {
    let conn = inspect::open_read_only(path).map_err(|e| not_a_database(path, e))?;
    let found = inspect::user_version(&conn).map_err(|e| not_a_database(path, e))?;
    if found > LATEST_SCHEMA_VERSION {
        return Err(CoreError::NewerSchema {
            found,
            supported: LATEST_SCHEMA_VERSION,
        });
    }
    // quick_check reads every page but skips the index cross-checks of integrity_check,
    // which is what makes it fast enough to run at every start on a large file.
    let problems = match inspect::problems(&conn, false) {
        Ok(problems) => problems,
        Err(e) if inspect::is_damage(&e) => vec![e.to_string()],
        Err(e) => return Err(not_a_database(path, e)),
    };
    if !problems.is_empty() {
        drop(conn);
        return Err(backup::damaged(path, &problems));
    }
    if found > 0 && found < LATEST_SCHEMA_VERSION && inspect::holds_data(&conn)? {
        backup::make(&conn, path, BackupReason::BeforeMigration).map_err(|e| {
            backup::failed(
                "This database needs updating for this version of Rollplan, which backs it \
                 up first; the backup could not be made, so the database was not updated",
                e,
            )
        })?;
    }
    Ok(())
}

/// True when `path` is an existing Rollplan database that opening leaves untouched: in
/// WAL mode already, of this version's schema (nothing to migrate). Anything else goes
/// through the check first. A file that cannot even be read this far is left to
/// [`Store::open`], which explains what is wrong with it.
fn opens_without_writing(path: &Path) -> bool {
    path.exists()
        && inspect::is_wal_mode(path)
        && inspect::open_read_only(path)
            .and_then(|conn| inspect::user_version(&conn))
            .is_ok_and(|version| version == LATEST_SCHEMA_VERSION)
}

fn not_a_database(path: &Path, error: rusqlite::Error) -> CoreError {
    CoreError::Database(format!(
        "cannot open {} as a Rollplan database: {error}",
        path.display()
    ))
}
