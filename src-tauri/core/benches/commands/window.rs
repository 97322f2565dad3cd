//! The release app as a person starts it: the time from launch to its first usable
//! screen, and its memory once idle (PSS summed over the app and the WebKit processes it
//! starts), on the large workspace and on the extra-large one, each beside the same two
//! figures for an empty Tauri window of the same Tauri version, measured in the same run;
//! and the size of the `.deb`.
//!
//! `scripts/bench.sh` builds both apps and the `.deb`, provides a display and a session
//! bus, and names them here through `ROLLPLAN_BENCH_APP`, `ROLLPLAN_BENCH_EMPTY_WINDOW`
//! and `ROLLPLAN_BENCH_DEB`. Without them this part says so and is skipped.
//!
//! "Usable" is the moment each app reports: Rollplan once Home shows its figures (or
//! another first screen its content), the empty window once its page has loaded. The
//! time is taken here, from the launch to that line on the app's stderr, so it includes
//! everything the process does before it.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::measure::{megabytes, ms, size, Bench, Budget, Value};

/// Start to a usable window within 1.3× the empty window's time, at either size.
const START_UP: Budget = Budget::OfEmptyWindow(1.3);
/// Idle memory no more than 1.25× that of an empty Tauri window on the large workspace,
/// 1.5× on the extra-large one (its figures are read into the app's memory).
pub const MEMORY_LARGE: Budget = Budget::OfEmptyWindow(1.25);
pub const MEMORY_XL: Budget = Budget::OfEmptyWindow(1.5);
/// The .deb under 25 MB.
const DEB: Budget = Budget::Bytes(25_000_000);

/// Launches of each app counted, alternating between them, after one of each uncounted
/// (the first launch on a display starts the session's accessibility and portal
/// services, and Rollplan's first launch of the day makes the daily backup).
const RUNS: usize = 7;
/// How long an app is left alone after it is usable before its memory is read.
const IDLE: Duration = Duration::from_secs(3);
const READY_LINE: &str = "first screen shown";
const GIVE_UP: Duration = Duration::from_secs(60);
/// The single-instance name the Rollplan window holds on the session bus.
const ROLLPLAN_BUS_NAME: &str = "app.rollplan.desktop.SingleInstance";

struct App {
    name: &'static str,
    binary: PathBuf,
    /// The database it opens, if any.
    database: Option<PathBuf>,
    bus_name: Option<&'static str>,
}

struct Launch {
    to_usable: Duration,
    idle_pss_bytes: u64,
}

/// A workspace the app is started on: its name in the figures, where it is, and the
/// memory budget at its size.
pub struct Workspace<'a> {
    pub label: &'static str,
    pub path: &'a Path,
    pub memory: Budget,
}

pub fn run(bench: &mut Bench, workspaces: &[Workspace], dir: &Path) {
    bench.begin(
        "Window",
        "the release app beside an empty Tauri window, under the display of scripts/bench.sh",
    );
    let (Some(app), Some(empty)) = (
        std::env::var_os("ROLLPLAN_BENCH_APP"),
        std::env::var_os("ROLLPLAN_BENCH_EMPTY_WINDOW"),
    ) else {
        println!("  skipped: run scripts/bench.sh to build both apps and measure them");
        return;
    };
    let empty = App {
        name: "empty window",
        binary: empty.into(),
        database: None,
        bus_name: None,
    };
    let home = dir.join("home");
    for workspace in workspaces {
        // The app opens a copy, so its daily backup and the WAL land beside the copy.
        let database = dir.join(format!("window-{}.db", workspace.label));
        std::fs::copy(workspace.path, &database).expect("copy the workspace for the app");
        let rollplan = App {
            name: "Rollplan",
            binary: PathBuf::from(&app),
            database: Some(database.clone()),
            bus_name: Some(ROLLPLAN_BUS_NAME),
        };
        println!("  on the {} workspace:", workspace.label);
        launch(&rollplan, &home);
        launch(&empty, &home);
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for run in 1..=RUNS {
            let a = launch(&rollplan, &home);
            let b = launch(&empty, &home);
            println!(
                "  run {run}: Rollplan usable in {}, {} idle; empty window {}, {}",
                ms(a.to_usable),
                size(a.idle_pss_bytes as usize),
                ms(b.to_usable),
                size(b.idle_pss_bytes as usize),
            );
            ours.push(a);
            theirs.push(b);
        }
        let start =
            |launches: &[Launch]| median(launches.iter().map(|l| l.to_usable.as_secs_f64()));
        let pss = |launches: &[Launch]| median(launches.iter().map(|l| l.idle_pss_bytes as f64));
        bench.push(
            &format!("start to a usable window ({} workspace)", workspace.label),
            Value::Beside {
                rollplan: start(&ours),
                empty: start(&theirs),
                seconds: true,
            },
            START_UP,
        );
        bench.push(
            &format!(
                "idle memory, PSS of the app and WebKit ({})",
                workspace.label
            ),
            Value::Beside {
                rollplan: pss(&ours),
                empty: pss(&theirs),
                seconds: false,
            },
            workspace.memory,
        );
        let _ = std::fs::remove_file(&database);
    }
    match std::env::var_os("ROLLPLAN_BENCH_DEB") {
        Some(deb) => {
            let bytes = std::fs::metadata(&deb).expect("the .deb").len();
            println!("  {}: {}", PathBuf::from(&deb).display(), megabytes(bytes));
            bench.push("the .deb", Value::File { bytes }, DEB);
        }
        None => println!("  the .deb: not built (ROLLPLAN_BENCH_DEB is not set)"),
    }
}

/// Starts `app`, waits for it to report its first usable screen, lets it idle, reads its
/// memory, and ends it (and everything it started).
fn launch(app: &App, home: &Path) -> Launch {
    let mut command = Command::new(&app.binary);
    // Its own settings and WebKit caches, never the person's running the benchmark.
    // Each app as it ships: Rollplan turns WebKit's GPU compositing off itself unless
    // this variable is set (see its drawing.rs); the empty window keeps Tauri's defaults.
    command
        .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(database) = &app.database {
        command.env("ROLLPLAN_DB", database);
    }
    let started = Instant::now();
    let mut child = command.spawn().expect("launch the app");
    let to_usable = wait_until_usable(&mut child, app.name, started);
    thread::sleep(IDLE);
    let tree = process_tree(child.id());
    let idle_pss_bytes = tree.iter().map(|&pid| pss_bytes(pid)).sum();
    end(&mut child, &tree);
    if let Some(name) = app.bus_name {
        wait_for_bus_name_released(name);
    }
    Launch {
        to_usable,
        idle_pss_bytes,
    }
}

fn wait_until_usable(child: &mut Child, name: &str, started: Instant) -> Duration {
    let stderr = child.stderr.take().expect("stderr is piped");
    let (ready, ready_when) = mpsc::channel();
    // Reads the app's stderr to its end, so it never blocks on a full pipe.
    thread::spawn(move || {
        let mut ready = Some(ready);
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains(READY_LINE) {
                if let Some(ready) = ready.take() {
                    let _ = ready.send(started.elapsed());
                }
            }
        }
    });
    match ready_when.recv_timeout(GIVE_UP) {
        Ok(elapsed) => elapsed,
        Err(_) => {
            let _ = child.kill();
            panic!("{name} did not report a usable window within {GIVE_UP:?}");
        }
    }
}

/// The process and every process it started, by walking /proc.
fn process_tree(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) {
            // The command name is in parentheses and may hold spaces: read after it.
            if let Some(ppid) = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|ppid| ppid.parse::<u32>().ok())
            {
                parents.push((pid, ppid));
            }
        }
    }
    let mut tree = vec![root];
    let mut seen: HashSet<u32> = tree.iter().copied().collect();
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        for &(pid, ppid) in &parents {
            if ppid == parent && seen.insert(pid) {
                tree.push(pid);
            }
        }
        i += 1;
    }
    tree
}

/// Proportional set size: shared pages split among the processes sharing them.
fn pss_bytes(pid: u32) -> u64 {
    let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
        return 0;
    };
    rollup
        .lines()
        .find_map(|line| line.strip_prefix("Pss:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kib| kib * 1024)
}

/// Ends the app and the processes it started, and waits until they are gone.
fn end(child: &mut Child, tree: &[u32]) {
    let _ = child.kill();
    let _ = child.wait();
    for pid in &tree[1..] {
        let _ = Command::new("kill")
            .arg("-KILL")
            .arg(pid.to_string())
            .status();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while tree[1..]
        .iter()
        .any(|pid| Path::new(&format!("/proc/{pid}")).exists())
        && Instant::now() < deadline
    {
        thread::sleep(Duration::from_millis(20));
    }
}

/// A new Rollplan launched while the last one's name is still on the bus would hand
/// over to it and exit: wait for the bus to let the name go.
fn wait_for_bus_name_released(name: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let owned = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                &format!("string:{name}"),
            ])
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).contains("boolean true"))
            .unwrap_or(false);
        if !owned {
            return;
        }
        thread::sleep(Duration::from_millis(50));
    }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
