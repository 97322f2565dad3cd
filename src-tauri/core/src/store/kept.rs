//! What a read works out from the whole database, kept until what it read changes.
//!
//! Some figures are counted over every row of a large table — every rollout's training
//! completion reads every record, 400,000 on a health group's workspace, over 100 ms
//! however quick the counting. They change only when what they read is written, so the
//! counts are kept and read again only once that has changed. Each kept value names the
//! columns it reads ([`Reads`]); TEMP triggers on this connection count, per kept value,
//! the rows added or removed in those tables and the rows whose columns read took
//! another value. A task's title typed, a rollout's scope edited or a metric's value
//! entered leave the training standing as it was; a training record, a person or a
//! requirement changed make it read again. A commit of any other connection (`PRAGMA
//! data_version`: the CLI, a backup restored, a team pull on its own connection) starts
//! afresh whatever it wrote: which tables it touched cannot be told from here.
//!
//! Triggers rather than SQLite's update hook: the count is part of the transaction, so
//! a rolled-back write takes its count back with it (the kept value stands for the
//! database as it is again), a column that took the same value counts nothing, and a
//! `DELETE` without `WHERE` cannot skip them (SQLite truncates a table whole, hook
//! unheard, only when no trigger is on it).

use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::lock_ignoring_poison;
use crate::Result;

/// What a kept value is worked out from: each table it reads, with the columns of it
/// whose values can change the value. A row added or removed in one of the tables, or
/// one of the columns given another value, makes the kept value stale; anything else
/// leaves it. A test of each kept value checks the list against the columns its read
/// actually asks SQLite for.
#[derive(Debug)]
pub(crate) struct Reads {
    /// Names its count and its triggers: lower-case letters and underscores.
    pub name: &'static str,
    pub tables: &'static [(&'static str, &'static [&'static str])],
    /// Tables read only through the rows of another table that point at them (a task's
    /// owner's name, read through the task's `owner_id`), with the columns read. A row
    /// added to one is nobody's until something points at it, which is a change of the
    /// pointing table: so here only a row removed or one of the columns changed counts,
    /// and a person added to the directory leaves a kept plan as it was.
    pub pointed_at: &'static [(&'static str, &'static [&'static str])],
}

impl Reads {
    /// The (table, column) pairs of `read` that nothing here watches: what a test of a
    /// kept value expects to be empty, given the columns its read asks SQLite for
    /// ([`super::Store::columns_read`]).
    #[cfg(test)]
    pub(crate) fn unwatched<'a>(
        &self,
        read: &'a std::collections::BTreeSet<(String, String)>,
    ) -> Vec<&'a (String, String)> {
        let watches = |(t, columns): &(&str, &[&str]), table: &str, column: &str| {
            *t == table && (columns.is_empty() || columns.contains(&column))
        };
        read.iter()
            .filter(|(table, column)| {
                !self
                    .tables
                    .iter()
                    .chain(self.pointed_at)
                    .any(|watched| watches(watched, table, column))
            })
            .collect()
    }
}

/// The TEMP table of change counts, one row per kept value. TEMP like the undo
/// triggers': it exists only on this connection and is never written to the file.
const CHANGES: &str = "temp.kept_changes";

/// Writes the change counts and the triggers that move them for every kept value in
/// `all`, on `conn` (the store's own connection, once, as it opens).
pub(super) fn install(conn: &Connection, all: &[&Reads]) -> rusqlite::Result<()> {
    // In memory, as the undo triggers want too: a different setting later would drop
    // every TEMP table and trigger of the connection.
    let mut sql = String::from(
        "PRAGMA temp_store = MEMORY;
         CREATE TEMP TABLE IF NOT EXISTS kept_changes (
             reads TEXT PRIMARY KEY, changes INTEGER NOT NULL);\n",
    );
    for reads in all {
        check_columns(conn, reads)?;
        sql += &format!(
            "INSERT OR IGNORE INTO {CHANGES} (reads, changes) VALUES ('{}', 0);\n",
            reads.name
        );
        for (table, columns) in reads.tables {
            sql += &triggers(reads.name, table, columns, &["INSERT", "UPDATE", "DELETE"]);
        }
        for (table, columns) in reads.pointed_at {
            sql += &triggers(reads.name, table, columns, &["UPDATE", "DELETE"]);
        }
    }
    conn.execute_batch(&sql)
}

/// Refuses a [`Reads`] naming a table or a column the database lacks: SQLite would
/// accept the trigger and then fail every write to the table.
fn check_columns(conn: &Connection, reads: &Reads) -> rusqlite::Result<()> {
    let mut columns_of = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    for (table, columns) in reads.tables.iter().chain(reads.pointed_at) {
        let found: Vec<String> = columns_of
            .query_map([table], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let missing = match found.is_empty() {
            true => Some(table.to_string()),
            false => columns
                .iter()
                .find(|c| !found.iter().any(|f| f == *c))
                .map(|c| format!("{table}.{c}")),
        };
        if let Some(missing) = missing {
            return Err(rusqlite::Error::InvalidColumnName(format!(
                "{missing}, read by the kept {}",
                reads.name
            )));
        }
    }
    Ok(())
}

/// The triggers on `events` (of INSERT, UPDATE, DELETE) counting the changes of `table`
/// that matter to the kept value `name`.
fn triggers(name: &str, table: &str, columns: &[&str], events: &[&str]) -> String {
    let count = format!("UPDATE {CHANGES} SET changes = changes + 1 WHERE reads = '{name}';");
    let changed = if columns.is_empty() {
        String::new()
    } else {
        let any = columns
            .iter()
            .map(|c| format!("OLD.\"{c}\" IS NOT NEW.\"{c}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        format!("WHEN {any}")
    };
    events
        .iter()
        .map(|event| {
            let when = if *event == "UPDATE" { &changed[..] } else { "" };
            format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS \"kept_{name}_{table}_{}\" \
                 AFTER {event} ON main.\"{table}\" {when} BEGIN {count} END;\n",
                event.to_lowercase()
            )
        })
        .collect()
}

/// Where what a kept value reads stands: equal only while none of it has changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Version {
    own: i64,
    others: i64,
}

impl Version {
    /// Read before the read transaction begins, so that a commit landing in between
    /// makes the kept value look older than it is (read again next time), never newer.
    fn of(conn: &Connection, reads: &Reads) -> rusqlite::Result<Self> {
        Ok(Self {
            own: conn
                .prepare_cached(&format!("SELECT changes FROM {CHANGES} WHERE reads = ?1"))?
                .query_row([reads.name], |row| row.get(0))?,
            others: conn.query_row("PRAGMA data_version", [], |row| row.get(0))?,
        })
    }
}

/// A value kept for the version of what it reads.
#[derive(Debug)]
pub(crate) struct Kept<T> {
    reads: &'static Reads,
    value: Mutex<Option<(Version, Arc<T>)>>,
    /// How many times the value was read afresh, for tests to tell kept from read.
    #[cfg(test)]
    loads: std::sync::atomic::AtomicUsize,
}

impl<T> Kept<T> {
    /// Nothing kept yet of a value worked out from `reads`.
    pub(crate) fn new(reads: &'static Reads) -> Self {
        Self {
            reads,
            value: Mutex::new(None),
            #[cfg(test)]
            loads: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// What the value is worked out from.
    pub(super) fn reads(&self) -> &'static Reads {
        self.reads
    }

    /// How many times the value has been read afresh.
    #[cfg(test)]
    pub(crate) fn loads(&self) -> usize {
        self.loads.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The value as the database stands now: the kept one if nothing it reads has
    /// changed since it was read, else `load`ed again (inside the caller's read
    /// transaction) and kept.
    fn get(
        &self,
        now: Version,
        accept: impl FnOnce(&T) -> bool,
        load: impl FnOnce() -> Result<T>,
    ) -> Result<Arc<T>> {
        if let Some(value) = self.fresh(now).filter(|value| accept(value)) {
            return Ok(value);
        }
        #[cfg(test)]
        self.loads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let value = Arc::new(load()?);
        *lock_ignoring_poison(&self.value) = Some((now, Arc::clone(&value)));
        Ok(value)
    }

    /// The kept value, if nothing it reads has changed since it was read.
    fn fresh(&self, now: Version) -> Option<Arc<T>> {
        lock_ignoring_poison(&self.value)
            .as_ref()
            .filter(|(version, _)| *version == now)
            .map(|(_, value)| Arc::clone(value))
    }
}

impl super::Store {
    /// Runs `f` in one read transaction (as [`super::Store::read`]) with the value
    /// `load` works out, kept in `kept` from an earlier read while nothing it reads has
    /// changed since.
    pub(crate) fn read_kept<K, T>(
        &self,
        kept: impl FnOnce(&Self) -> &Kept<K>,
        load: impl FnOnce(&Connection) -> Result<K>,
        f: impl FnOnce(&Connection, &K) -> Result<T>,
    ) -> Result<T> {
        self.read_kept_where(kept, |_| true, load, f)
    }

    /// As [`super::Store::read_kept`], keeping the value only if `accept` takes it too
    /// (a list worked out for the day asked: not for another day).
    pub(crate) fn read_kept_where<K, T>(
        &self,
        kept: impl FnOnce(&Self) -> &Kept<K>,
        accept: impl FnOnce(&K) -> bool,
        load: impl FnOnce(&Connection) -> Result<K>,
        f: impl FnOnce(&Connection, &K) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let kept = kept(self);
        let now = Version::of(&conn, kept.reads)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = kept.get(now, accept, || load(&tx))?;
        let result = f(&tx, &value)?;
        tx.commit()?;
        Ok(result)
    }

    /// As [`super::Store::read_kept_where`], for a value worked out from another kept
    /// value, `base`: the base is taken (kept, or `load_base`ed and kept) only when the
    /// value itself must be worked out afresh. The value's [`Reads`] must hold the
    /// base's, so that whatever makes the base stale makes the value stale too.
    pub(crate) fn read_kept_from<B, K, T>(
        &self,
        (base, load_base): (
            impl FnOnce(&Self) -> &Kept<B>,
            impl FnOnce(&Connection) -> Result<B>,
        ),
        (kept, accept): (impl FnOnce(&Self) -> &Kept<K>, impl FnOnce(&K) -> bool),
        load: impl FnOnce(&Connection, &B) -> Result<K>,
        f: impl FnOnce(&Connection, &K) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let (base, kept) = (base(self), kept(self));
        let base_now = Version::of(&conn, base.reads)?;
        let now = Version::of(&conn, kept.reads)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = kept.get(now, accept, || {
            let base = base.get(base_now, |_| true, || load_base(&tx))?;
            load(&tx, &base)
        })?;
        let result = f(&tx, &value)?;
        tx.commit()?;
        Ok(result)
    }

    /// As [`super::Store::read_kept_where`], handing `f` the value itself (to keep a
    /// share of it) and, beside it, the value kept in `beside` if nothing that one
    /// reads has changed (else `None`, as [`super::Store::read_if_kept`]): for a reader
    /// that works from one kept value and from another only when it is at hand.
    pub(crate) fn read_kept_beside<K, B, T>(
        &self,
        (kept, accept): (impl FnOnce(&Self) -> &Kept<K>, impl FnOnce(&K) -> bool),
        load: impl FnOnce(&Connection) -> Result<K>,
        beside: impl FnOnce(&Self) -> &Kept<B>,
        f: impl FnOnce(&Connection, Arc<K>, Option<&B>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let (kept, beside) = (kept(self), beside(self));
        let now = Version::of(&conn, kept.reads)?;
        let beside_now = Version::of(&conn, beside.reads)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = kept.get(now, accept, || load(&tx))?;
        let other = beside.fresh(beside_now);
        let result = f(&tx, value, other.as_deref())?;
        tx.commit()?;
        Ok(result)
    }

    /// Runs `f` in one read transaction with the value kept in `kept` if nothing it
    /// reads has changed since it was read, else with `None`: for a reader that needs
    /// only a small part of it and reads that part itself more cheaply than the whole.
    pub(crate) fn read_if_kept<K, T>(
        &self,
        kept: impl FnOnce(&Self) -> &Kept<K>,
        f: impl FnOnce(&Connection, Option<&K>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let kept = kept(self);
        let now = Version::of(&conn, kept.reads)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
        let value = kept.fresh(now);
        let result = f(&tx, value.as_deref())?;
        tx.commit()?;
        Ok(result)
    }

    /// Every (table, column) of the database that `f` asks SQLite for, prepared afresh
    /// on this store's connection: what a kept value's [`Reads`] must cover. A view
    /// counts as the columns of its tables it selects (SQLite reports both).
    #[cfg(test)]
    pub(crate) fn columns_read(
        &self,
        f: impl FnOnce(&Connection) -> Result<()>,
    ) -> std::collections::BTreeSet<(String, String)> {
        use rusqlite::hooks::{AuthAction, Authorization};
        let seen = Arc::new(Mutex::new(std::collections::BTreeSet::new()));
        let conn = self.lock();
        conn.flush_prepared_statement_cache();
        let record = Arc::clone(&seen);
        conn.authorizer(Some(move |context: rusqlite::hooks::AuthContext<'_>| {
            if let (
                AuthAction::Read {
                    table_name,
                    column_name,
                },
                Some("main"),
            ) = (context.action, context.database_name)
            {
                lock_ignoring_poison(&record)
                    .insert((table_name.to_owned(), column_name.to_owned()));
            }
            Authorization::Allow
        }))
        .expect("authorizer");
        let outcome = f(&conn);
        conn.authorizer(None::<fn(rusqlite::hooks::AuthContext<'_>) -> Authorization>)
            .expect("authorizer removed");
        conn.flush_prepared_statement_cache();
        outcome.expect("the read");
        let views: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'view'")
            .and_then(|mut s| s.query_map([], |row| row.get(0))?.collect())
            .expect("views");
        let mut columns = lock_ignoring_poison(&seen).clone();
        columns.retain(|(table, _)| !views.contains(table));
        columns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const READS: Reads = Reads {
        name: "test",
        tables: &[("watched", &["a"]), ("whole", &[])],
        pointed_at: &[("owners", &["name"])],
    };

    fn connection() -> Connection {
        let conn = Connection::open_in_memory().expect("connection");
        conn.execute_batch(
            "CREATE TABLE watched (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
             CREATE TABLE whole (id INTEGER PRIMARY KEY, c TEXT);
             CREATE TABLE other (id INTEGER PRIMARY KEY, d TEXT);
             CREATE TABLE owners (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
             INSERT INTO watched (a, b) VALUES ('a', 'b');
             INSERT INTO owners (name) VALUES ('Dana');
             INSERT INTO whole (c) VALUES ('c');
             INSERT INTO other (d) VALUES ('d');",
        )
        .expect("tables");
        install(&conn, &[&READS]).expect("triggers");
        conn
    }

    fn version(conn: &Connection) -> Version {
        Version::of(conn, &READS).expect("version")
    }

    #[test]
    fn only_a_change_to_what_is_read_moves_the_version() {
        let conn = connection();
        let mut before = version(&conn);
        let mut check = |sql: &str, moves: bool| {
            conn.execute_batch(sql).expect(sql);
            let now = version(&conn);
            assert_eq!(now != before, moves, "{sql}: moves the version? {moves}");
            before = now;
        };
        check("UPDATE watched SET b = 'other'", false);
        check("UPDATE other SET d = 'other'", false);
        check("INSERT INTO other (d) VALUES ('new')", false);
        check("UPDATE watched SET a = 'a'", false);
        check("UPDATE watched SET a = 'other'", true);
        check("UPDATE watched SET a = NULL", true);
        check("INSERT INTO watched (b) VALUES ('new')", true);
        check("DELETE FROM watched WHERE b = 'new'", true);
        check("UPDATE whole SET c = 'other'", true);
        check("DELETE FROM whole", true);
        // A table pointed at: a row added is nobody's yet.
        check("INSERT INTO owners (name) VALUES ('Noor')", false);
        check("UPDATE owners SET email = 'dana@clinic.example'", false);
        check(
            "UPDATE owners SET name = 'Dana Reyes' WHERE name = 'Dana'",
            true,
        );
        check("DELETE FROM owners WHERE name = 'Noor'", true);
        check(
            "BEGIN; UPDATE watched SET a = 'rolled back'; ROLLBACK;",
            false,
        );
    }

    #[test]
    fn a_table_or_column_the_database_lacks_is_refused_as_the_store_opens() {
        const COLUMN: Reads = Reads {
            name: "typo",
            tables: &[("watched", &["a", "missing"])],
            pointed_at: &[],
        };
        const TABLE: Reads = Reads {
            name: "typo",
            tables: &[("missing", &[])],
            pointed_at: &[],
        };
        const POINTED_AT: Reads = Reads {
            name: "typo",
            tables: &[],
            pointed_at: &[("owners", &["missing"])],
        };
        let conn = connection();
        for reads in [&COLUMN, &TABLE, &POINTED_AT] {
            assert!(
                install(&conn, &[reads]).is_err(),
                "{reads:?} is refused, not left to fail every write"
            );
        }
    }

    #[test]
    fn installing_again_keeps_the_counts() {
        let conn = connection();
        conn.execute_batch("UPDATE watched SET a = 'other'")
            .expect("update");
        let before = version(&conn);
        install(&conn, &[&READS]).expect("again");
        assert_eq!(version(&conn), before, "the count is not reset");
        conn.execute_batch("UPDATE watched SET a = 'again'")
            .expect("update");
        assert_eq!(
            version(&conn).own,
            before.own + 1,
            "one trigger a change, not two"
        );
    }
}
