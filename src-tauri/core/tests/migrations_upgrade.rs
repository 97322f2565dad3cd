//! Upgrading old databases. For every earlier schema version N, a file is built with only
//! the first N migrations and filled with the rows a clinic would have had then (raw SQL
//! matching that version's tables), then opened by this version. Every row must still be
//! there and readable through the Store, and a `before-migration` backup must hold the
//! file as it was.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rollplan_core::audit::EntityKind;
use rollplan_core::backup::{list_backups, BackupReason};
use rollplan_core::store::LATEST_SCHEMA_VERSION;
use rollplan_core::training::MatrixFilter;
use rollplan_core::Store;

const ROLLOUT: &str = "0190a000-0000-7000-8000-000000000001";
const PERSON: &str = "0190a000-0000-7000-8000-000000000002";
const MODULE: &str = "0190a000-0000-7000-8000-000000000003";
const SOP: &str = "0190a000-0000-7000-8000-000000000004";
const TASK_BUILD: &str = "0190a000-0000-7000-8000-000000000005";
const TASK_TEST: &str = "0190a000-0000-7000-8000-000000000006";
const METRIC: &str = "0190a000-0000-7000-8000-000000000007";

/// The migration files in order, read from disk so a new migration joins the test.
fn migration_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("migrations folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

/// Rows as a clinic on schema `version` would have them, oldest tables first. Each entry
/// is (the version that introduced the table, SQL for that version's columns).
const ROWS: &[(i64, &str)] = &[
    (1, "INSERT INTO rollouts (id, name, kind, goal, sites, sponsor, owner, start_date,
             go_live_date, phase, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000001', 'Epic go-live', 'ehr_go_live',
             'Every clinic on the new EHR', '[\"Riverside\",\"Northgate\"]', 'Dr. Okafor',
             'Priya Nair', '2026-09-01', '2027-02-01', 'preparing',
             '2026-09-01T09:00:00.000Z', '2026-09-01T09:00:00.000Z');
         INSERT INTO audit_log (at, entity_type, entity_id, action)
         VALUES ('2026-09-01T09:00:00.000Z', 'rollout', '0190a000-0000-7000-8000-000000000001', 'create');"),
    (2, "INSERT INTO people (id, name, role_id, department, email, super_user, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000002', 'Grace Kim',
             '00000000-0000-4000-8000-000000000001', 'Riverside', 'grace@riverside.example', 1,
             '2026-09-02T09:00:00.000Z', '2026-09-02T09:00:00.000Z');"),
    (3, "INSERT INTO training_modules (id, title, format, duration_minutes, description, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000003', 'Check-in workflow', 'classroom', 90,
             'Registration and insurance capture', '2026-09-03T09:00:00.000Z', '2026-09-03T09:00:00.000Z');
         INSERT INTO training_requirements (id, rollout_id, role_id, module_id, due_date, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000a1', '0190a000-0000-7000-8000-000000000001',
             '00000000-0000-4000-8000-000000000001', '0190a000-0000-7000-8000-000000000003',
             '2027-01-15', '2026-09-03T09:00:00.000Z', '2026-09-03T09:00:00.000Z');
         INSERT INTO training_records (id, person_id, module_id, status, completed_on, score, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000a2', '0190a000-0000-7000-8000-000000000002',
             '0190a000-0000-7000-8000-000000000003', 'completed', '2026-10-01', 92.5,
             '2026-09-03T09:00:00.000Z', '2026-10-01T09:00:00.000Z');"),
    // Without the owner column, renamed in version 10 (tests/criteria.rs upgrades it).
    (4, "INSERT INTO readiness_criteria (id, rollout_id, category, title, status, evidence, hard_gate, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000a3', '0190a000-0000-7000-8000-000000000001',
             'technology', 'Interfaces tested end to end', 'at_risk', 'Test log', 1,
             '2026-09-04T09:00:00.000Z', '2026-09-04T09:00:00.000Z');"),
    (5, "INSERT INTO sops (id, code, title, purpose, scope, owner, status, version, effective_date,
             review_interval_months, tags, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000004', 'FD-012', 'Patient check-in',
             'Check patients in the same way every time', 'Front desk', 'Grace Kim', 'approved', 1,
             '2026-10-01', 12, '[\"front desk\"]', '2026-09-05T09:00:00.000Z', '2026-10-01T09:00:00.000Z');
         INSERT INTO sop_steps (sop_id, position, role, instruction, quality_check)
         VALUES ('0190a000-0000-7000-8000-000000000004', 1, 'Front desk', 'Confirm name and date of birth', 'Two identifiers');
         INSERT INTO sop_exceptions (sop_id, position, trigger, action, escalate_to, within, evidence)
         VALUES ('0190a000-0000-7000-8000-000000000004', 1, 'Insurance card missing', 'Self-pay estimate',
             'Billing lead', 'same day', 'Note in chart');
         INSERT INTO sop_revisions (id, sop_id, version, approved_by, approved_at, effective_date, snapshot)
         VALUES ('0190a000-0000-7000-8000-0000000000a4', '0190a000-0000-7000-8000-000000000004', 1,
             'Dr. Okafor', '2026-10-01T09:00:00.000Z', '2026-10-01',
             '{\"id\":\"0190a000-0000-7000-8000-000000000004\",\"code\":\"FD-012\",\"title\":\"Patient check-in\",
               \"purpose\":\"Check patients in the same way every time\",\"scope\":\"Front desk\",\"owner\":\"Grace Kim\",
               \"status\":\"approved\",\"version\":1,\"effective_date\":\"2026-10-01\",\"review_interval_months\":12,
               \"next_review_override\":null,\"next_review_date\":\"2027-10-01\",\"tags\":[\"front desk\"],
               \"steps\":[{\"role\":\"Front desk\",\"instruction\":\"Confirm name and date of birth\",\"quality_check\":\"Two identifiers\"}],
               \"exceptions\":[{\"trigger\":\"Insurance card missing\",\"action\":\"Self-pay estimate\",\"escalate_to\":\"Billing lead\",\"within\":\"same day\",\"evidence\":\"Note in chart\"}],
               \"row_version\":2}');
         INSERT INTO sop_search (sop_id, code, title, purpose, body)
         VALUES ('0190a000-0000-7000-8000-000000000004', 'FD-012', 'Patient check-in',
             'Check patients in the same way every time', 'Confirm name and date of birth');"),
    (6, "INSERT INTO sop_rollouts (sop_id, rollout_id, relation, created_at)
         VALUES ('0190a000-0000-7000-8000-000000000004', '0190a000-0000-7000-8000-000000000001',
             'changes', '2026-09-06T09:00:00.000Z');"),
    (7, "INSERT INTO plan_phases (id, rollout_id, name, position, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000b1', '0190a000-0000-7000-8000-000000000001', 'Build', 1,
             '2026-09-07T09:00:00.000Z', '2026-09-07T09:00:00.000Z');
         INSERT INTO plan_tasks (id, rollout_id, phase_id, title, kind, owner_id, start_date, due_date, status, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000005', '0190a000-0000-7000-8000-000000000001',
                 '0190a000-0000-7000-8000-0000000000b1', 'Build interfaces', 'task',
                 '0190a000-0000-7000-8000-000000000002', '2026-11-02', '2026-11-20', 'doing',
                 '2026-09-07T09:00:00.000Z', '2026-09-07T09:00:00.000Z'),
                ('0190a000-0000-7000-8000-000000000006', '0190a000-0000-7000-8000-000000000001',
                 '0190a000-0000-7000-8000-0000000000b1', 'Interfaces signed off', 'milestone',
                 NULL, '2026-11-23', '2026-11-23', 'todo',
                 '2026-09-07T09:00:00.000Z', '2026-09-07T09:00:00.000Z');
         INSERT INTO plan_dependencies (task_id, depends_on_id, created_at)
         VALUES ('0190a000-0000-7000-8000-000000000006', '0190a000-0000-7000-8000-000000000005', '2026-09-07T09:00:00.000Z');
         INSERT INTO risks (id, rollout_id, title, likelihood, impact, mitigation, owner_id, status, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000b2', '0190a000-0000-7000-8000-000000000001',
             'Interface vendor late', 3, 4, 'Weekly vendor call', '0190a000-0000-7000-8000-000000000002',
             'open', '2026-09-07T09:00:00.000Z', '2026-09-07T09:00:00.000Z');
         INSERT INTO decisions (id, rollout_id, decided_on, title, choice, rationale, decided_by, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000b3', '0190a000-0000-7000-8000-000000000001', '2026-09-08',
             'Big-bang go-live', 'All clinics on one day', 'One cut-over weekend', 'Steering group',
             '2026-09-08T09:00:00.000Z', '2026-09-08T09:00:00.000Z');
         INSERT INTO communications (id, rollout_id, audience, channel, message, send_on, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000b4', '0190a000-0000-7000-8000-000000000001', 'All staff',
             'Email', 'Go-live is 1 February', '2026-12-01',
             '2026-09-08T09:00:00.000Z', '2026-09-08T09:00:00.000Z');
         INSERT INTO stakeholders (id, rollout_id, name, is_group, notes, awareness, desire, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000b5', '0190a000-0000-7000-8000-000000000001', 'Front desk team',
             1, 'Worried about queues', 4, 2, '2026-09-08T09:00:00.000Z', '2026-09-08T09:00:00.000Z');
         INSERT INTO stakeholder_raci (stakeholder_id, workstream, role, position)
         VALUES ('0190a000-0000-7000-8000-0000000000b5', 'Check-in', 'responsible', 1);
         INSERT INTO scope_changes (id, rollout_id, logged_on, cut, reason, protected, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000b6', '0190a000-0000-7000-8000-000000000001', '2026-09-09',
             'Patient portal', 'Vendor capacity', 'Check-in', '2026-09-09T09:00:00.000Z', '2026-09-09T09:00:00.000Z');"),
    (8, "INSERT INTO metrics (id, rollout_id, name, definition, unit, direction, indicator, data_source, cadence,
             owner_id, baseline_value, baseline_date, target_value, target_date, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000007', '0190a000-0000-7000-8000-000000000001',
             'Check-in time', 'Minutes from arrival to roomed', 'minutes', 'lower_is_better', 'leading',
             'EHR timestamps', 'weekly', '0190a000-0000-7000-8000-000000000002', 14, '2026-10-05', 9, '2027-03-01',
             '2026-10-05T09:00:00.000Z', '2026-10-05T09:00:00.000Z');
         INSERT INTO metric_thresholds (id, metric_id, level, value, action, owner_role, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000c1', '0190a000-0000-7000-8000-000000000007', 'act', 16,
             'Super-users staff the desk at peak hours', 'front-desk lead',
             '2026-10-05T09:00:00.000Z', '2026-10-05T09:00:00.000Z');
         INSERT INTO metric_measurements (id, metric_id, measured_on, value, note, source, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-0000000000c2', '0190a000-0000-7000-8000-000000000007', '2026-10-12',
                 13.5, 'First week', 'EHR report', '2026-10-12T09:00:00.000Z', '2026-10-12T09:00:00.000Z'),
                ('0190a000-0000-7000-8000-0000000000c3', '0190a000-0000-7000-8000-000000000007', '2026-10-19',
                 12.0, '', 'EHR report', '2026-10-19T09:00:00.000Z', '2026-10-19T09:00:00.000Z');"),
];

/// A database at schema `version`, holding the rows of every table that version has.
fn database_at(dir: &Path, version: i64) -> PathBuf {
    let path = dir.join(format!("v{version}.db"));
    let mut conn = rusqlite::Connection::open(&path).expect("raw open");
    // One transaction, no syncs: a fixture needs no durability, and the test stays fast.
    conn.pragma_update(None, "synchronous", "OFF")
        .expect("synchronous");
    let conn = conn.transaction().expect("transaction");
    for file in migration_files().iter().take(version as usize) {
        let sql = std::fs::read_to_string(file).expect("migration");
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{} applies: {e}", file.display()));
    }
    for (since, sql) in ROWS.iter().filter(|(since, _)| *since <= version) {
        conn.execute_batch(sql)
            .unwrap_or_else(|e| panic!("version {version}: rows of version {since}: {e}"));
    }
    conn.pragma_update(None, "user_version", version)
        .expect("user_version");
    conn.commit().expect("commit");
    path
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")
}

/// Everything `database_at(version)` put in, read back through the Store.
fn assert_rows_readable(store: &Store, version: i64) {
    let at = |what: &str| format!("a version-{version} database keeps its {what}");
    let rollout = store
        .get_rollout(ROLLOUT)
        .unwrap_or_else(|e| panic!("{}: {e}", at("rollout")));
    assert_eq!(rollout.name, "Epic go-live", "{}", at("rollout"));
    assert_eq!(rollout.sites, ["Riverside", "Northgate"], "{}", at("sites"));
    assert_eq!(
        store
            .history(EntityKind::Rollout, ROLLOUT)
            .expect("history")
            .len(),
        1,
        "{}",
        at("audit log")
    );
    if version >= 2 {
        let person = store.get_person(PERSON).expect("person");
        assert_eq!(
            (person.name.as_str(), person.super_user),
            ("Grace Kim", true)
        );
    }
    if version >= 3 {
        assert_eq!(
            store.list_training_modules().expect("modules")[0].id,
            MODULE
        );
        assert_eq!(
            store
                .list_requirements(ROLLOUT)
                .expect("requirements")
                .len(),
            1
        );
        let matrix = store
            .training_matrix(
                &MatrixFilter {
                    rollout_id: Some(ROLLOUT.into()),
                    ..MatrixFilter::default()
                },
                today(),
            )
            .expect("matrix");
        assert_eq!(
            (matrix.required, matrix.done),
            (1, 1),
            "{}",
            at("training record")
        );
    }
    if version >= 4 {
        let criteria = store.list_criteria(ROLLOUT).expect("criteria");
        assert_eq!(criteria[0].title, "Interfaces tested end to end");
    }
    if version >= 5 {
        let sop = store.get_sop(SOP).expect("sop");
        assert_eq!(
            (sop.steps.len(), sop.exceptions.len()),
            (1, 1),
            "{}",
            at("SOP")
        );
        let revisions = store.sop_revisions(SOP).expect("revisions");
        assert_eq!(
            revisions[0].snapshot.code,
            "FD-012",
            "{}",
            at("approved SOP")
        );
        assert_eq!(store.search_sops("check-in", 10).expect("search").len(), 1);
    }
    if version >= 6 {
        assert_eq!(store.sops_for_rollout(ROLLOUT).expect("links").len(), 1);
    }
    if version >= 7 {
        let tasks = store.list_tasks(ROLLOUT).expect("tasks");
        assert_eq!(tasks.len(), 2, "{}", at("tasks"));
        let signed_off = tasks.iter().find(|t| t.id == TASK_TEST).expect("milestone");
        assert_eq!(
            signed_off.depends_on,
            [rollplan_core::plan::TaskLink::finish_to_start(TASK_BUILD)],
            "{}",
            at("dependencies")
        );
        // Tasks written before version 26 are numbered by its migration, in plan order
        // (this test's rows are written by hand, so later versions get no number).
        if version < 26 {
            assert_eq!(
                tasks
                    .iter()
                    .map(|t| (t.number, t.percent_complete))
                    .collect::<Vec<_>>(),
                [(1, 0), (2, 0)],
                "{}",
                at("tasks numbered in plan order")
            );
        }
        assert_eq!(store.list_risks(ROLLOUT).expect("risks").len(), 1);
        assert_eq!(store.list_decisions(ROLLOUT).expect("decisions").len(), 1);
        assert_eq!(
            store.list_communications(ROLLOUT).expect("messages").len(),
            1
        );
        let stakeholders = store.list_stakeholders(ROLLOUT).expect("stakeholders");
        assert_eq!(stakeholders[0].raci.len(), 1, "{}", at("RACI"));
        assert_eq!(store.list_scope_changes(ROLLOUT).expect("scope").len(), 1);
    }
    if version >= 8 {
        let metrics = store.list_metrics(ROLLOUT).expect("metrics");
        assert_eq!(metrics.len(), 1, "{}", at("metric"));
        assert_eq!(
            (
                metrics[0].owner_name.as_str(),
                metrics[0].act.as_ref().map(|t| t.value)
            ),
            ("Grace Kim", Some(16.0)),
            "{}",
            at("metric's owner and act level")
        );
        let values = store.list_measurements(METRIC).expect("measurements");
        assert_eq!(values.len(), 2, "{}", at("measurements"));
    }
}

#[test]
fn every_earlier_version_upgrades_with_every_row_and_a_backup_of_the_old_file() {
    let files = migration_files();
    assert_eq!(
        files.len() as i64,
        LATEST_SCHEMA_VERSION,
        "one SQL file per migration"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    for version in 1..LATEST_SCHEMA_VERSION {
        let path = database_at(dir.path(), version);
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("a version-{version} database opens: {e}"));
        assert!(
            store.check().expect("check").is_healthy(),
            "version {version} upgrades to a healthy file"
        );
        assert_rows_readable(&store, version);
        store
            .create_rollout(&rollplan_core::rollouts::RolloutDraft {
                name: "After the upgrade".into(),
                ..Default::default()
            })
            .unwrap_or_else(|e| {
                panic!("an upgraded version-{version} database takes new rows: {e}")
            });

        let backups: Vec<_> = list_backups(&path)
            .expect("list")
            .into_iter()
            .filter(|b| b.reason == BackupReason::BeforeMigration)
            .collect();
        assert_eq!(
            backups.len(),
            1,
            "version {version}: one before-migration backup"
        );
        let old = rusqlite::Connection::open(&backups[0].path).expect("open backup");
        let old_version: i64 = old
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(
            old_version, version,
            "the before-migration backup holds the file as it was, before the upgrade"
        );
        let rollouts: i64 = old
            .query_row("SELECT count(*) FROM rollouts", [], |r| r.get(0))
            .expect("count");
        assert_eq!(rollouts, 1, "the backup holds the old rows");
    }
}

#[test]
fn an_up_to_date_or_brand_new_database_is_not_backed_up_for_a_migration() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    drop(Store::open(&path).expect("create"));
    let empty_old = database_at(dir.path(), 0);
    drop(Store::open(&empty_old).expect("a file without a schema is set up"));
    let latest = database_at(dir.path(), LATEST_SCHEMA_VERSION);
    drop(Store::open(&latest).expect("open"));
    for path in [&path, &empty_old, &latest] {
        assert!(
            !list_backups(path)
                .expect("list")
                .iter()
                .any(|b| b.reason == BackupReason::BeforeMigration),
            "{}: no migration ran, so no before-migration backup",
            path.display()
        );
    }
}
