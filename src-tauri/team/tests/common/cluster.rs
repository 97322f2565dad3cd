//! A throwaway PostgreSQL 15 cluster for one test: `initdb` into a temporary directory,
//! started with `pg_ctl` listening only on a unix socket in that directory, and stopped
//! (`pg_ctl stop -m fast`) when the value is dropped — also when the test panics, since
//! unwinding drops it. As root (CI) the cluster runs as the `postgres` user, which
//! PostgreSQL requires; otherwise as the current user. The system's own cluster is
//! never touched.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::{Client, NoTls};
use tempfile::TempDir;

const BIN: &str = "/usr/lib/postgresql/15/bin";

/// A running cluster; stopped and deleted when dropped.
pub struct Cluster {
    dir: TempDir,
    as_postgres: bool,
}

impl Cluster {
    /// Starts a new cluster, or fails the test saying how to install PostgreSQL.
    pub fn start() -> Self {
        assert!(
            Path::new(BIN).join("initdb").exists(),
            "PostgreSQL 15 is not installed ({BIN}/initdb is missing): run scripts/setup.sh --test"
        );
        let dir = tempfile::tempdir().expect("a temporary directory for the cluster");
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown")
                .arg("-R")
                .arg("postgres:postgres")
                .arg(dir.path()));
        }
        let cluster = Self { dir, as_postgres };
        let data = cluster.data();
        cluster.pg(&[
            "initdb",
            "-D",
            &data,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ]);
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c fsync=off",
            cluster.socket_dir().display()
        );
        let log = cluster.dir.path().join("server.log");
        cluster.pg(&[
            "pg_ctl",
            "-D",
            &data,
            "-l",
            &log.to_string_lossy(),
            "-o",
            &options,
            "-w",
            "start",
        ]);
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").to_string_lossy().into_owned()
    }

    fn socket_dir(&self) -> PathBuf {
        self.dir.path().to_owned()
    }

    /// Runs a PostgreSQL program from BIN, as the cluster's owner.
    fn pg(&self, args: &[&str]) {
        let program = Path::new(BIN).join(args[0]);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        command.args(&args[1..]);
        run(&mut command);
    }

    /// From now on `user` signs in with a password over the socket (everyone else is
    /// still trusted): what a wrong password is tested against.
    pub fn require_password_for(&self, user: &str) {
        let hba = self.dir.path().join("data").join("pg_hba.conf");
        let rest = std::fs::read_to_string(&hba).expect("read pg_hba.conf");
        std::fs::write(&hba, format!("local all {user} scram-sha-256\n{rest}"))
            .expect("write pg_hba.conf");
        self.pg(&["pg_ctl", "-D", &self.data(), "reload"]);
        // The postmaster rereads the file on the signal; give it a moment to have done so.
        std::thread::sleep(std::time::Duration::from_millis(500));
    }

    /// A new empty database, named uniquely in this cluster.
    pub fn create_database(&self) -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("team{}", NEXT.fetch_add(1, Ordering::SeqCst));
        self.admin("postgres")
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        name
    }

    /// The address of `database` for the login `user` (the URL form a person types).
    pub fn url(&self, database: &str, user: &str) -> String {
        let host = self.socket_dir().to_string_lossy().replace('/', "%2F");
        format!("postgresql://{user}@{host}/{database}")
    }

    /// A connection as the superuser, for setting up and inspecting the server.
    pub fn admin(&self, database: &str) -> Client {
        self.client_as(database, "postgres")
    }

    /// A raw SQL connection as `user`, as `psql` would make it.
    pub fn client_as(&self, database: &str, user: &str) -> Client {
        Client::connect(&self.url(database, user), NoTls)
            .unwrap_or_else(|e| panic!("connect as {user}: {e}"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        // A stop that fails must not turn a passing test into an abort during unwinding.
        let program = Path::new(BIN).join("pg_ctl");
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let _ = command
            .args(["-D", &data, "-m", "fast", "-w", "stop"])
            .output();
    }
}

fn is_root() -> bool {
    let output = Command::new("id").arg("-u").output().expect("run id -u");
    String::from_utf8_lossy(&output.stdout).trim() == "0"
}

fn run(command: &mut Command) {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("could not run {command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
