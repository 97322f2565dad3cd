//! Pins what the screens that read the most rows show — Home's status lines, a rollout's
//! overview and readiness, the training matrix and the due lists — on two workspaces:
//! the sample clinic with the edge cases added on top, and a small generated health
//! group. Each is compared with a golden file in `tests/golden/screens/`, so a faster
//! query has to give exactly the same answer as the one it replaces.
//!
//! Run with `UPDATE_GOLDEN=1` to rewrite the golden files after an intended change, then
//! review their diff like code.

mod edge_cases;
#[path = "../../tests/golden_files/mod.rs"]
mod golden_files;
mod render;

use std::path::Path;

use chrono::NaiveDate;

use crate::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

#[test]
fn the_sample_clinic_with_its_edge_cases_shows_what_it_always_has() {
    let store = Store::open_in_memory().expect("store");
    crate::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    edge_cases::add(&store, today());
    assert_golden(
        "sample_clinic.txt",
        &render::screens(&store, today(), &render::Pages::Whole),
    );
}

#[test]
fn a_generated_health_group_shows_what_it_always_has() {
    let store = Store::open_in_memory().expect("store");
    crate::demo::large::seed_small_workspace(&store, 7, today()).expect("workspace");
    assert_golden(
        "generated_workspace.txt",
        &render::screens(&store, today(), &render::Pages::Samples),
    );
}

/// Compares `actual` (ids and timestamps replaced, see [`render::stable`]) with
/// `tests/golden/screens/NAME`.
fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/screens")
        .join(name);
    golden_files::assert_matches_golden(&path, name, &render::stable(actual));
}
