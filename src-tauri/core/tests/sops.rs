//! The SOP library: versions, the version in force on a date, review dates, search.

use chrono::NaiveDate;
use rollplan_core::sops::{SopDraft, SopException, SopStatus, Step};
use rollplan_core::Store;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn check_in() -> SopDraft {
    SopDraft {
        code: "FD-012".into(),
        title: "Patient check-in and insurance verification".into(),
        purpose: "Every patient is identified and their coverage verified before being roomed."
            .into(),
        owner: "Priya Nair".into(),
        review_interval_months: 12,
        tags: vec!["front desk".into()],
        steps: vec![
            Step {
                role: "Front desk".into(),
                instruction: "Greet the patient and confirm two identifiers.".into(),
                ..Step::default()
            },
            Step {
                role: "Front desk".into(),
                instruction: "Scan the insurance card and run the eligibility check.".into(),
                quality_check: "Stop the line if eligibility is inactive.".into(),
            },
        ],
        exceptions: vec![SopException {
            trigger: "Insurance cannot be verified".into(),
            action: "Offer self-pay estimate; reschedule if the patient declines".into(),
            escalate_to: "Front-desk lead".into(),
            within: "15 minutes".into(),
            evidence: "Note in the encounter".into(),
        }],
        ..SopDraft::default()
    }
}

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
fn codes_are_unique_and_bad_input_is_named() {
    let store = Store::open_in_memory().expect("store");
    store.create_sop(&check_in()).expect("first");
    let twin = SopDraft {
        code: "fd-012".into(),
        ..check_in()
    };
    let error = store.create_sop(&twin).expect_err("duplicate code");
    assert_eq!(error.payload().field.as_deref(), Some("code"));
    assert!(
        error.to_string().contains("Patient check-in"),
        "names the SOP that has it: {error}"
    );

    let no_role = SopDraft {
        code: "FD-013".into(),
        steps: vec![Step {
            instruction: "Call the patient".into(),
            ..Step::default()
        }],
        ..check_in()
    };
    assert!(store
        .create_sop(&no_role)
        .expect_err("step without role")
        .to_string()
        .contains("Step 1 has no role"));
    assert!(
        store.list_sops().expect("list").len() == 1,
        "nothing half-saved"
    );
}

#[test]
fn search_ranks_titles_first_and_survives_odd_queries() {
    let store = Store::open_in_memory().expect("store");
    store.create_sop(&check_in()).expect("check-in");
    store
        .create_sop(&SopDraft {
            code: "CL-020".into(),
            title: "Prior authorization requests".into(),
            steps: vec![Step {
                role: "Referral coordinator".into(),
                instruction:
                    "Check whether the payer needs prior authorization; attach insurance card."
                        .into(),
                ..Step::default()
            }],
            ..SopDraft::default()
        })
        .expect("prior auth");
    store
        .create_sop(&SopDraft {
            code: "ES-001".into(),
            title: "Recepción de pacientes en español".into(),
            purpose: "Atención al paciente en recepción".into(),
            ..SopDraft::default()
        })
        .expect("Spanish");

    let hits = store.search_sops("insurance", 20).expect("search");
    assert_eq!(
        hits[0].code, "FD-012",
        "a title match outranks a step match"
    );
    assert!(hits.iter().any(|h| h.code == "CL-020"));
    assert!(hits[0]
        .snippet
        .iter()
        .any(|p| p.hit && p.text.eq_ignore_ascii_case("insurance")));

    assert_eq!(
        store.search_sops("prior auth", 20).expect("prefixes")[0].code,
        "CL-020"
    );
    assert_eq!(
        store.search_sops("recepcion", 20).expect("diacritics")[0].code,
        "ES-001"
    );
    for odd in ["\"", "*", "-", "NEAR(", "  ", "", "insurance\" OR \"x"] {
        store
            .search_sops(odd, 20)
            .unwrap_or_else(|e| panic!("query {odd:?} must not fail: {e}"));
    }
    assert!(store.search_sops("", 20).expect("empty").is_empty());
}

#[test]
fn sops_due_for_review_are_listed_soonest_first() {
    let store = Store::open_in_memory().expect("store");
    let sop = store
        .create_sop(&SopDraft {
            review_interval_months: 6,
            ..check_in()
        })
        .expect("create");
    store
        .approve_sop(&sop.id, sop.row_version, "Dana Whitfield", "2026-06-01")
        .expect("approve");
    let today = date("2026-11-25");
    assert!(
        store.sops_due_for_review(today, 5).expect("due").is_empty(),
        "due Dec 1, six days out"
    );
    assert_eq!(store.sops_due_for_review(today, 30).expect("due").len(), 1);
    assert_eq!(
        store
            .sops_due_for_review(date("2026-12-05"), 0)
            .expect("overdue")
            .len(),
        1,
        "overdue counts"
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
