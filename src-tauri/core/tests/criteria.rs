//! Readiness criteria: every field editable, with history, conflicts and the trash;
//! owners from the directory or the role that usually owns one; evidence as a note, a
//! link and a file name.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::clinic;
use rollplan_core::audit::AuditAction;
use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

fn draft(title: &str) -> CriterionDraft {
    CriterionDraft {
        category: ReadinessCategory::Technology,
        title: title.into(),
        owner_role: "IT / interface analyst".into(),
        ..CriterionDraft::default()
    }
}

#[test]
fn every_field_of_a_criterion_is_edited_and_recorded() {
    let clinic = clinic();
    let store = &clinic.store;
    let created = store
        .create_criterion(&clinic.rollout, &draft("Interfaces live-tested"))
        .expect("criterion");
    assert_eq!(
        (created.owner_id.as_deref(), created.owner_role.as_str()),
        (None, "IT / interface analyst"),
        "a new criterion may have only the role that usually owns it"
    );

    let edited = store
        .update_criterion(
            &created.id,
            created.row_version,
            &CriterionDraft {
                category: ReadinessCategory::Data,
                title: "Lab and imaging interfaces live-tested".into(),
                owner: "Ben".into(),
                owner_role: "IT / interface analyst".into(),
                status: CriterionStatus::Met,
                evidence: "Signed off by the lab manager".into(),
                evidence_link: " https://intranet.example/go-live/interface-tests ".into(),
                evidence_file: "Interface test log.xlsx".into(),
                hard_gate: true,
            },
        )
        .expect("edited");
    assert_eq!(edited.category, ReadinessCategory::Data);
    assert_eq!(edited.title, "Lab and imaging interfaces live-tested");
    assert_eq!(
        edited.owner_name, "Ben",
        "the owner is the directory's person"
    );
    assert!(edited.owner_id.is_some(), "the owner is kept by id");
    assert_eq!(edited.status, CriterionStatus::Met);
    assert_eq!(edited.evidence, "Signed off by the lab manager");
    assert_eq!(
        edited.evidence_link, "https://intranet.example/go-live/interface-tests",
        "the link is kept without the spaces around it"
    );
    assert_eq!(edited.evidence_file, "Interface test log.xlsx");
    assert!(edited.hard_gate);
    assert_eq!(edited.row_version, created.row_version + 1);

    let history = store.criterion_history(&created.id).expect("history");
    assert_eq!(history.len(), 2, "created, then edited once");
    let edit = &history[0];
    assert_eq!(edit.action, AuditAction::Update, "newest first");
    let change = |field: &str| {
        edit.changes
            .iter()
            .find(|c| c.field == field)
            .map(|c| (c.old.clone(), c.new.clone()))
            .unwrap_or_else(|| panic!("the history records {field}: {:?}", edit.changes))
    };
    assert_eq!(
        change("category"),
        (Some("technology".into()), Some("data".into()))
    );
    assert_eq!(
        change("owner"),
        (None, Some("Ben".into())),
        "the owner by name"
    );
    assert_eq!(
        change("status"),
        (Some("not_met".into()), Some("met".into()))
    );
    assert_eq!(change("hard_gate"), (Some("no".into()), Some("yes".into())));
    assert_eq!(
        change("evidence_link"),
        (
            None,
            Some("https://intranet.example/go-live/interface-tests".into())
        )
    );
    assert_eq!(
        change("evidence_file"),
        (None, Some("Interface test log.xlsx".into()))
    );
    assert!(
        edit.changes.iter().all(|c| c.field != "owner_role"),
        "an unchanged field is not in the history"
    );
}

#[test]
fn an_edit_based_on_an_old_version_or_a_trashed_criterion_is_refused() {
    let clinic = clinic();
    let store = &clinic.store;
    let created = store
        .create_criterion(&clinic.rollout, &draft("Printers tested in every room"))
        .expect("criterion");
    let mut met = draft("Printers tested in every room");
    met.status = CriterionStatus::Met;
    store
        .update_criterion(&created.id, created.row_version, &met)
        .expect("first edit");

    let mut renamed = draft("Printers and scanners tested");
    renamed.status = CriterionStatus::AtRisk;
    let stale = store.update_criterion(&created.id, created.row_version, &renamed);
    assert!(
        matches!(stale, Err(CoreError::Conflict(_))),
        "an edit of a version that changed since is a conflict: {stale:?}"
    );
    let current = &store.list_criteria(&clinic.rollout).expect("list")[0];
    assert_eq!(
        (current.title.as_str(), current.status),
        ("Printers tested in every room", CriterionStatus::Met),
        "a refused edit writes nothing"
    );

    store.trash_criterion(&created.id).expect("trash");
    assert!(
        store
            .list_criteria(&clinic.rollout)
            .expect("list")
            .is_empty(),
        "a trashed criterion leaves the list"
    );
    let trashed = store.update_criterion(&created.id, current.row_version + 1, &renamed);
    assert!(
        matches!(trashed, Err(CoreError::Conflict(ref m)) if m.contains("trash")),
        "a trashed criterion is restored before it is edited: {trashed:?}"
    );
    store.restore_criterion(&created.id).expect("undo");
    assert_eq!(
        store.list_criteria(&clinic.rollout).expect("list").len(),
        1,
        "undo brings it back"
    );
    let actions: Vec<AuditAction> = store
        .criterion_history(&created.id)
        .expect("history")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            AuditAction::Restore,
            AuditAction::Trash,
            AuditAction::Update,
            AuditAction::Create
        ],
        "trash and undo are in the history"
    );
}

#[test]
fn bad_evidence_or_an_unknown_owner_is_refused_field_by_field() {
    let clinic = clinic();
    let store = &clinic.store;
    let mut bad = draft("Downtime forms printed");
    bad.evidence_link = "intranet/downtime".into();
    bad.evidence_file = "forms\nprinted.pdf".into();
    bad.owner = "Nobody Here".into();
    let Err(CoreError::Validation(errors)) = store.create_criterion(&clinic.rollout, &bad) else {
        panic!("a link without http(s), a file name on two lines and an unknown owner are refused");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["evidence_link", "evidence_file", "owner_not_in_directory"],
        "each problem is named at its field"
    );
    assert!(
        store
            .list_criteria(&clinic.rollout)
            .expect("list")
            .is_empty(),
        "nothing is written"
    );

    for link in ["javascript:alert(1)", "file:///C:/forms.pdf", "https://"] {
        let mut bad = draft("Downtime forms printed");
        bad.evidence_link = link.into();
        assert!(
            store.create_criterion(&clinic.rollout, &bad).is_err(),
            "{link} is not a link a colleague can open"
        );
    }
}

#[test]
fn a_template_brings_the_role_that_usually_owns_each_criterion() {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout_from_template(
            &RolloutDraft {
                name: "Riverside EHR".into(),
                go_live_date: Some("2027-03-01".into()),
                ..RolloutDraft::default()
            },
            "ehr-go-live",
            None,
            // Long before go-live, so the runway asks no question.
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
        )
        .expect("created");
    let criteria = store.list_criteria(&rollout.id).expect("criteria");
    assert!(
        criteria
            .iter()
            .all(|c| !c.owner_role.is_empty() && c.owner_id.is_none()),
        "every template criterion names its usual owner role and no person yet"
    );
    let role_of = |title: &str| {
        criteria
            .iter()
            .find(|c| c.title.starts_with(title))
            .map(|c| c.owner_role.as_str())
    };
    assert_eq!(role_of("All end users completed"), Some("Training lead"));
    assert_eq!(
        role_of("Integrated testing signed off"),
        Some("IT / interface analyst")
    );
    assert_eq!(
        criteria[0].owner_text(),
        "Training lead (role)",
        "exports mark a role as a role"
    );
}

#[test]
fn the_sample_clinic_shows_evidence_on_met_criteria() {
    let store = Store::open_in_memory().expect("store");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, common::date("2026-11-25"))
        .expect("sample clinic");
    let criteria = store.list_criteria(&rollouts[0].id).expect("criteria");
    let with_link = criteria
        .iter()
        .filter(|c| c.status == CriterionStatus::Met && !c.evidence_link.is_empty())
        .count();
    let with_file = criteria
        .iter()
        .filter(|c| c.status == CriterionStatus::Met && !c.evidence_file.is_empty())
        .count();
    assert!(
        with_link > 0 && with_file > 0,
        "some met criteria link to their evidence and name its file"
    );
    assert!(
        criteria.iter().all(|c| c.owner_id.is_some()),
        "the sample clinic's owners are people in its directory"
    );
}

/// A database as version 9 left it: criteria owned by free text.
fn version_9_database(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("v9.db");
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<_> = std::fs::read_dir(&migrations)
        .expect("migrations")
        .map(|entry| entry.expect("entry").path())
        .collect();
    files.sort();
    for file in files.iter().take(9) {
        conn.execute_batch(&std::fs::read_to_string(file).expect("migration"))
            .unwrap_or_else(|e| panic!("{} applies: {e}", file.display()));
    }
    conn.execute_batch(
        "INSERT INTO rollouts (id, name, kind, goal, sites, sponsor, owner, phase, created_at,
             updated_at)
         VALUES ('r1', 'EHR go-live', 'ehr_go_live', '', '[]', '', '', 'planning',
             '2026-09-01T09:00:00.000Z', '2026-09-01T09:00:00.000Z');
         INSERT INTO people (id, name, created_at, updated_at)
         VALUES ('p1', 'Grace Kim', '2026-09-02T09:00:00.000Z', '2026-09-02T09:00:00.000Z'),
                ('p2', 'Sam Lee', '2026-09-02T09:00:00.000Z', '2026-09-02T09:00:00.000Z'),
                ('p3', 'Sam Lee', '2026-09-02T09:00:00.000Z', '2026-09-02T09:00:00.000Z');
         INSERT INTO readiness_criteria (id, rollout_id, category, title, owner, status,
             evidence, hard_gate, created_at, updated_at)
         VALUES ('c1', 'r1', 'people', 'Super-users named', 'grace kim', 'met', 'Roster', 0,
                 '2026-09-04T09:00:00.000Z', '2026-09-04T09:00:00.000Z'),
                ('c2', 'r1', 'technology', 'Interfaces tested', 'IT', 'at_risk', '', 1,
                 '2026-09-04T09:00:01.000Z', '2026-09-04T09:00:01.000Z'),
                ('c3', 'r1', 'data', 'Conversion validated', 'Sam Lee', 'not_met', '', 1,
                 '2026-09-04T09:00:02.000Z', '2026-09-04T09:00:02.000Z');
         PRAGMA user_version = 9;",
    )
    .expect("version 9 rows");
    path
}

#[test]
fn an_owner_typed_before_owners_came_from_the_directory_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&version_9_database(dir.path())).expect("upgraded");
    let criteria = store.list_criteria("r1").expect("criteria");
    let owner = |id: &str| {
        let c = criteria.iter().find(|c| c.id == id).expect("criterion");
        (c.owner_name.as_str(), c.owner_role.as_str())
    };
    assert_eq!(
        owner("c1"),
        ("Grace Kim", ""),
        "a name exactly one person in the directory has becomes that person"
    );
    assert_eq!(owner("c2"), ("", "IT"), "anything else is kept as the role");
    assert_eq!(
        owner("c3"),
        ("", "Sam Lee"),
        "a name two people share is not guessed: it stays as text"
    );
    assert_eq!(
        criteria
            .iter()
            .find(|c| c.id == "c1")
            .map(|c| c.evidence.as_str()),
        Some("Roster"),
        "the evidence note is kept"
    );
}

#[test]
fn handing_a_criterion_to_a_namesake_is_an_edit_too() {
    use rollplan_core::people::PersonDraft;
    let clinic = clinic();
    let store = &clinic.store;
    let ben = |n: usize| {
        store
            .list_people(true)
            .expect("people")
            .into_iter()
            .filter(|p| p.name == "Ben")
            .nth(n)
            .map(|p| p.id)
    };
    store
        .create_person(&PersonDraft {
            name: "Ben".into(),
            ..PersonDraft::default()
        })
        .expect("a second Ben");
    let (first, second) = (ben(0).expect("Ben"), ben(1).expect("the other Ben"));
    let mut owned = draft("Help-desk ticket routing ready");
    owned.owner = first.clone();
    let created = store
        .create_criterion(&clinic.rollout, &owned)
        .expect("criterion");
    owned.owner = second.clone();
    let edited = store
        .update_criterion(&created.id, created.row_version, &owned)
        .expect("handed over");
    assert_eq!(
        edited.owner_id.as_deref(),
        Some(second.as_str()),
        "the other Ben owns it now"
    );
    let history = store.criterion_history(&created.id).expect("history");
    assert!(
        history[0].changes.iter().any(|c| c.field == "owner_id"),
        "the history tells two people of one name apart: {:?}",
        history[0].changes
    );
}
