//! The files the imports read, as the systems around a clinic export them: a roster of
//! 1,000 new hires, a vendor's 2,000-task plan (20 phases, each task waiting for the one
//! before it, a cross-link every seventh) as CSV and as Microsoft Project XML, and
//! 100,000 daily values of ten metrics.
//! No field holds a comma, so the raw insert's preparation can split lines by hand.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};

pub const PEOPLE: usize = 1_000;
pub const TASKS: usize = 2_000;
pub const MEASUREMENTS: usize = 100_000;
const PER_PHASE: usize = 100;

pub const METRIC_NAMES: &[&str] = &[
    "Check-in time",
    "No-show rate",
    "Charts closed same day",
    "Help-desk tickets per 100 users",
    "Ticket time to first response",
    "Portal activations",
    "Same-day slots filled",
    "Calls abandoned",
    "Refills answered in 48 hours",
    "Referrals closed",
];

const FIRST: &[&str] = &[
    "Abel", "Bea", "Cyrus", "Dalia", "Emeka", "Freya", "Gus", "Hiro", "Ines", "Jonah", "Kira",
    "Lorenzo", "Mabel", "Nils", "Odette", "Pavel", "Quinn", "Rhea", "Silas", "Tova", "Ugo", "Vera",
    "Wren", "Xavi", "Yael", "Zane", "Ada", "Bruno", "Cleo", "Dario",
];
const LAST: &[&str] = &[
    "Aldana", "Berg", "Costa", "Dahl", "Eze", "Ferro", "Gill", "Holm", "Iqbal", "Juarez", "Krause",
    "Lund", "Moss", "Nakamura", "Oduya", "Pike", "Quiroga", "Roth", "Stone", "Toledo", "Ueda",
    "Vance", "Wolfe", "Xu", "Yilmaz", "Zeller", "Amato", "Bishop", "Cortes", "Drake",
];
/// The roles a clinic starts with, so a raw insert finds every one.
const ROLES: &[&str] = &[
    "Front desk",
    "Medical assistant (MA)",
    "Registered nurse (RN)",
    "Provider",
    "Biller / coder",
    "Scheduler",
    "Practice manager",
];

pub struct Files {
    pub roster: PathBuf,
    pub tasks: PathBuf,
    /// The same plan as Microsoft Project XML, next to the CSV (same name, `.xml`).
    pub tasks_mspdi: PathBuf,
    pub measurements: PathBuf,
}

/// A new hire's name: first, middle initial, last — never one already in the directory.
fn name(i: usize) -> String {
    let initial = (b'A' + (i / FIRST.len() % 26) as u8) as char;
    format!(
        "{} {initial}. {}",
        FIRST[i % FIRST.len()],
        LAST[i / (FIRST.len() * 26) % LAST.len()]
    )
}

pub fn write(dir: &Path) -> Files {
    let mut roster = String::from("Name,Role,Department,Email\n");
    for i in 0..PEOPLE {
        let name = name(i);
        let email = name.to_lowercase().replace(". ", ".").replace(' ', ".");
        let site = [
            "Riverside Family Medicine",
            "Northgate Pediatrics",
            "Harbor Cardiology",
        ][i % 3];
        roster.push_str(&format!(
            "{name},{},{site},{email}@newhires.example.org\n",
            ROLES[i % ROLES.len()]
        ));
    }
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let mut tasks = String::from("Title,Phase,Owner,Start,Due,Status,Depends on\n");
    for i in 0..TASKS {
        let phase = i / PER_PHASE;
        let begin = start + chrono::Days::new((phase * 30 + (i % PER_PHASE) / 4) as u64);
        let end = begin + chrono::Days::new((i % 5) as u64);
        let mut after = Vec::new();
        if i > 0 {
            after.push(format!("Task {:04}", i - 1));
        }
        if i % 7 == 0 && i >= PER_PHASE {
            after.push(format!("Task {:04}", i - PER_PHASE + 3));
        }
        let status = if i % 11 == 0 { "done" } else { "todo" };
        tasks.push_str(&format!(
            "Task {i:04},Phase {phase:02},{},{begin},{end},{status},{}\n",
            name(i * 7 % PEOPLE),
            after.join("; ")
        ));
    }
    let days = MEASUREMENTS / METRIC_NAMES.len();
    let first_day = chrono::NaiveDate::from_ymd_opt(1999, 1, 1).expect("date");
    let mut values = String::from("Metric,Date,Value\n");
    for (m, metric) in METRIC_NAMES.iter().enumerate() {
        for d in 0..days {
            let on = first_day + chrono::Days::new(d as u64);
            values.push_str(&format!(
                "{metric},{on},{}\n",
                100.0 + ((m * 31 + d * 17) % 500) as f64 / 4.0
            ));
        }
    }
    let files = Files {
        roster: dir.join("roster.csv"),
        tasks: dir.join("plan.csv"),
        tasks_mspdi: dir.join("plan.xml"),
        measurements: dir.join("measurements.csv"),
    };
    std::fs::write(&files.roster, roster).expect("write the roster");
    std::fs::write(&files.tasks, tasks).expect("write the plan");
    std::fs::write(&files.measurements, values).expect("write the values");
    write_mspdi(&files);
    files
}

/// The plan as Rollplan exports it to Microsoft Project: imported from the CSV into a
/// scratch database, then exported.
fn write_mspdi(files: &Files) {
    use rollplan_core::import::read_table;
    use rollplan_core::people::roster::{RejectedRows, RosterMapping};
    let store = rollplan_core::Store::open_in_memory().expect("scratch database");
    let roster = read_table(&files.roster).expect("the roster");
    store
        .import_roster(
            &roster,
            &RosterMapping::guess(&roster.headers),
            RejectedRows::Refuse,
            super::roster_today(),
        )
        .expect("the roster imports");
    let draft = rollplan_core::rollouts::RolloutDraft {
        name: "Vendor plan".into(),
        ..Default::default()
    };
    let rollout = store.create_rollout(&draft).expect("rollout").id;
    store
        .import_tasks(&rollout, &read_table(&files.tasks).expect("the plan"))
        .expect("the plan imports");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    let report = store.rollout_report(&rollout, today).expect("report");
    let xml = rollplan_core::export::rollout_mspdi(&report).expect("the plan exports");
    std::fs::write(&files.tasks_mspdi, xml).expect("write the plan as XML");
}

/// A file's data rows, split into their first `N` fields.
pub fn read_rows<const N: usize>(file: &Path) -> Vec<[String; N]> {
    let text = std::fs::read_to_string(file).expect("read the file");
    text.lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.split(',').map(str::to_owned);
            std::array::from_fn(|_| fields.next().unwrap_or_default())
        })
        .collect()
}

pub struct TaskRow {
    pub id: String,
    pub phase_id: String,
    pub title: String,
    pub owner_id: String,
    pub start: String,
    pub due: String,
    pub status: String,
}

/// The plan with ids given and names resolved, ready for a raw insert.
pub struct Plan {
    pub phases: Vec<(String, String)>,
    pub tasks: Vec<TaskRow>,
    pub dependencies: Vec<(String, String)>,
}

pub fn resolve_plan(conn: &Connection, file: &Path) -> Plan {
    let rows: Vec<[String; 7]> = read_rows(file);
    let mut phases: Vec<(String, String)> = Vec::new();
    let mut owners: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut tasks = Vec::with_capacity(rows.len());
    for [title, phase, owner, start, due, status, _] in &rows {
        if phases.last().is_none_or(|(_, name)| name != phase) {
            phases.push((uuid::Uuid::now_v7().to_string(), phase.clone()));
        }
        let owner_id = owners
            .entry(owner.clone())
            .or_insert_with(|| {
                conn.query_row(
                    "SELECT id FROM people WHERE name = ?1",
                    params![owner],
                    |r| r.get(0),
                )
                .expect("the owner is in the directory")
            })
            .clone();
        let id = uuid::Uuid::now_v7().to_string();
        ids.insert(title.clone(), id.clone());
        tasks.push(TaskRow {
            id,
            phase_id: phases.last().map(|(id, _)| id.clone()).unwrap_or_default(),
            title: title.clone(),
            owner_id,
            start: start.clone(),
            due: due.clone(),
            status: status.clone(),
        });
    }
    let mut dependencies = Vec::new();
    for [title, .., after] in &rows {
        for predecessor in after.split("; ").filter(|p| !p.is_empty()) {
            dependencies.push((ids[title].clone(), ids[predecessor].clone()));
        }
    }
    Plan {
        phases,
        tasks,
        dependencies,
    }
}
