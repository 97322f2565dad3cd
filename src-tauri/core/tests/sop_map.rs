//! An SOP's process map as the library keeps it: an exception stays with its step when
//! the steps are reordered, is kept and flagged when its step is removed, and an SOP
//! names the one it replaces, never itself and never round in a circle.

// Integration tests may unwrap: a failure is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sops_common;

use rollplan_core::sops::map::EdgeKind;
use rollplan_core::sops::{Sop, SopDraft};
use rollplan_core::Store;
use sops_common::check_in;

fn saved() -> (Store, Sop) {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("created");
    (store, sop)
}

#[test]
fn every_saved_step_gets_an_id_of_its_own() {
    let (_, sop) = saved();
    assert!(
        sop.steps.iter().all(|s| !s.id.is_empty()),
        "saving gives each step an id"
    );
    assert_ne!(sop.steps[0].id, sop.steps[1].id, "and no two share one");
}

#[test]
fn an_exception_follows_its_step_when_steps_are_reordered_and_is_kept_when_it_is_removed() {
    let (store, sop) = saved();
    let eligibility = sop.steps[1].id.clone();
    let mut draft = sop.draft();
    draft.exceptions[0].step_id = Some(eligibility.clone());
    let sop = store
        .update_sop(&sop.id, sop.row_version, &draft)
        .expect("attached");
    assert_eq!(
        sop.exceptions[0].step_id.as_deref(),
        Some(eligibility.as_str()),
        "choosing the step an exception applies to is saved"
    );
    let map = store.sop_map(&sop.id).expect("map");
    assert!(
        map.edges
            .iter()
            .any(|e| e.kind == EdgeKind::Exception && e.from == "step-2"),
        "the map branches the exception from step 2"
    );

    let mut draft = sop.draft();
    draft.steps.swap(0, 1);
    let sop = store
        .update_sop(&sop.id, sop.row_version, &draft)
        .expect("reordered");
    assert_eq!(
        sop.steps[0].id, eligibility,
        "the step keeps its id when it moves"
    );
    let map = store.sop_map(&sop.id).expect("map");
    assert!(
        map.edges
            .iter()
            .any(|e| e.kind == EdgeKind::Exception && e.from == "step-1"),
        "the exception moved with its step to step 1"
    );

    let mut draft = sop.draft();
    draft.steps.remove(0);
    let sop = store
        .update_sop(&sop.id, sop.row_version, &draft)
        .expect("removed");
    assert_eq!(
        sop.exceptions.len(),
        1,
        "removing its step never loses the exception"
    );
    let map = store.sop_map(&sop.id).expect("map");
    assert!(
        map.edges
            .iter()
            .any(|e| e.kind == EdgeKind::Exception && e.from == "start"),
        "it is drawn from the start"
    );
    assert!(
        map.node("action-1").and_then(|n| n.flag.as_ref()).is_some(),
        "and flagged"
    );
    assert_eq!(
        map.notices.len(),
        1,
        "with a sentence saying so: {:?}",
        map.notices
    );
}

#[test]
fn attaching_an_exception_to_a_step_is_an_edit_of_an_approved_sop() {
    let (store, sop) = saved();
    let approved = store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2027-01-04")
        .expect("approved")
        .snapshot;
    let mut draft = approved.draft();
    draft.exceptions[0].step_id = Some(approved.steps[1].id.clone());
    let next = store
        .update_sop(&approved.id, approved.row_version, &draft)
        .expect("saved");
    assert_eq!(
        next.version, 2,
        "choosing an exception's step starts the next version"
    );
    let diff = store.compare_sop_versions(&sop.id, 1, 2).expect("diff");
    assert!(
        diff.steps
            .iter()
            .all(|s| s.kind == rollplan_core::sops::ChangeKind::Unchanged),
        "the steps did not change, whatever their ids"
    );
}

#[test]
fn an_sop_names_the_one_it_replaces_but_never_itself_or_a_circle() {
    let (store, paper) = saved();
    let kiosk = store
        .create_sop(&SopDraft {
            code: "FD-020".into(),
            title: "Check-in, kiosk".into(),
            replaces: Some(paper.id.clone()),
            ..check_in()
        })
        .expect("a redesign names the procedure it replaces");
    assert_eq!(kiosk.replaces.as_deref(), Some(paper.id.as_str()));

    let mut draft = paper.draft();
    draft.replaces = Some(paper.id.clone());
    let itself = store.update_sop(&paper.id, paper.row_version, &draft);
    assert!(itself.is_err(), "an SOP cannot replace itself");

    draft.replaces = Some(kiosk.id.clone());
    let error = store
        .update_sop(&paper.id, paper.row_version, &draft)
        .expect_err("a circle is refused");
    assert!(
        error.to_string().contains("already replaces"),
        "the refusal says why: {error}"
    );
    let unchanged = store.get_sop(&paper.id).expect("paper");
    assert_eq!(unchanged.replaces, None, "nothing was written");

    draft.replaces = Some("no-such-sop".into());
    assert!(
        store
            .update_sop(&paper.id, paper.row_version, &draft)
            .is_err(),
        "an SOP that is not in the library cannot be named"
    );
}

#[test]
fn a_revision_frozen_before_maps_still_reads() {
    let old = r#"{"id":"x","code":"FD-1","title":"Check-in","purpose":"","scope":"","owner":"",
        "status":"approved","version":1,"effective_date":"2026-10-01","review_interval_months":12,
        "next_review_override":null,"next_review_date":"2027-10-01","tags":[],
        "steps":[{"role":"Front desk","instruction":"Greet","quality_check":""}],
        "exceptions":[{"trigger":"Late","action":"Rebook","escalate_to":"","within":"","evidence":""}],
        "row_version":2}"#;
    let sop: Sop = serde_json::from_str(old).expect("an older snapshot reads");
    assert_eq!(sop.replaces, None, "it replaces nothing");
    assert_eq!(
        sop.exceptions[0].step_id, None,
        "its exception applies to the whole procedure"
    );
    let map = rollplan_core::sops::map::process_map(&sop);
    assert!(
        map.edges
            .iter()
            .any(|e| e.kind == EdgeKind::Exception && e.from == "start"),
        "and is drawn from the start"
    );
}
