//! Readiness on earlier days, rebuilt from the records and the audit log: each week's
//! score is what the verdict would have said that day.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{clinic_in, date};
use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory, Verdict};
use rollplan_core::Store;

/// Moves the moment a record was written (its audit entries of `action`, and for a
/// creation its `created_at`) to `at`, as if the work had been done that day.
fn backdate(db: &rusqlite::Connection, id: &str, action: &str, at: &str) {
    let moved = db
        .execute(
            "UPDATE audit_log SET at = ?3 WHERE entity_id = ?1 AND action = ?2",
            rusqlite::params![id, action, at],
        )
        .expect("backdate audit");
    assert!(moved > 0, "{id} has a '{action}' entry to move");
    if action == "create" {
        for table in ["rollouts", "readiness_criteria"] {
            db.execute(
                &format!("UPDATE {table} SET created_at = ?2 WHERE id = ?1"),
                rusqlite::params![id, at],
            )
            .expect("backdate created_at");
        }
    }
}

#[test]
fn each_week_reads_as_the_verdict_read_that_day() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("trend.db");
    let clinic = clinic_in(Store::open(&path).expect("store"));
    let store = &clinic.store;
    let criterion = |title: &str, hard_gate: bool, status: CriterionStatus| {
        store
            .create_criterion(
                &clinic.rollout,
                &CriterionDraft {
                    category: ReadinessCategory::Technology,
                    title: title.into(),
                    hard_gate,
                    status,
                    ..CriterionDraft::default()
                },
            )
            .expect("criterion")
    };
    // A hard gate not met at first, met on Nov 20; a checklist met from the start and
    // trashed on Nov 26; signage added on Nov 12, at risk since.
    let kiosks = criterion("Check-in kiosks tested", true, CriterionStatus::NotMet);
    store
        .update_criterion(
            &kiosks.id,
            kiosks.row_version,
            &CriterionDraft {
                category: ReadinessCategory::Technology,
                title: kiosks.title.clone(),
                hard_gate: true,
                status: CriterionStatus::Met,
                ..CriterionDraft::default()
            },
        )
        .expect("kiosks met");
    let checklist = criterion("Go-live checklist printed", false, CriterionStatus::Met);
    store.trash_criterion(&checklist.id).expect("trash");
    let signage = criterion("Lobby signage", false, CriterionStatus::AtRisk);
    // Three front-desk staff must take the module by Dec 1: Ana finished on Nov 5, Ben on
    // Nov 15, Cai not yet.
    let people = store.list_people(false).expect("people");
    let id_of = |name: &str| people.iter().find(|p| p.name == name).unwrap().id.clone();
    let today = date("2026-12-01");
    for (name, on) in [("Ana", "2026-11-05"), ("Ben", "2026-11-15")] {
        store
            .complete_training(&clinic.module, &[id_of(name)], on, None, today)
            .expect("trained");
    }

    let db = rusqlite::Connection::open(&path).expect("raw open");
    backdate(&db, &clinic.rollout, "create", "2026-10-01T09:00:00.000Z");
    backdate(&db, &kiosks.id, "create", "2026-10-01T09:00:00.000Z");
    backdate(&db, &kiosks.id, "update", "2026-11-20T15:00:00.000Z");
    backdate(&db, &checklist.id, "create", "2026-10-01T09:00:00.000Z");
    backdate(&db, &checklist.id, "trash", "2026-11-26T08:00:00.000Z");
    backdate(&db, &signage.id, "create", "2026-11-12T10:00:00.000Z");
    drop(db);

    let trend = store
        .readiness_trend(&clinic.rollout, today)
        .expect("trend");
    let read: Vec<(String, i64, Verdict)> = trend
        .points
        .iter()
        .map(|p| (p.on.to_string(), p.score, p.verdict))
        .collect();
    // Hard gates weigh twice: kiosks (2), front-desk training (2), then the others (1).
    assert_eq!(
        read,
        vec![
            // Kiosks 0, training 0 of 3, checklist met: 1 of 5.
            ("2026-11-03".into(), 20, Verdict::NoGo),
            // Ana trained: (2 x 1/3 + 1) of 5.
            ("2026-11-10".into(), 33, Verdict::NoGo),
            // Ben trained, signage at risk: (2 x 2/3 + 1 + 0.5) of 6.
            ("2026-11-17".into(), 47, Verdict::NoGo),
            // Kiosks met: (2 + 2 x 2/3 + 1 + 0.5) of 6.
            ("2026-11-24".into(), 81, Verdict::NoGo),
            // The checklist is in the trash: (2 + 2 x 2/3 + 0.5) of 5.
            ("2026-12-01".into(), 77, Verdict::NoGo),
        ],
        "each week weighs what stood at the end of that day"
    );
    let now = store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    let last = trend.points.last().unwrap();
    assert_eq!(
        (last.score, last.verdict),
        (now.score, now.verdict),
        "today's point is today's verdict"
    );
    assert_eq!(trend.summary, "Up 57 points since Nov 3, 2026 (20 → 77)");
}

#[test]
fn a_rollout_started_today_has_no_earlier_week() {
    let clinic = common::clinic();
    let today = chrono::Local::now().date_naive();
    let trend = clinic
        .store
        .readiness_trend(&clinic.rollout, today)
        .expect("trend");
    assert_eq!(trend.points.len(), 1, "only today: {:?}", trend.points);
    assert_eq!(trend.summary, "", "nothing to compare with");
}
