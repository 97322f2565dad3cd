//! Programmes and waves: rollouts grouped as waves numbered by go-live, a rollout in one
//! programme at a time, a removed programme leaving its rollouts ungrouped until it is
//! restored, and the programme page's figures being the rollouts' own.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use rollplan_core::debriefs::DebriefDraft;
use rollplan_core::demo::seed_sample_clinic;
use rollplan_core::programmes::{ProgrammeDraft, WaveDraft};
use rollplan_core::rollouts::Rollout;
use rollplan_core::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

fn programme(name: &str) -> ProgrammeDraft {
    ProgrammeDraft {
        name: name.into(),
        description: "One EHR, site by site".into(),
        owner: "Dana Whitfield".into(),
    }
}

/// The sample clinic and its rollouts: the EHR go-live first, then the SMS reminders.
fn sample() -> (Store, Vec<Rollout>) {
    let store = Store::open_in_memory().unwrap();
    let rollouts = seed_sample_clinic(&store, today()).unwrap();
    without_sample_programme(&store);
    (store, rollouts)
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

#[test]
fn a_programme_numbers_its_waves_by_go_live() {
    let (store, rollouts) = sample();
    let (ehr, sms) = (&rollouts[0], &rollouts[1]);
    let ehr_programme = store
        .create_programme(&programme("EHR across ten sites"))
        .unwrap();
    store
        .add_rollout_to_programme(&ehr_programme.id, &ehr.id)
        .unwrap();
    let grouped = store
        .add_rollout_to_programme(&ehr_programme.id, &sms.id)
        .unwrap();
    let order: Vec<(i64, Option<NaiveDate>)> = grouped
        .waves
        .iter()
        .map(|w| (w.number, w.rollout.go_live_date))
        .collect();
    let mut by_go_live = [ehr.go_live_date, sms.go_live_date];
    by_go_live.sort();
    assert_eq!(
        order,
        vec![(1, by_go_live[0]), (2, by_go_live[1])],
        "waves are numbered 1, 2 … in the order of their go-lives"
    );
    let home = store.list_programmes().unwrap();
    assert_eq!(home.len(), 1, "Home lists the one programme");
    assert_eq!(
        home[0].waves.len(),
        2,
        "Home groups the programme's two waves under its name"
    );
    assert_eq!(
        store.programme_of_rollout(&ehr.id).unwrap().map(|p| p.name),
        Some("EHR across ten sites".to_owned()),
        "a rollout knows the programme it is a wave of"
    );
}

#[test]
fn a_rollout_is_a_wave_of_one_programme_at_a_time() {
    let (store, rollouts) = sample();
    let first = store
        .create_programme(&programme("EHR across ten sites"))
        .unwrap();
    let second = store
        .create_programme(&programme("Front desk redesign"))
        .unwrap();
    store
        .add_rollout_to_programme(&first.id, &rollouts[0].id)
        .unwrap();
    let refused = store
        .add_rollout_to_programme(&second.id, &rollouts[0].id)
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("already a wave of 'EHR across ten sites'")
            && refused.contains("one programme at a time"),
        "a second programme is refused with a sentence naming the first: {refused}"
    );
    assert!(
        store.programme_waves(&second.id).unwrap().waves.is_empty(),
        "the refused rollout did not join the second programme"
    );
    store
        .remove_rollout_from_programme(&rollouts[0].id)
        .unwrap();
    store
        .add_rollout_to_programme(&second.id, &rollouts[0].id)
        .unwrap();
    assert_eq!(
        store
            .programme_of_rollout(&rollouts[0].id)
            .unwrap()
            .map(|p| p.id),
        Some(second.id),
        "once taken out of the first, the rollout can join the second"
    );
}

#[test]
fn removing_a_programme_leaves_its_rollouts_ungrouped_until_it_is_restored() {
    let (store, rollouts) = sample();
    let ehr = store
        .create_programme(&programme("EHR across ten sites"))
        .unwrap();
    store
        .add_rollout_to_programme(&ehr.id, &rollouts[0].id)
        .unwrap();
    store.trash_programme(&ehr.id).unwrap();
    assert!(
        store.list_programmes().unwrap().is_empty(),
        "a removed programme is not on Home"
    );
    assert_eq!(
        store.programme_of_rollout(&rollouts[0].id).unwrap(),
        None,
        "its rollout reads as ungrouped"
    );
    assert!(
        store
            .get_rollout(&rollouts[0].id)
            .unwrap()
            .deleted_at
            .is_none(),
        "the rollout itself stays"
    );
    store.restore_programme(&ehr.id).unwrap();
    assert_eq!(
        store.programme_waves(&ehr.id).unwrap().waves.len(),
        1,
        "Undo brings the programme back with its wave"
    );
}

#[test]
fn a_programme_can_be_renamed_and_needs_a_name() {
    let store = Store::open_in_memory().unwrap();
    let created = store.create_programme(&programme("EHR rollout")).unwrap();
    let renamed = store
        .update_programme(
            &created.id,
            created.row_version,
            &programme("EHR across ten sites"),
        )
        .unwrap();
    assert_eq!(
        renamed.name, "EHR across ten sites",
        "the new name is stored"
    );
    let stale = store
        .update_programme(&created.id, created.row_version, &programme("Old name"))
        .unwrap_err()
        .to_string();
    assert!(
        stale.contains("changed elsewhere"),
        "an edit of an older version is refused: {stale}"
    );
    let empty = store
        .update_programme(&created.id, renamed.row_version, &programme("  "))
        .unwrap_err()
        .to_string();
    assert!(
        empty.contains("Give the programme a name"),
        "an empty name is refused: {empty}"
    );
}

#[test]
fn the_programme_page_shows_each_wave_with_its_rollouts_own_figures() {
    let (store, rollouts) = sample();
    let ehr = &rollouts[0];
    let programme = store
        .create_programme(&programme("EHR across ten sites"))
        .unwrap();
    store
        .add_rollout_to_programme(&programme.id, &ehr.id)
        .unwrap();
    store
        .create_debrief(
            &ehr.id,
            &DebriefDraft {
                held_on: "2026-10-30".into(),
                title: "Dress rehearsal".into(),
                changed: "Super-users sit at the front desk for the first three days".into(),
                next_check: "Print labels tested on every printer the week before".into(),
                ..DebriefDraft::default()
            },
        )
        .unwrap();
    let go_live = ehr.go_live_date.unwrap() + chrono::Duration::days(84);
    store
        .plan_next_wave(
            &programme.id,
            &WaveDraft {
                name: "EHR go-live: wave 2".into(),
                go_live_date: go_live.to_string(),
                sites: vec!["Eastside Clinic".into()],
            },
            today(),
        )
        .unwrap();
    let page = store.programme_overview(&programme.id, today()).unwrap();
    assert_eq!(page.waves.len(), 2, "the page shows both waves");
    for wave in &page.waves {
        assert_eq!(
            wave.readiness,
            store.rollout_readiness(&wave.rollout.id, today()).unwrap(),
            "wave {}'s readiness and trained % are the rollout's own figures",
            wave.number
        );
        assert_eq!(
            wave.metrics,
            store
                .rollout_metric_statuses(&wave.rollout.id, today())
                .unwrap(),
            "wave {}'s metrics are the rollout's metrics page's",
            wave.number
        );
    }
    assert!(
        page.waves[0].lessons.is_empty(),
        "wave 1 has no previous wave to learn from"
    );
    let lessons: Vec<&str> = page.waves[1]
        .lessons
        .iter()
        .map(|l| l.changed.as_str())
        .collect();
    assert_eq!(
        lessons,
        vec!["Super-users sit at the front desk for the first three days"],
        "wave 2 shows what wave 1's debrief asked to change"
    );
}

#[test]
fn a_bundle_carries_the_programme_and_its_rollout_joins_it_on_import() {
    let (sender, rollouts) = sample();
    let ehr = &rollouts[0];
    let programme = sender
        .create_programme(&programme("EHR across ten sites"))
        .unwrap();
    sender
        .add_rollout_to_programme(&programme.id, &ehr.id)
        .unwrap();
    let bundle = sender.export_bundle(&ehr.id, false, today()).unwrap();
    let carried = bundle
        .programme
        .clone()
        .expect("the bundle carries the programme");
    assert_eq!(carried.name, "EHR across ten sites");
    assert_eq!(
        carried
            .waves
            .iter()
            .map(|w| w.rollout_id.as_str())
            .collect::<Vec<_>>(),
        vec![ehr.id.as_str()],
        "with its waves"
    );
    let json = rollplan_core::bundle::bundle_to_json(&bundle).unwrap();

    let receiver = Store::open_in_memory().unwrap();
    receiver.import_bundle(&json, &Default::default()).unwrap();
    let home = receiver.list_programmes().unwrap();
    assert_eq!(home.len(), 1, "the programme arrives with the rollout");
    assert_eq!(
        home[0]
            .waves
            .iter()
            .map(|w| w.rollout.id.as_str())
            .collect::<Vec<_>>(),
        vec![ehr.id.as_str()],
        "the imported rollout is its wave"
    );

    let mut without: serde_json::Value = serde_json::from_str(&json).unwrap();
    without.as_object_mut().unwrap().remove("programme");
    let older = Store::open_in_memory().unwrap();
    older
        .import_bundle(&without.to_string(), &Default::default())
        .unwrap();
    assert!(
        older.list_programmes().unwrap().is_empty(),
        "a bundle without a programme imports as before, ungrouped"
    );
}
