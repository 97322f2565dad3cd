//! Team mode's figures, printed and never asserted, against a throwaway PostgreSQL 15
//! cluster of the benchmark's own on this machine (unix socket, so "loopback"):
//! - the first join of the large workspace (time, rows/s), beside a raw `COPY` of the
//!   same rows into the same server in the same run;
//! - one edit's trip from one copy to another (push, then the other's pull): median
//!   and 95th percentile;
//! - push and pull throughput in changes/s, beside a raw `INSERT` of the same rows;
//! - how push and pull throughput and the trip grow with 1, 5 and 20 copies syncing at
//!   once.
//!
//! Run by `scripts/bench-team.sh` (a release build of this crate). Each sync is the
//! whole command as the CLI runs it: the local file opened and checked, the server's
//! schema and membership checked, then the changes.

// A benchmark fails by panicking, like a test: unwrapping what must be there says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../tests/common/cluster.rs"]
mod cluster;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cluster::Cluster;
use rollplan_core::demo::large;
use rollplan_core::Store;
use rollplan_team::{setup, sync, ServerAddress};
use rusqlite::Connection;

/// Task edits per throughput run.
const EDITS: usize = 5_000;
/// Trips measured per figure.
const TRIPS: usize = 30;
/// Changes each copy makes when many sync at once.
const PER_COPY: usize = 500;

fn main() {
    // `quick`: the sample clinic instead of the large workspace and fewer copies, to
    // check the benchmark itself runs (its figures are not the ones to quote).
    let quick = std::env::args().any(|arg| arg == "quick");
    let cluster = Cluster::start();
    let files = tempfile::tempdir().expect("a folder for the copies");
    println!("Team mode (PostgreSQL 15 on a unix socket of this machine)");

    let address = new_team(&cluster);
    let anna = files.path().join("anna.db");
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a date");
    let store = Store::open(&anna).unwrap();
    if quick {
        rollplan_core::demo::seed_sample_clinic(&store, today).expect("seed the sample");
    } else {
        large::seed_large_workspace(&store, large::DEFAULT_SEED, today)
            .expect("seed the large workspace");
    }
    drop(store);
    let edits = if quick { 50 } else { EDITS };
    let workspace = if quick {
        "sample clinic"
    } else {
        "large workspace"
    };
    let started = Instant::now();
    let published = setup::publish(&anna, &address).unwrap();
    report_rate(
        &format!("publish, {workspace}"),
        published.rows,
        started.elapsed(),
    );
    let ben = files.path().join("ben.db");
    let started = Instant::now();
    let joined = setup::join(&ben, &address, |_, _| {}).unwrap();
    report_rate(
        &format!("first join, {workspace}"),
        joined.rows,
        started.elapsed(),
    );
    raw_copy(&cluster, &address);

    let trips = trip_times(&anna, &ben, TRIPS);
    report_trip(&format!("one edit's trip, {workspace}, 2 copies"), &trips);

    edit_tasks(&anna, edits, "throughput");
    let started = Instant::now();
    let pushed = sync::push(&anna, None).unwrap();
    report_rate("push", pushed.sent, started.elapsed());
    let started = Instant::now();
    let pulled = sync::pull_with(&ben, None, |_| Ok(())).unwrap();
    report_rate("pull", pulled.received, started.elapsed());
    raw_insert(&cluster, &address, edits);

    let scales: &[usize] = if quick { &[1, 5] } else { &[1, 5, 20] };
    for &copies in scales {
        scale(&cluster, files.path(), copies);
    }
}

/// A new team in a new database of the cluster, as its administrator.
fn new_team(cluster: &Cluster) -> ServerAddress {
    let database = cluster.create_database();
    let address = ServerAddress::parse(&cluster.url(&database, "postgres"), None).unwrap();
    setup::init(&address).unwrap();
    address
}

fn database_of(address: &ServerAddress) -> String {
    address
        .shown()
        .rsplit('/')
        .next()
        .expect("a database name")
        .to_owned()
}

/// The team's rows written into a plain table with `COPY`, PostgreSQL's fastest load.
fn raw_copy(cluster: &Cluster, address: &ServerAddress) {
    use std::io::Write;
    let mut client = cluster.admin(&database_of(address));
    let rows: Vec<(String, String, String)> = client
        .query(
            "SELECT table_name, row_id, fields::text FROM rollplan.rows WHERE NOT deleted",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2)))
        .collect();
    client
        .batch_execute("CREATE TABLE copied (table_name text, row_id text, fields jsonb)")
        .unwrap();
    let started = Instant::now();
    let mut writer = client.copy_in("COPY copied FROM STDIN").unwrap();
    for (table, row_id, fields) in &rows {
        writeln!(
            writer,
            "{}\t{}\t{}",
            copy_text(table),
            copy_text(row_id),
            copy_text(fields)
        )
        .unwrap();
    }
    writer.finish().unwrap();
    report_rate("  raw COPY of the same rows", rows.len(), started.elapsed());
}

/// A value in COPY's text format.
fn copy_text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// The last `count` accepted changes written again into a plain table, one prepared
/// INSERT each in one transaction: the same rows with no merge rule.
fn raw_insert(cluster: &Cluster, address: &ServerAddress, count: usize) {
    let mut client = cluster.admin(&database_of(address));
    let rows: Vec<(String, String, String)> = client
        .query(
            "SELECT table_name, row_id, fields::text FROM rollplan.changes
              WHERE fields IS NOT NULL ORDER BY seq DESC LIMIT $1",
            &[&(count as i64)],
        )
        .unwrap()
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2)))
        .collect();
    client
        .batch_execute("CREATE TABLE inserted (table_name text, row_id text, fields jsonb)")
        .unwrap();
    let started = Instant::now();
    let mut tx = client.transaction().unwrap();
    let statement = tx
        .prepare("INSERT INTO inserted VALUES ($1, $2, $3::text::jsonb)")
        .unwrap();
    for (table, row_id, fields) in &rows {
        tx.execute(&statement, &[table, row_id, fields]).unwrap();
    }
    tx.commit().unwrap();
    report_rate(
        "  raw INSERT of the same rows",
        rows.len(),
        started.elapsed(),
    );
}

/// Changes the notes of `count` tasks on the copy at `path`, as any program writing the
/// file would: each is captured as a change of its own.
fn edit_tasks(path: &Path, count: usize, tag: &str) {
    let conn = Connection::open(path).unwrap();
    let changed = conn
        .execute(
            "UPDATE plan_tasks SET notes = ?1 || ' ' || id
              WHERE id IN (SELECT id FROM plan_tasks ORDER BY id LIMIT ?2)",
            rusqlite::params![tag, count as i64],
        )
        .unwrap();
    assert_eq!(changed, count, "enough tasks to edit");
}

/// Copy `index` of `copies` changes the notes of its own share of the tasks (every
/// `copies`-th one), round after round until it has made `changes` changes: copies
/// editing different records, so what is measured is the sending, not conflicts.
fn edit_own_tasks(path: &Path, index: usize, copies: usize, changes: usize) {
    let conn = Connection::open(path).unwrap();
    let all: Vec<String> = conn
        .prepare("SELECT id FROM plan_tasks ORDER BY id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    // Fewer tasks than copies would make some copies share one (and conflict).
    let share = copies.min(all.len()).max(1);
    let mine: Vec<String> = all.into_iter().skip(index % share).step_by(share).collect();
    assert!(
        !mine.is_empty(),
        "copy {index} has tasks of its own to edit"
    );
    let mut made = 0;
    let mut round = 0;
    while made < changes {
        round += 1;
        for id in &mine {
            conn.execute(
                "UPDATE plan_tasks SET notes = ?1 WHERE id = ?2",
                rusqlite::params![format!("copy {index}, round {round}"), id],
            )
            .unwrap();
            made += 1;
        }
    }
}

/// One edit on `from`, pushed, then pulled by `to`: the time from the push's start to
/// the pull's end, `times` times.
fn trip_times(from: &Path, to: &Path, times: usize) -> Vec<Duration> {
    let conn = Connection::open(from).unwrap();
    let id: String = conn
        .query_row("SELECT id FROM rollouts ORDER BY id LIMIT 1", [], |row| {
            row.get(0)
        })
        .unwrap();
    (0..times)
        .map(|i| {
            conn.execute(
                "UPDATE rollouts SET goal = ?1 WHERE id = ?2",
                rusqlite::params![format!("Trip {i}"), id],
            )
            .unwrap();
            let started = Instant::now();
            sync::push(from, None).unwrap();
            let pulled = sync::pull_with(to, None, |_| Ok(())).unwrap();
            let elapsed = started.elapsed();
            assert!(pulled.received >= 1, "the edit arrived");
            elapsed
        })
        .collect()
}

/// `copies` copies of the sample clinic, each editing its own tasks, then all pushing at
/// once and all pulling at once; and one edit's trip while the others are idle.
fn scale(cluster: &Cluster, folder: &Path, copies: usize) {
    let address = new_team(cluster);
    let first = folder.join(format!("scale{copies}-0.db"));
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a date");
    rollplan_core::demo::seed_sample_clinic(&Store::open(&first).unwrap(), today).unwrap();
    setup::publish(&first, &address).unwrap();
    let mut paths: Vec<PathBuf> = vec![first];
    for i in 1..copies.max(2) {
        let path = folder.join(format!("scale{copies}-{i}.db"));
        setup::join(&path, &address, |_, _| {}).unwrap();
        paths.push(path);
    }
    let editing = &paths[..copies];
    for (i, path) in editing.iter().enumerate() {
        edit_own_tasks(path, i, copies, PER_COPY);
    }
    let started = Instant::now();
    let sent: usize = std::thread::scope(|scope| {
        let pushing: Vec<_> = editing
            .iter()
            .map(|path| scope.spawn(move || sync::push(path, None).unwrap().sent))
            .collect();
        pushing.into_iter().map(|p| p.join().unwrap()).sum()
    });
    let editors = if copies == 1 {
        "1 copy".to_owned()
    } else {
        format!("{copies} copies at once")
    };
    report_rate(&format!("push, {editors}"), sent, started.elapsed());
    let started = Instant::now();
    let received: usize = std::thread::scope(|scope| {
        let pulling: Vec<_> = paths
            .iter()
            .map(|path| scope.spawn(move || sync::sync(path, None).unwrap().received))
            .collect();
        pulling.into_iter().map(|p| p.join().unwrap()).sum()
    });
    report_rate(
        &format!("pull, {} copies at once", paths.len()),
        received,
        started.elapsed(),
    );
    let trips = trip_times(&paths[0], &paths[1], TRIPS);
    report_trip(
        &format!("one edit's trip, sample clinic, {} copies", paths.len()),
        &trips,
    );
}

fn report_rate(what: &str, count: usize, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64();
    println!(
        "{what:<48} {count:>8} in {seconds:>7.2} s = {:>9.0} /s",
        count as f64 / seconds.max(1e-9)
    );
}

fn report_trip(what: &str, trips: &[Duration]) {
    let mut sorted = trips.to_vec();
    sorted.sort();
    let at = |share: f64| {
        let index = ((sorted.len() as f64 - 1.0) * share).round() as usize;
        sorted[index].as_secs_f64() * 1000.0
    };
    println!(
        "{what:<48} median {:>7.1} ms, p95 {:>7.1} ms ({} trips)",
        at(0.5),
        at(0.95),
        sorted.len()
    );
}
