//! Weekly statuses and debriefs travel in the bundle (format version 4): a colleague who
//! imports the rollout sees the statuses as they were written and sent and the
//! debriefs with their actions, and bundles of versions 1 to 3, which have none, still
//! import.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bundle_common;

use bundle_common::{clinic, empty_db, export, sample_day};
use rollplan_core::bundle::{BundleResolution, BundleResolutions};
use rollplan_core::status::StatusState;
use serde_json::Value;

#[test]
fn saved_statuses_arrive_as_they_were_written_and_sent() {
    let (source, ehr) = clinic();
    let draft = source
        .store
        .save_status(Some(&ehr), sample_day(), sample_day())
        .unwrap();
    let sent = source
        .store
        .save_status(Some(&ehr), sample_day(), sample_day())
        .unwrap();
    let sent = source
        .store
        .mark_status_sent(&sent.id, sent.row_version)
        .unwrap();
    let debrief = source
        .store
        .create_debrief(
            &ehr,
            &rollplan_core::debriefs::DebriefDraft {
                held_on: sample_day().to_string(),
                title: "Pilot week".into(),
                actions: vec![rollplan_core::debriefs::ActionDraft {
                    title: "Add the check".into(),
                    owner: "Dana Whitfield".into(),
                    due_date: sample_day().to_string(),
                }],
                ..Default::default()
            },
        )
        .unwrap();
    let json = export(&source.store, &ehr, false);

    let target = empty_db();
    let keep = BundleResolutions::all(BundleResolution::KeepMine);
    target.store.import_bundle(&json, &keep).unwrap();
    let arrived = target.store.list_statuses(Some(&ehr)).unwrap();
    assert_eq!(arrived.len(), 2, "both statuses travel");
    let copy = arrived.iter().find(|s| s.id == sent.id).unwrap();
    assert_eq!(copy.state, StatusState::Sent, "a sent status arrives sent");
    assert_eq!(copy.content, sent.content, "with the draft as it was made");
    assert_eq!(copy.sent_at, sent.sent_at, "and the moment it was sent");
    assert!(arrived
        .iter()
        .any(|s| s.id == draft.id && s.state == StatusState::Draft));

    assert_eq!(
        target.store.list_debriefs(&ehr).unwrap(),
        vec![debrief],
        "the debrief travels, its action the same task of the plan"
    );

    let again = target.store.import_bundle(&json, &keep).unwrap();
    assert!(
        again.unresolved().next().is_none(),
        "importing the same statuses again changes nothing"
    );
}

#[test]
fn a_version_3_bundle_without_statuses_still_imports() {
    let (source, ehr) = clinic();
    let mut value: Value = serde_json::from_str(&export(&source.store, &ehr, false)).unwrap();
    value["version"] = Value::from(3);
    value.as_object_mut().unwrap().remove("weekly_statuses");
    value.as_object_mut().unwrap().remove("debriefs");
    let target = empty_db();
    target
        .store
        .import_bundle(
            &value.to_string(),
            &BundleResolutions::all(BundleResolution::KeepMine),
        )
        .expect("a version 3 bundle imports");
    assert!(target.store.list_statuses(Some(&ehr)).unwrap().is_empty());
}
