//! Saved statuses: a dated record the manager edits (a note above each section, items
//! hidden) and marks sent; a sent status never changes, and a copy makes a new draft.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod status_common;

use rollplan_core::plan::TaskDraft;
use rollplan_core::status::{StatusEdit, StatusState, SUMMARY_NOTE};
use rollplan_core::CoreError;
use status_common::{after_week, monday, Week};

fn week_with_a_late_task() -> Week {
    let week = Week::new();
    week.store
        .create_task(
            &week.rollout,
            &TaskDraft {
                title: "Validate lab interface".into(),
                start_date: Some("2027-01-04".into()),
                due_date: Some("2027-01-14".into()),
                ..TaskDraft::default()
            },
        )
        .expect("task");
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    week
}

#[test]
fn a_draft_is_edited_then_sent_and_then_never_changes() {
    let week = week_with_a_late_task();
    let store = &week.store;
    let saved = store
        .save_status(Some(&week.rollout), monday(), after_week())
        .unwrap();
    assert_eq!(saved.state, StatusState::Draft);
    assert_eq!(saved.week_monday, monday());
    let key = saved.content.sections[0].items[0].key.clone();

    let mut edit = StatusEdit::default();
    edit.notes.insert(
        "slipped".into(),
        "The vendor sends the fix on Tuesday.".into(),
    );
    edit.notes
        .insert(SUMMARY_NOTE.into(), "One slip, recovering.".into());
    edit.hidden.push(key.clone());
    let edited = store
        .update_status(&saved.id, saved.row_version, &edit)
        .unwrap();
    assert_eq!(
        edited.note("slipped"),
        "The vendor sends the fix on Tuesday."
    );
    assert!(
        edited.shown().sections.is_empty(),
        "hiding the only item leaves its section out of what is sent"
    );
    assert_eq!(
        edited.content, saved.content,
        "the kept draft does not change with edits"
    );

    let stale = store
        .update_status(&saved.id, saved.row_version, &edit)
        .unwrap_err();
    assert!(
        matches!(stale, CoreError::Conflict(_)),
        "an edit of an old version is refused"
    );

    let sent = store
        .mark_status_sent(&edited.id, edited.row_version)
        .unwrap();
    assert_eq!(sent.state, StatusState::Sent);
    assert!(sent.sent_at.is_some());
    let refused = store
        .update_status(&sent.id, sent.row_version, &StatusEdit::default())
        .unwrap_err();
    let message = refused.to_string();
    assert!(
        message.starts_with("This status was sent on ")
            && message.ends_with("; copy it to a new draft to change it."),
        "editing a sent status is refused with the way out: {message}"
    );
    assert!(
        store.mark_status_sent(&sent.id, sent.row_version).is_err(),
        "a sent status is not sent twice"
    );
    let raw = week.db.execute(
        "UPDATE weekly_statuses SET notes = '{}' WHERE id = ?1",
        rusqlite::params![sent.id],
    );
    assert!(
        raw.is_err(),
        "the file itself refuses to change a sent status"
    );

    let copy = store.copy_status_to_new_draft(&sent.id).unwrap();
    assert_ne!(copy.id, sent.id);
    assert_eq!(copy.state, StatusState::Draft);
    assert_eq!(
        (&copy.content, &copy.notes, &copy.hidden),
        (&sent.content, &sent.notes, &sent.hidden),
        "the copy starts from what was sent"
    );
    let listed = store.list_statuses(Some(&week.rollout)).unwrap();
    assert_eq!(listed.len(), 2, "both are listed on the rollout");
    assert!(
        store.list_statuses(None).unwrap().is_empty(),
        "neither is an all-rollouts status"
    );
}

#[test]
fn a_note_for_no_section_and_an_overlong_note_are_refused() {
    let week = week_with_a_late_task();
    let store = &week.store;
    let saved = store.save_status(None, monday(), after_week()).unwrap();
    assert_eq!(saved.rollout_id, None);
    assert_eq!(
        store.list_statuses(None).unwrap().len(),
        1,
        "listed as an all-rollouts status"
    );
    let mut edit = StatusEdit::default();
    edit.notes.insert("gossip".into(), "x".into());
    let refused = store
        .update_status(&saved.id, saved.row_version, &edit)
        .unwrap_err();
    assert!(matches!(refused, CoreError::Validation(_)), "{refused}");
    let mut edit = StatusEdit::default();
    edit.notes.insert("risks".into(), "x".repeat(4_001));
    let refused = store
        .update_status(&saved.id, saved.row_version, &edit)
        .unwrap_err();
    assert!(matches!(refused, CoreError::Validation(_)), "{refused}");
}
