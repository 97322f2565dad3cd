//! The bundle import fed arbitrary text and bytes, and a real bundle of the sample
//! clinic damaged in structured ways: values deleted or replaced by others of any type,
//! records duplicated, ids pointed at nothing or at the wrong kind of record, huge
//! strings, bad dates and enum values, the text cut off or spliced. Preview and import
//! answer Ok or a CoreError, never a panic; a refused import writes nothing, and the
//! import is refused exactly when its preview is.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzz_common;
mod json_damage;

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use chrono::NaiveDate;
use fuzz_common::{config, health, row_counts};
use json_damage::{apply, mutation};
use proptest::prelude::*;
use rollplan_core::bundle::{bundle_text, bundle_to_json, BundleResolution, BundleResolutions};
use rollplan_core::rollouts::RolloutKind;
use rollplan_core::{CoreError, Store};
use serde_json::Value;

/// The sample clinic's EHR go-live as a bundle, with the directory fields.
fn sample_bundle() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
        let ehr = rollplan_core::demo::seed_sample_clinic(&store, today)
            .expect("sample clinic")
            .into_iter()
            .find(|r| r.kind == RolloutKind::EhrGoLive)
            .expect("an EHR go-live");
        bundle_to_json(&store.export_bundle(&ehr.id, true, today).expect("export")).expect("json")
    })
}

struct Target {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
}

/// An empty database, or one that already holds the bundle's rollout (so records meet
/// their stored copies and conflicts are settled).
fn target(holding_the_bundle: bool) -> Target {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let store = Store::open(&path).expect("store");
    if holding_the_bundle {
        store
            .import_bundle(sample_bundle(), &BundleResolutions::default())
            .expect("the undamaged bundle imports");
    }
    Target {
        _dir: dir,
        path,
        store,
    }
}

/// The two targets, kept across cases; the empty one is made anew once an import
/// has filled it.
fn targets() -> &'static Mutex<(Target, Target)> {
    static TARGETS: OnceLock<Mutex<(Target, Target)>> = OnceLock::new();
    TARGETS.get_or_init(|| Mutex::new((target(false), target(true))))
}

/// How an import ended, for the test's summary.
fn outcome(result: &Result<rollplan_core::bundle::BundleImportReport, CoreError>) -> String {
    match result {
        Ok(_) => "imported".to_owned(),
        Err(error) => format!("refused ({})", error.code()),
    }
}

/// What must hold of a preview and an import of `json`, on both targets.
fn check(
    json: &str,
    resolutions: &BundleResolutions,
    outcomes: &mut Vec<String>,
) -> Result<(), TestCaseError> {
    let mut guard = targets().lock().unwrap_or_else(|p| p.into_inner());
    let mut filled = false;
    for (index, target) in [&guard.0, &guard.1].into_iter().enumerate() {
        let before = row_counts(&target.path);
        let preview = target.store.preview_bundle_import(json, resolutions);
        prop_assert_eq!(
            &before,
            &row_counts(&target.path),
            "a preview writes nothing"
        );
        let import = target.store.import_bundle(json, resolutions);
        outcomes.push(outcome(&import));
        match (&preview, &import) {
            (Ok(_), Ok(_)) => filled |= index == 0,
            (Err(p), Err(i)) => prop_assert_eq!(
                p.to_string(),
                i.to_string(),
                "the import refuses as its preview did"
            ),
            // Only an unsettled conflict stops an import whose preview ran.
            (Ok(_), Err(CoreError::Conflict(_))) => {}
            (p, i) => prop_assert!(
                false,
                "preview {:?} but import {:?}",
                p.as_ref().err(),
                i.as_ref().err()
            ),
        }
        if let Err(error) = import {
            prop_assert!(
                error.is_user_error(),
                "a bad bundle is the user's input, not a database fault: {error:?}"
            );
            prop_assert_eq!(
                &before,
                &row_counts(&target.path),
                "a refused bundle writes nothing ({})",
                error
            );
        }
    }
    for target in [&guard.0, &guard.1] {
        prop_assert_eq!(
            health(&target.path),
            (0, "ok".to_owned()),
            "foreign keys and pages hold"
        );
    }
    if filled {
        guard.0 = target(false);
    }
    Ok(())
}

fn resolutions() -> impl Strategy<Value = BundleResolutions> {
    prop_oneof![
        Just(BundleResolutions::all(BundleResolution::TakeTheirs)),
        Just(BundleResolutions::all(BundleResolution::KeepMine)),
        Just(BundleResolutions::default()),
    ]
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn arbitrary_text_and_bytes_are_refused_cleanly(
        text in "\\PC{0,300}|\\{\"format\": ?\"rollplan-bundle\", ?\"version\": ?[0-9]{1,3}.{0,80}",
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let guard = targets().lock().unwrap_or_else(|p| p.into_inner());
        let none = BundleResolutions::default();
        prop_assert!(guard.0.store.preview_bundle_import(&text, &none).is_err(), "junk is no bundle");
        for passphrase in [None, Some("correct horse battery")] {
            if let Ok(text) = bundle_text(bytes.clone(), passphrase) {
                prop_assert!(guard.0.store.preview_bundle_import(&text, &none).is_err());
            }
        }
    }
}

/// Runs `cases` damaged bundles through [`check`] and prints how their imports ended.
fn run<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    damage: impl Fn(S::Value) -> (String, BundleResolutions),
) {
    let mut runner = proptest::test_runner::TestRunner::new(config(cases));
    let outcomes = Mutex::new(Vec::new());
    let result = runner.run(&strategy, |input| {
        let (json, resolutions) = damage(input);
        let mut found = Vec::new();
        let checked = check(&json, &resolutions, &mut found);
        outcomes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(found);
        checked
    });
    let mut counted = std::collections::BTreeMap::new();
    for outcome in outcomes.into_inner().unwrap_or_else(|p| p.into_inner()) {
        *counted.entry(outcome).or_insert(0) += 1;
    }
    eprintln!(
        "{name}: {} bundles; their imports into the two databases: {counted:?}",
        config(cases).cases
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn a_damaged_sample_bundle_imports_whole_or_not_at_all() {
    let strategy = (proptest::collection::vec(mutation(), 1..4), resolutions());
    run(
        "structured damage",
        80,
        strategy,
        |(mutations, resolutions)| {
            let mut document: Value = serde_json::from_str(sample_bundle()).expect("json");
            for mutation in &mutations {
                apply(&mut document, mutation);
            }
            (document.to_string(), resolutions)
        },
    );
}

#[test]
fn a_sample_bundle_cut_or_spliced_is_refused_cleanly() {
    let strategy = (
        any::<usize>(),
        proptest::option::of((any::<usize>(), "\\PC{0,12}")),
    );
    run("cut or spliced", 40, strategy, |(cut, splice)| {
        let json = sample_bundle();
        let text = match splice {
            Some((at, extra)) => {
                let at = char_boundary(json, at);
                format!("{}{extra}{}", &json[..at], &json[at..])
            }
            None => json[..char_boundary(json, cut)].to_owned(),
        };
        (text, BundleResolutions::all(BundleResolution::TakeTheirs))
    });
}

/// A byte offset into `text` moved back to the start of its character.
fn char_boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Found by `a_damaged_sample_bundle_imports_whole_or_not_at_all`: an SOP step without
/// its role (every field of a step defaults to empty) reached the database, whose CHECK
/// refused it, and the person saw a raw database error ("CHECK constraint failed:
/// length(trim(role)) > 0") instead of which SOP and step were wrong.
#[test]
fn an_sop_step_without_a_role_is_refused_naming_the_sop_and_step() {
    let mut document: Value = serde_json::from_str(sample_bundle()).expect("json");
    let step = document
        .pointer_mut("/sops/0/steps/0")
        .and_then(Value::as_object_mut)
        .expect("the first SOP has steps");
    step.remove("role");
    let target = target(false);
    let before = row_counts(&target.path);
    let error = target
        .store
        .import_bundle(
            &document.to_string(),
            &BundleResolutions::all(BundleResolution::TakeTheirs),
        )
        .expect_err("a step without a role is refused");
    let message = error.to_string();
    assert!(
        error.is_user_error() && message.contains("step 1 of SOP '"),
        "the refusal names the SOP and the step: {error:?}"
    );
    assert_eq!(before, row_counts(&target.path), "nothing was imported");
}
