//! The current state beside the future state through the store: what an SOP's page can
//! compare (its versions, the SOP it replaces) and the pair it shows first, the two
//! maps compared from the saved library, and the sample clinic's own pairs drawn with
//! their marks.

// Integration tests may unwrap: a failure is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sops_common;

use rollplan_core::export::svg::{sop_map_svg, MapTheme};
use rollplan_core::sops::map::MapVersion;
use rollplan_core::sops::{ChangeKind, SopDraft, Step};
use rollplan_core::Store;
use sops_common::{check_in, date};

fn version(sop_id: &str, version: Option<i64>) -> MapVersion {
    MapVersion {
        sop_id: sop_id.to_owned(),
        version,
    }
}

#[test]
fn an_sop_that_replaces_another_is_compared_with_it_first() {
    let store = Store::open_in_memory().expect("store");
    let paper = store.create_sop(&check_in()).expect("paper");
    let mut kiosk_steps = check_in().steps;
    kiosk_steps.insert(
        1,
        Step {
            role: "Biller".into(),
            instruction: "Review the kiosk's eligibility result overnight.".into(),
            ..Step::default()
        },
    );
    let kiosk = store
        .create_sop(&SopDraft {
            code: "FD-020".into(),
            title: "Check-in, kiosk".into(),
            replaces: Some(paper.id.clone()),
            steps: kiosk_steps,
            ..check_in()
        })
        .expect("kiosk");

    let choices = store.sop_map_choices(&kiosk.id).expect("choices");
    let labels: Vec<&str> = choices.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["FD-020 version 1 (draft)", "FD-012 version 1 (draft)"],
        "its own version, then the SOP it replaces"
    );
    assert_eq!(
        choices.before.as_ref().map(|c| c.sop_id.as_str()),
        Some(paper.id.as_str()),
        "the current state shown first is the SOP it replaces"
    );
    assert_eq!(
        choices.after.as_ref().map(|c| c.sop_id.as_str()),
        Some(kiosk.id.as_str())
    );

    let comparison = store
        .compare_sop_maps(&version(&paper.id, None), &version(&kiosk.id, None))
        .expect("compared");
    assert_eq!(comparison.after.marks.len(), 1, "one step is new");
    assert_eq!(comparison.after.marks[0].step, 2);
    assert_eq!(comparison.after.marks[0].kind, ChangeKind::Added);
    assert_eq!(
        comparison.figures_text,
        "1 more step · 2 more hand-offs · the same number of failure points",
        "front desk → biller → front desk adds two hand-offs"
    );
}

#[test]
fn two_versions_of_one_sop_are_compared_and_an_unknown_version_is_refused() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("created");
    let approved = store
        .approve_sop(&sop.id, sop.row_version, "Priya Nair", "2027-01-04")
        .expect("approved")
        .snapshot;
    let mut draft = approved.draft();
    draft.steps.swap(0, 1);
    let next = store
        .update_sop(&sop.id, approved.row_version, &draft)
        .expect("version 2 started");
    assert_eq!(next.version, 2);

    let choices = store.sop_map_choices(&sop.id).expect("choices");
    let labels: Vec<&str> = choices.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        vec!["FD-012 version 2 (draft)", "FD-012 version 1 (approved)"],
        "newest first"
    );
    assert_eq!(choices.before.as_ref().map(|c| c.version), Some(1));
    assert_eq!(choices.after.as_ref().map(|c| c.version), Some(2));

    let comparison = store
        .compare_sop_maps(&version(&sop.id, Some(1)), &version(&sop.id, Some(2)))
        .expect("compared");
    let moved: Vec<_> = comparison
        .after
        .marks
        .iter()
        .map(|m| (m.step, m.kind, m.text.as_str()))
        .collect();
    assert_eq!(
        moved,
        vec![(1, ChangeKind::Moved, "Moved from step 2")],
        "the swap is one move, pinned on the step that moved, as the version comparison lists it"
    );
    let diff = store.compare_sop_versions(&sop.id, 1, 2).expect("diff");
    let listed: Vec<_> = diff
        .steps
        .iter()
        .filter(|s| s.kind != ChangeKind::Unchanged)
        .map(|s| (s.after_number, s.kind))
        .collect();
    assert_eq!(
        listed,
        vec![(Some(1), ChangeKind::Moved)],
        "the map marks what the version comparison lists"
    );

    let error = store
        .compare_sop_maps(&version(&sop.id, Some(7)), &version(&sop.id, None))
        .expect_err("no version 7");
    assert!(
        error.to_string().contains("has no version 7"),
        "the refusal names the version: {error}"
    );
}

#[test]
fn an_sop_with_one_version_that_replaces_nothing_has_nothing_to_compare() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("created");
    let choices = store.sop_map_choices(&sop.id).expect("choices");
    assert_eq!(choices.choices.len(), 1);
    assert!(choices.before.is_none(), "no current state to show");
}

#[test]
fn the_sample_clinics_versions_draw_their_marks() {
    let store = Store::open_in_memory().expect("store");
    rollplan_core::demo::seed_sample_clinic(&store, date("2027-03-01")).expect("sample");
    let refills = store.find_sop_by_code("CL-031").expect("refills");
    let choices = store.sop_map_choices(&refills.id).expect("choices");
    let (before, after) = (choices.before.unwrap(), choices.after.unwrap());
    assert_eq!((before.version, after.version), (1, 2));
    let drawing = store
        .sop_map_comparison_drawing(
            &version(&before.sop_id, Some(before.version)),
            &version(&after.sop_id, Some(after.version)),
            MapTheme::Light,
        )
        .expect("drawn");
    assert!(
        drawing
            .after
            .markup
            .contains(r#"data-mark="added" data-step="3""#),
        "the PDMP check added as step 3 is marked on the future map"
    );
    assert!(
        !drawing.before.markup.contains("data-mark="),
        "nothing was removed or moved: the current map has no marks"
    );
    assert_eq!(
        drawing.figures_text,
        "1 more step · the same number of hand-offs · 1 more failure point"
    );
    let plain = sop_map_svg(&store.sop_map(&refills.id).expect("map"), MapTheme::Light);
    assert!(
        !plain.markup.contains("data-mark="),
        "the SOP's own map carries no comparison marks"
    );
}
