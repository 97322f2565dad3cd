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
    /// The port, which also names the unix socket.
    port: u16,
}

impl Cluster {
    /// Starts a new cluster, or fails the test saying how to install PostgreSQL.
    pub fn start() -> Self {
        Self::start_with(5432, |_| String::new())
    }

    /// Starts a cluster that also listens on 127.0.0.1 with TLS, its certificate made for
    /// the name `localhost` only and signed by a certificate authority of the test's own.
    /// Returns the cluster, its TCP port and the authority's certificate file.
    pub fn start_with_tls() -> (Self, u16, PathBuf) {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let cluster = Self::start_with(port, |dir| {
            let certs = dir.join("certs");
            std::fs::create_dir(&certs).expect("a folder for the certificates");
            let openssl =
                |args: &[&str]| run(Command::new("openssl").current_dir(&certs).args(args));
            openssl(&[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "1",
                "-subj",
                "/CN=Rollplan test CA",
            ]);
            openssl(&[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost",
            ]);
            std::fs::write(certs.join("san.ext"), "subjectAltName=DNS:localhost\n")
                .expect("write san.ext");
            openssl(&[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.crt",
                "-days",
                "1",
                "-extfile",
                "san.ext",
            ]);
            run(Command::new("chmod")
                .arg("600")
                .arg(certs.join("server.key")));
            // The authority also vouches for the client certificates a `hostssl … cert`
            // line asks for (see `certificate_for`).
            format!(
                "-c listen_addresses='127.0.0.1' -c ssl=on \
                 -c ssl_cert_file='{0}/server.crt' -c ssl_key_file='{0}/server.key' \
                 -c ssl_ca_file='{0}/ca.pem'",
                certs.display()
            )
        });
        let ca = cluster.dir.path().join("certs").join("ca.pem");
        (cluster, port, ca)
    }

    /// Starts a cluster; `prepare` may put files in its folder first and returns more
    /// server options (later options win over the defaults).
    fn start_with(port: u16, prepare: impl FnOnce(&Path) -> String) -> Self {
        assert!(
            Path::new(BIN).join("initdb").exists(),
            "PostgreSQL 15 is not installed ({BIN}/initdb is missing): run scripts/setup.sh --test"
        );
        let dir = tempfile::tempdir().expect("a temporary directory for the cluster");
        let extra_options = prepare(dir.path());
        let cluster = Self {
            dir,
            as_postgres: is_root(),
            port,
        };
        cluster.own_files();
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
            "-c listen_addresses='' -c port={port} -c unix_socket_directories='{}' -c fsync=off \
             {extra_options}",
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

    /// As root, hands the cluster's folder to the `postgres` user, which runs the server.
    fn own_files(&self) {
        if self.as_postgres {
            run(Command::new("chown")
                .arg("-R")
                .arg("postgres:postgres")
                .arg(self.dir.path()));
        }
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
        // The server rereads the file some moments after the signal: wait until a
        // sign-in without a password is refused.
        let url = self.url("postgres", user);
        for _ in 0..100 {
            if Client::connect(&url, NoTls).is_err() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the server still lets {user} in without a password");
    }

    /// Restarts the server as an administrator would (`pg_ctl restart -m fast`): every
    /// open connection is cut, and the server is back when this returns.
    pub fn restart(&self) {
        let log = self.dir.path().join("server.log");
        self.pg(&[
            "pg_ctl",
            "-D",
            &self.data(),
            "-l",
            &log.to_string_lossy(),
            "-m",
            "fast",
            "-w",
            "restart",
        ]);
    }

    /// From now on `user` signs in over TLS with a client certificate only (`hostssl all
    /// USER 127.0.0.1/32 cert`), as a hospital's IT would set it up; returns the
    /// certificate (its common name is the login) and its key, issued by the cluster's
    /// own authority. Only for a cluster from [`Cluster::start_with_tls`].
    pub fn certificate_for(&self, user: &str) -> (PathBuf, PathBuf) {
        let certs = self.dir.path().join("certs");
        let openssl = |args: &[&str]| run(Command::new("openssl").current_dir(&certs).args(args));
        let (key, csr, cert) = (
            format!("{user}.key"),
            format!("{user}.csr"),
            format!("{user}.crt"),
        );
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &key,
            "-out",
            &csr,
            "-subj",
            &format!("/CN={user}"),
        ]);
        openssl(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &cert,
            "-days",
            "1",
        ]);
        let hba = self.dir.path().join("data").join("pg_hba.conf");
        let rest = std::fs::read_to_string(&hba).expect("read pg_hba.conf");
        std::fs::write(
            &hba,
            format!("hostssl all {user} 127.0.0.1/32 cert\n{rest}"),
        )
        .expect("write pg_hba.conf");
        self.pg(&["pg_ctl", "-D", &self.data(), "reload"]);
        (certs.join(cert), certs.join(key))
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
        format!("postgresql://{user}@{host}:{}/{database}", self.port)
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
