//! An SOP's versions: approving freezes a revision nobody can change, editing starts
//! the next draft, an approved version moves on only by editing or retiring, and any
//! two versions compare field by field, step by step.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sops_common;

use rollplan_core::sops::{ChangeKind, SopDraft, SopStatus, Step};
use rollplan_core::Store;
use sops_common::{check_in, date};

#[test]
fn approving_freezes_a_revision_and_editing_starts_the_next_draft() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("create");
    assert_eq!((sop.status, sop.version), (SopStatus::Draft, 1));

    let empty = store
        .create_sop(&SopDraft {
            code: "FD-099".into(),
            title: "Placeholder".into(),
            ..SopDraft::default()
        })
        .expect("empty");
    let refused = store
        .approve_sop(&empty.id, empty.row_version, "Dr. Okafor", "2026-01-05")
        .expect_err("no steps");
    assert_eq!(refused.payload().field.as_deref(), Some("steps"));

    let first = store
        .approve_sop(&sop.id, sop.row_version, "Dr. Amara Okafor", "2026-01-05")
        .expect("approve v1");
    assert_eq!(
        (first.version, first.approved_by.as_str()),
        (1, "Dr. Amara Okafor")
    );
    let approved = store.get_sop(&sop.id).expect("get");
    assert_eq!(
        approved.next_review_date,
        Some(date("2027-01-05")),
        "effective date plus the 12-month interval"
    );

    let mut edit = approved.draft();
    edit.steps.push(Step {
        role: "MA".into(),
        instruction: "Confirm the reason for the visit.".into(),
        ..Step::default()
    });
    let draft_v2 = store
        .update_sop(&sop.id, approved.row_version, &edit)
        .expect("edit");
    assert_eq!(
        (draft_v2.status, draft_v2.version),
        (SopStatus::Draft, 2),
        "an edit starts version 2"
    );
    assert_eq!(
        store
            .sop_in_force_on(&sop.id, date("2026-06-01"))
            .expect("in force")
            .map(|r| r.version),
        Some(1),
        "the approved version stays in force while version 2 is drafted"
    );

    let second = store
        .approve_sop(
            &sop.id,
            draft_v2.row_version,
            "Dana Whitfield",
            "2026-07-01",
        )
        .expect("approve v2");
    assert_eq!(second.snapshot.steps.len(), 3);
    let on = |d: &str| {
        store
            .sop_in_force_on(&sop.id, date(d))
            .expect("in force")
            .map(|r| r.version)
    };
    assert_eq!(
        (on("2025-12-31"), on("2026-06-30"), on("2026-07-01")),
        (None, Some(1), Some(2))
    );

    let revisions = store.sop_revisions(&sop.id).expect("revisions");
    assert_eq!(
        revisions.iter().map(|r| r.version).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(
        revisions[1].snapshot.steps.len(),
        2,
        "version 1 is exactly as approved"
    );
}

#[test]
fn approved_revisions_cannot_be_changed_even_by_hand() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let store = Store::open(&path).expect("store");
    let sop = store.create_sop(&check_in()).expect("create");
    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Amara Okafor", "2026-01-05")
        .expect("approve");
    drop(store);
    let raw = rusqlite::Connection::open(&path).expect("raw");
    assert!(
        raw.execute("UPDATE sop_revisions SET approved_by = 'someone else'", [])
            .is_err(),
        "a surveyor's 'who approved it' must not be rewritable"
    );
    assert!(
        raw.execute("DELETE FROM sop_revisions", []).is_err(),
        "nor can a revision be deleted"
    );
}

#[test]
fn an_approved_version_only_moves_on_by_editing_or_retiring() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("create");
    let refused = store
        .update_sop(
            &sop.id,
            sop.row_version,
            &SopDraft {
                status: SopStatus::Approved,
                ..sop.draft()
            },
        )
        .expect_err("approval goes through Approve");
    assert_eq!(refused.payload().field.as_deref(), Some("status"));

    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-01-05")
        .expect("approve");
    let approved = store.get_sop(&sop.id).expect("get");
    let back_to_draft = store
        .update_sop(
            &sop.id,
            approved.row_version,
            &SopDraft {
                status: SopStatus::Draft,
                ..approved.draft()
            },
        )
        .expect_err("an approved version cannot become a draft again");
    assert!(
        back_to_draft.to_string().contains("start version 2"),
        "{back_to_draft}"
    );

    let retired = store
        .update_sop(
            &sop.id,
            approved.row_version,
            &SopDraft {
                status: SopStatus::Retired,
                ..approved.draft()
            },
        )
        .expect("retire");
    assert_eq!((retired.status, retired.version), (SopStatus::Retired, 1));
    let reinstated = store
        .update_sop(
            &sop.id,
            retired.row_version,
            &SopDraft {
                status: SopStatus::Approved,
                ..retired.draft()
            },
        )
        .expect("a retired version can be put back in force");
    assert_eq!(reinstated.status, SopStatus::Approved);

    // Editing a retired version's content also starts the next version.
    let retired = store
        .update_sop(
            &sop.id,
            reinstated.row_version,
            &SopDraft {
                status: SopStatus::Retired,
                ..reinstated.draft()
            },
        )
        .expect("retire again");
    let mut edit = retired.draft();
    edit.purpose = "Rewritten for the new EHR.".into();
    let next = store
        .update_sop(&sop.id, retired.row_version, &edit)
        .expect("edit");
    assert_eq!((next.version, next.status), (2, SopStatus::Draft));
}

#[test]
fn comparing_versions_names_changed_fields_steps_and_exceptions() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("create");
    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-01-05")
        .expect("approve");
    let v1 = store.get_sop(&sop.id).expect("get");

    let mut edit = v1.draft();
    edit.title = "Patient check-in".into();
    edit.steps[1].instruction = "Scan the card; run eligibility in the new EHR.".into();
    edit.steps.insert(
        0,
        Step {
            role: "Front desk".into(),
            instruction: "Check the kiosk queue.".into(),
            ..Step::default()
        },
    );
    edit.exceptions.clear();
    let v2 = store
        .update_sop(&sop.id, v1.row_version, &edit)
        .expect("edit");
    assert_eq!((v2.version, v2.status), (2, SopStatus::Draft));

    let diff = store.compare_sop_versions(&sop.id, 1, 2).expect("diff");
    assert_eq!((diff.from_version, diff.to_version), (1, 2));
    let fields: Vec<(&str, &str, &str)> = diff
        .fields
        .iter()
        .map(|f| (f.label.as_str(), f.before.as_str(), f.after.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "Title",
                "Patient check-in and insurance verification",
                "Patient check-in"
            ),
            ("Status", "Approved", "Draft"),
        ]
    );
    let steps: Vec<(ChangeKind, Option<i64>, Option<i64>)> = diff
        .steps
        .iter()
        .map(|s| (s.kind, s.before_number, s.after_number))
        .collect();
    assert_eq!(
        steps,
        [
            (ChangeKind::Added, None, Some(1)),
            (ChangeKind::Unchanged, Some(1), Some(2)),
            (ChangeKind::Changed, Some(2), Some(3)),
        ]
    );
    assert_eq!(diff.exceptions.len(), 1);
    assert_eq!(diff.exceptions[0].kind, ChangeKind::Removed);
    assert!(!diff.is_empty());
    assert!(store
        .compare_sop_versions(&sop.id, 1, 1)
        .expect("same")
        .is_empty());

    let missing = store
        .compare_sop_versions(&sop.id, 1, 7)
        .expect_err("no version 7");
    assert_eq!(missing.payload().field.as_deref(), Some("version"));
}
