//! *Plan the next wave*: the last wave's plan, checklist, risks, training requirements,
//! metrics with their levels and communications copied to a new rollout with dates moved
//! by the gap between the go-lives and statuses reset, in one transaction that leaves
//! every row already in the file as it was; and a go-live before the previous wave's
//! refused with both dates named.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use rollplan_core::bundle::Bundle;
use rollplan_core::demo::seed_sample_clinic;
use rollplan_core::plan::TaskStatus;
use rollplan_core::programmes::{ProgrammeDraft, WaveDraft};
use rollplan_core::readiness::CriterionStatus;
use rollplan_core::workspace::{CommunicationDraft, DecisionDraft, RiskDraft, RiskStatus};
use rollplan_core::Store;
use rusqlite::types::ValueRef;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// Every row of every table, as text, sorted: what "nothing changed" is checked against.
fn snapshot(path: &Path) -> BTreeMap<String, Vec<String>> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        // Ordinary tables only: a full-text index's shadow tables are SQLite's
        // bookkeeping (it merges their segments as it likes), not records.
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
            let columns = statement.column_count();
            let mut rows: Vec<String> = statement
                .query_map([], |row| {
                    Ok((0..columns)
                        .map(|i| match row.get_ref(i).unwrap() {
                            ValueRef::Null => "∅".to_owned(),
                            ValueRef::Integer(v) => v.to_string(),
                            ValueRef::Real(v) => v.to_string(),
                            ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                            ValueRef::Blob(b) => format!("{b:?}"),
                        })
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// The source rollout's content as an export reads it, without the time of reading and
/// without its programme's list of waves (which gains the new one, as it should).
fn content(store: &Store, rollout_id: &str) -> Bundle {
    let mut bundle = store.export_bundle(rollout_id, true, today()).unwrap();
    bundle.exported_at.clear();
    bundle.programme = None;
    bundle
}

/// The sample clinic in a file, its EHR go-live wave 1 of a programme, with a risk, a
/// decision and a communication already sent added so that every section is copied
/// or left behind for a reason.
fn clinic(path: &Path) -> (Store, String, String) {
    let store = Store::open(path).unwrap();
    let rollouts = seed_sample_clinic(&store, today()).unwrap();
    without_sample_programme(&store);
    let ehr = rollouts[0].id.clone();
    store
        .create_risk(
            &ehr,
            &RiskDraft {
                title: "Label printers not mapped".into(),
                likelihood: 3,
                impact: 4,
                status: RiskStatus::Mitigating,
                ..RiskDraft::default()
            },
        )
        .unwrap();
    store
        .create_decision(
            &ehr,
            &DecisionDraft {
                decided_on: "2026-10-20".into(),
                title: "Lab interface moves to phase 2".into(),
                choice: "Manual results entry".into(),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
    store
        .create_communication(
            &ehr,
            &CommunicationDraft {
                audience: "All staff".into(),
                channel: "Email".into(),
                message: "Go-live schedule and reduced clinics".into(),
                send_on: "2026-10-26".into(),
                sent_on: Some("2026-10-26".into()),
                ..CommunicationDraft::default()
            },
        )
        .unwrap();
    let programme = store
        .create_programme(&ProgrammeDraft {
            name: "EHR across ten sites".into(),
            ..ProgrammeDraft::default()
        })
        .unwrap();
    store.add_rollout_to_programme(&programme.id, &ehr).unwrap();
    (store, programme.id, ehr)
}

/// Takes the sample clinic's own programme apart (its wave released, the programme
/// removed), so that each test groups the sample's rollouts itself.
fn without_sample_programme(store: &Store) {
    let sample = store
        .find_programme(rollplan_core::demo::SAMPLE_PROGRAMME)
        .unwrap();
    for wave in store.programme_waves(&sample.id).unwrap().waves {
        store
            .remove_rollout_from_programme(&wave.rollout.id)
            .unwrap();
    }
    store.trash_programme(&sample.id).unwrap();
}

fn wave_two(go_live: NaiveDate) -> WaveDraft {
    WaveDraft {
        name: "EHR go-live: wave 2".into(),
        go_live_date: go_live.to_string(),
        sites: vec!["Eastside Clinic".into(), "Northgate Pediatrics".into()],
    }
}

#[test]
fn the_next_wave_copies_the_plan_moved_to_its_go_live_and_leaves_the_source_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.db");
    let (store, programme, ehr) = clinic(&path);
    let source = content(&store, &ehr);
    let before = snapshot(&path);

    let previous_go_live = source.rollout.go_live_date.unwrap();
    let shift = Duration::days(91);
    let wave = store
        .plan_next_wave(&programme, &wave_two(previous_go_live + shift), today())
        .unwrap();
    assert_eq!(wave.number, 2, "the new rollout is the programme's wave 2");

    // Nothing of the previous wave changes: every row already in the file is still
    // there as it was, table by table, and the source reads the same.
    let after = snapshot(&path);
    for (table, rows) in &before {
        let now = &after[table];
        let missing: Vec<&String> = rows.iter().filter(|r| !now.contains(r)).collect();
        assert!(
            missing.is_empty(),
            "planning a wave must leave every existing row of {table} as it was; changed: {missing:?}"
        );
    }
    assert_eq!(
        content(&store, &ehr),
        source,
        "the previous wave's content (every section, every field) is unchanged"
    );

    let copy = content(&store, &wave.rollout.id);
    assert_eq!(
        copy.rollout.sites,
        vec![
            "Eastside Clinic".to_owned(),
            "Northgate Pediatrics".to_owned()
        ],
        "the new wave reaches the sites chosen"
    );
    assert_eq!(copy.rollout.go_live_date, Some(previous_go_live + shift));
    assert_eq!(
        copy.rollout.start_date,
        source.rollout.start_date.map(|d| d + shift),
        "the start moves with the go-live"
    );

    // Copied, one for one.
    for (section, copied, original) in [
        ("phases", copy.phases.len(), source.phases.len()),
        ("tasks", copy.tasks.len(), source.tasks.len()),
        ("links", copy.dependencies.len(), source.dependencies.len()),
        ("criteria", copy.criteria.len(), source.criteria.len()),
        ("risks", copy.risks.len(), source.risks.len()),
        (
            "training requirements",
            copy.training_requirements.len(),
            source.training_requirements.len(),
        ),
        ("metrics", copy.metrics.len(), source.metrics.len()),
        (
            "metric levels",
            copy.metric_thresholds.len(),
            source.metric_thresholds.len(),
        ),
        (
            "communications",
            copy.communications.len(),
            source.communications.len(),
        ),
        ("SOPs", copy.sops.len(), source.sops.len()),
    ] {
        assert!(
            original > 0,
            "the sample's EHR go-live has {section} to copy"
        );
        assert_eq!(
            copied, original,
            "every one of the wave's {section} is copied"
        );
    }
    // Left with the previous wave. (Training records belong to people, not to a
    // rollout: none is written, and a person already trained on a module stays so.)
    for (section, left) in [
        ("decisions", copy.decisions.len()),
        ("measurements", copy.metric_measurements.len()),
        ("debriefs", copy.debriefs.len()),
        ("weekly statuses", copy.weekly_statuses.len()),
        ("improvement cycles", copy.pdsa_cycles.len()),
        ("scope changes", copy.scope_changes.len()),
        ("stakeholders", copy.stakeholders.len()),
    ] {
        assert_eq!(left, 0, "the previous wave's {section} stay with it");
    }
    assert_eq!(
        before["training_records"], after["training_records"],
        "planning a wave writes no training record"
    );
    // Dates moved exactly by the gap between the go-lives.
    let mut moved_tasks: Vec<_> = source
        .tasks
        .iter()
        .map(|t| {
            (
                t.title.clone(),
                t.start_date.map(|d| d + shift),
                t.due_date.map(|d| d + shift),
            )
        })
        .collect();
    let mut copied_tasks: Vec<_> = copy
        .tasks
        .iter()
        .map(|t| (t.title.clone(), t.start_date, t.due_date))
        .collect();
    moved_tasks.sort();
    copied_tasks.sort();
    assert_eq!(
        copied_tasks, moved_tasks,
        "every task's dates move by the gap"
    );
    let mut due: Vec<_> = source
        .training_requirements
        .iter()
        .map(|r| r.due_date + shift)
        .collect();
    let mut copied_due: Vec<_> = copy
        .training_requirements
        .iter()
        .map(|r| r.due_date)
        .collect();
    due.sort();
    copied_due.sort();
    assert_eq!(
        copied_due, due,
        "training is due the same days before go-live"
    );
    let mut sends: Vec<_> = source
        .communications
        .iter()
        .map(|c| c.send_on + shift)
        .collect();
    let mut copied_sends: Vec<_> = copy.communications.iter().map(|c| c.send_on).collect();
    sends.sort();
    copied_sends.sort();
    assert_eq!(
        copied_sends, sends,
        "messages go out the same days before go-live"
    );

    // Statuses back at their start.
    assert!(
        copy.tasks.iter().all(|t| t.status == TaskStatus::Todo),
        "every task starts not started"
    );
    assert!(
        copy.criteria
            .iter()
            .all(|c| c.status == CriterionStatus::NotMet && c.evidence.is_empty()),
        "every criterion starts open, without the previous wave's evidence"
    );
    assert!(
        copy.risks.iter().all(|r| r.status == RiskStatus::Open),
        "every risk starts open for the new sites"
    );
    assert!(
        copy.communications.iter().all(|c| c.sent_on.is_none()),
        "no message of the new wave is sent yet"
    );
    assert!(
        copy.metrics
            .iter()
            .all(|m| m.baseline_value.is_none() && m.baseline_date.is_none()),
        "the new sites measure their own baseline"
    );
    assert!(
        source
            .tasks
            .iter()
            .all(|s| copy.tasks.iter().all(|c| c.id != s.id)),
        "the copy's records have ids of their own"
    );
}

#[test]
fn a_wave_going_live_before_the_previous_one_is_refused_with_both_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.db");
    let (store, programme, ehr) = clinic(&path);
    let previous = store.get_rollout(&ehr).unwrap().go_live_date.unwrap();
    let before = snapshot(&path);
    let early = previous - Duration::days(1);
    let refused = store
        .plan_next_wave(&programme, &wave_two(early), today())
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains(&early.to_string()) && refused.contains(&previous.to_string()),
        "the refusal names the new go-live and the previous wave's: {refused}"
    );
    assert_eq!(snapshot(&path), before, "a refused wave writes nothing");
    let no_sites = store
        .plan_next_wave(
            &programme,
            &WaveDraft {
                sites: Vec::new(),
                ..wave_two(previous)
            },
            today(),
        )
        .unwrap_err()
        .to_string();
    assert!(
        no_sites.contains("Choose the sites"),
        "a wave without sites is refused: {no_sites}"
    );
}
