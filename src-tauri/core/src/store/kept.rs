//! What a read works out from the whole database, kept until the database changes.
//!
//! Some figures are counted over every row of a large table — every rollout's training
//! completion reads every done record, 400,000 on a health group's workspace, some 40 ms
//! however quick the counting. They change only when something is written, so the counts
//! are kept and read again only once the database has changed: by a write of this
//! connection (SQLite's count of rows changed, which a rolled-back write also moves) or a
//! commit of any other (`PRAGMA data_version`: the CLI, a backup restored, a team pull on
//! its own connection). Any change at all starts afresh: nothing is kept that a write
//! could have made stale, at the cost of reading again after every edit.

use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::lock_ignoring_poison;
use crate::Result;

/// Where the database stands: equal only while nothing has been written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Version {
    own: u64,
    others: i64,
}

impl Version {
    /// Read before the read transaction begins, so that a commit landing in between
    /// makes the kept value look older than it is (read again next time), never newer.
    fn of(conn: &Connection) -> rusqlite::Result<Self> {
        Ok(Self {
            own: conn.total_changes(),
            others: conn.query_row("PRAGMA data_version", [], |row| row.get(0))?,
        })
    }
}

/// A value kept for the version of the database it was read from.
#[derive(Debug)]
pub(crate) struct Kept<T>(Mutex<Option<(Version, Arc<T>)>>);

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Self(Mutex::new(None))
    }
}

impl<T> Kept<T> {
    /// The value as the database stands now: the kept one if nothing has been written
    /// since it was read, else `load`ed again (inside the caller's read transaction) and
    /// kept.
    fn get(&self, now: Version, load: impl FnOnce() -> Result<T>) -> Result<Arc<T>> {
        if let Some(value) = self.fresh(now) {
            return Ok(value);
        }
        let value = Arc::new(load()?);
        *lock_ignoring_poison(&self.0) = Some((now, Arc::clone(&value)));
        Ok(value)
    }
}

impl<T> Kept<T> {
    /// The kept value, if nothing has been written since it was read.
    fn fresh(&self, now: Version) -> Option<Arc<T>> {
        lock_ignoring_poison(&self.0)
            .as_ref()
            .filter(|(version, _)| *version == now)
            .map(|(_, value)| Arc::clone(value))
    }
}

impl super::Store {
    /// Runs `f` in one read transaction (as [`super::Store::read`]) with the value
    /// `load` works out, kept in `kept` from an earlier read while nothing has been
    /// written since.
    pub(crate) fn read_kept<K, T>(
        &self,
        kept: impl FnOnce(&Self) -> &Kept<K>,
        load: impl FnOnce(&Connection) -> Result<K>,
        f: impl FnOnce(&Connection, &K) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let now = Version::of(&conn)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = kept(self).get(now, || load(&tx))?;
        let result = f(&tx, &value)?;
        tx.commit()?;
        Ok(result)
    }

    /// Runs `f` in one read transaction with the value kept in `kept` if nothing has
    /// been written since it was read, else with `None`: for a reader that needs only a
    /// small part of it and reads that part itself more cheaply than the whole.
    pub(crate) fn read_if_kept<K, T>(
        &self,
        kept: impl FnOnce(&Self) -> &Kept<K>,
        f: impl FnOnce(&Connection, Option<&K>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let now = Version::of(&conn)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = kept(self).fresh(now);
        let result = f(&tx, value.as_deref())?;
        tx.commit()?;
        Ok(result)
    }
}
