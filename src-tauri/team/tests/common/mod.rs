//! What the team tests share: a throwaway server with a team on it, and local copies
//! of the workspace in a temporary directory.

#![allow(dead_code)] // each test crate uses a different part

pub mod cluster;

use std::path::{Path, PathBuf};

use rollplan_core::rollouts::{Phase, RolloutDraft, RolloutKind};
use rollplan_core::Store;
use rollplan_team::ServerAddress;
use rusqlite::Connection;
use tempfile::TempDir;

pub use cluster::Cluster;

/// A team on a fresh server, and a folder for the laptops' files.
pub struct Team {
    pub cluster: Cluster,
    pub database: String,
    pub files: TempDir,
}

impl Team {
    /// A new server with an initialised team on it.
    pub fn new() -> Self {
        let team = Self::without_schema();
        rollplan_team::setup::init(&team.address()).expect("team init on an empty database");
        team
    }

    /// A new server with an empty database (no team in it).
    pub fn without_schema() -> Self {
        let cluster = Cluster::start();
        let database = cluster.create_database();
        Self {
            cluster,
            database,
            files: tempfile::tempdir().expect("a folder for the local files"),
        }
    }

    /// The team's address for the administrator.
    pub fn address(&self) -> ServerAddress {
        self.address_for("postgres")
    }

    /// The team's address for another login.
    pub fn address_for(&self, user: &str) -> ServerAddress {
        ServerAddress::parse(&self.cluster.url(&self.database, user), None)
            .expect("a valid address")
    }

    /// Where a laptop's file lives.
    pub fn file(&self, name: &str) -> PathBuf {
        self.files.path().join(format!("{name}.db"))
    }

    /// A superuser connection to the team's database.
    pub fn server(&self) -> postgres::Client {
        self.cluster.admin(&self.database)
    }

    /// A workspace with one rollout, published as the team's; returns its file and the
    /// rollout's id.
    pub fn published_with_rollout(&self, name: &str) -> (PathBuf, String) {
        let path = self.file(name);
        let store = Store::open(&path).expect("open a new workspace");
        let rollout = store
            .create_rollout(&draft("Check-in kiosks"))
            .expect("create a rollout");
        drop(store);
        rollplan_team::setup::publish(&path, &self.address()).expect("publish the workspace");
        (path, rollout.id)
    }

    /// Joins the team into a new file called `name`.
    pub fn join(&self, name: &str) -> PathBuf {
        let path = self.file(name);
        rollplan_team::setup::join(&path, &self.address(), |_, _| {}).expect("join the team");
        path
    }

    /// How many changes the server has accepted.
    pub fn accepted_changes(&self) -> i64 {
        self.server()
            .query_one("SELECT count(*) FROM rollplan.changes", &[])
            .expect("count changes")
            .get(0)
    }
}

/// Pushes and pulls the copy at `path` as the administrator (the stored address has no
/// password; the test cluster trusts its socket).
pub fn sync(path: &Path) -> rollplan_team::sync::SyncReport {
    rollplan_team::sync::sync(path, None).expect("sync")
}

/// A rollout draft with the given name.
pub fn draft(name: &str) -> RolloutDraft {
    RolloutDraft {
        name: name.to_owned(),
        kind: RolloutKind::default(),
        goal: String::new(),
        sites: vec!["Main Street".to_owned()],
        sponsor: String::new(),
        owner: String::new(),
        start_date: None,
        go_live_date: Some("2027-03-01".to_owned()),
        phase: Phase::default(),
        scope_in: String::new(),
        scope_out: String::new(),
    }
}

/// Changes a rollout in the workspace at `path` the way the app does (through the core,
/// with the version it read).
pub fn edit_rollout(path: &Path, id: &str, change: impl FnOnce(&mut RolloutDraft)) {
    let store = Store::open(path).expect("open the workspace");
    let rollout = store.get_rollout(id).expect("the rollout exists");
    let mut draft = rollout.draft();
    change(&mut draft);
    store
        .update_rollout(id, rollout.row_version, &draft)
        .expect("update the rollout");
}

/// A rollout as the workspace at `path` has it.
pub fn rollout(path: &Path, id: &str) -> rollplan_core::rollouts::Rollout {
    Store::open(path)
        .expect("open the workspace")
        .get_rollout(id)
        .expect("the rollout exists")
}

/// The tables that stay on each laptop, written out independently of the crate's own
/// list: what a comparison of two copies leaves out.
const LOCAL_TABLES: &[&str] = &[
    "audit_log",
    "quarantined_rows",
    "search_keys",
    "team_link",
    "team_outbox",
    "team_conflicts",
    "undo_steps",
    "undo_log",
];

/// Every shared table's content (bookkeeping columns left out), in key order, as text:
/// two copies that agree give equal dumps.
pub fn content(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(path).expect("open the file");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap()
        .into_iter()
        .filter(|t| !t.starts_with("sqlite_") && !LOCAL_TABLES.contains(&t.as_str()))
        .collect();
    tables
        .into_iter()
        .map(|table| {
            let columns: Vec<String> = conn
                .prepare("SELECT name FROM pragma_table_info(?1) WHERE name NOT IN ('row_version', 'updated_at')")
                .unwrap()
                .query_map([&table], |row| row.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let object = columns.iter().map(|c| format!("'{c}', \"{c}\"")).collect::<Vec<_>>().join(", ");
            let mut rows: Vec<String> = conn
                .prepare(&format!("SELECT json_object({object}) FROM \"{table}\""))
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// A small deterministic generator (xorshift), so a failure replays from its seed.
pub struct Dice(pub u64);

impl Dice {
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A hash of [`content`]: two copies that agree give the same number.
pub fn content_hash(path: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    content(path).hash(&mut hasher);
    hasher.finish()
}

/// One text value from the local file.
pub fn count_text(path: &Path, sql: &str) -> String {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |row| row.get(0))
        .unwrap()
}

/// A count from the local file.
pub fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |row| row.get(0))
        .unwrap()
}
