//! The SOP library: unique codes, search, review dates and "reviewed, no change",
//! links that warn a rollout of SOPs still in draft, and the trash.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sops_common;

use rollplan_core::audit::EntityKind;
use rollplan_core::readiness::{SignalSource, Verdict};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::sops::{SopDraft, SopRelation, SopStatus, Step};
use rollplan_core::Store;
use sops_common::{check_in, date};

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

/// The due list asks SQL only for the SOPs that may be due: day by day over more than a
/// year, with reviews falling on month ends (Jan 31 + 1 month is Feb 28), an override and
/// a review marked done, it lists exactly those the library's own dates say are due.
#[test]
fn the_due_list_is_the_librarys_next_review_dates_day_by_day() {
    let store = Store::open_in_memory().expect("store");
    let sop = |code: &str, months: i64, override_on: Option<&str>| {
        store
            .create_sop(&SopDraft {
                code: code.into(),
                review_interval_months: months,
                next_review_override: override_on.map(Into::into),
                ..check_in()
            })
            .expect("create")
    };
    let approve = |id: &str, on: &str| {
        let current = store.get_sop(id).expect("sop");
        store
            .approve_sop(id, current.row_version, "Dana Whitfield", on)
            .expect("approve");
    };
    approve(&sop("FD-1", 1, None).id, "2026-01-31");
    approve(&sop("FD-2", 6, None).id, "2025-08-31");
    approve(&sop("FD-3", 12, Some("2026-03-01")).id, "2025-12-15");
    let reviewed = sop("FD-4", 3, None);
    approve(&reviewed.id, "2025-11-30");
    let current = store.get_sop(&reviewed.id).expect("sop");
    store
        .mark_sop_reviewed(&reviewed.id, current.row_version, date("2026-02-28"))
        .expect("reviewed");
    sop("FD-5", 1, None);
    let library = store.list_sops().expect("library");
    let mut day = date("2025-12-01");
    while day <= date("2027-01-31") {
        let mut expected: Vec<_> = library
            .iter()
            .filter(|s| {
                s.status != SopStatus::Retired
                    && s.approved_version.is_some()
                    && s.next_review_date.is_some_and(|d| d <= day)
            })
            .collect();
        expected.sort_by_key(|s| s.next_review_date);
        let due = store.sops_due_for_review(day, 0).expect("due");
        assert_eq!(
            due.iter().map(|s| s.code.as_str()).collect::<Vec<_>>(),
            expected.iter().map(|s| s.code.as_str()).collect::<Vec<_>>(),
            "due by {day}"
        );
        day = day.succ_opt().expect("next day");
    }
}

#[test]
fn reviewed_no_change_restarts_the_cycle_and_is_logged() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("create");
    let refused = store
        .mark_sop_reviewed(&sop.id, sop.row_version, date("2026-05-01"))
        .expect_err("a draft has nothing in force to review");
    assert_eq!(refused.payload().field.as_deref(), Some("status"));

    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2025-06-01")
        .expect("approve");
    let approved = store.get_sop(&sop.id).expect("get");
    assert_eq!(approved.next_review_date, Some(date("2026-06-01")));

    let reviewed = store
        .mark_sop_reviewed(&sop.id, approved.row_version, date("2026-05-20"))
        .expect("reviewed");
    assert_eq!(reviewed.last_reviewed_on, Some(date("2026-05-20")));
    assert_eq!(reviewed.next_review_date, Some(date("2027-05-20")));
    assert_eq!(
        (reviewed.version, reviewed.status),
        (1, SopStatus::Approved),
        "no new version"
    );
    assert_eq!(store.sop_revisions(&sop.id).expect("revisions").len(), 1);

    let history = store.history(EntityKind::Sop, &sop.id).expect("history");
    let last = history.first().expect("the review is logged");
    let fields: Vec<&str> = last.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["last_reviewed_on", "next_review_date"]);

    let stale = store
        .mark_sop_reviewed(&sop.id, approved.row_version, date("2026-05-21"))
        .expect_err("stale row version");
    assert_eq!(stale.code(), "conflict");
}

#[test]
fn linked_sops_still_in_draft_warn_the_rollout() {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            go_live_date: Some("2027-01-10".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout");
    let sop = store.create_sop(&check_in()).expect("create");
    assert_eq!(
        store
            .rollout_readiness(&rollout.id, date("2026-12-01"))
            .expect("readiness")
            .verdict,
        Verdict::NotAssessed
    );

    store
        .link_sop_to_rollout(&sop.id, &rollout.id, SopRelation::Changes)
        .expect("link");
    let linked = store.sops_for_rollout(&rollout.id).expect("sops");
    assert_eq!(linked.len(), 1);
    assert_eq!(
        (linked[0].relation, linked[0].sop.code.as_str()),
        (SopRelation::Changes, "FD-012")
    );
    let rollouts = store.rollouts_for_sop(&sop.id).expect("rollouts");
    assert_eq!(rollouts[0].rollout_name, "EHR go-live");
    assert_eq!(rollouts[0].go_live_date, Some(date("2027-01-10")));

    let readiness = store
        .rollout_readiness(&rollout.id, date("2026-12-01"))
        .expect("readiness");
    assert_eq!(
        readiness.verdict,
        Verdict::Go,
        "a draft SOP warns but does not block"
    );
    assert_eq!(readiness.reasons.len(), 1);
    assert_eq!(readiness.reasons[0].source, SignalSource::Sop);
    assert!(!readiness.reasons[0].blocking);
    assert_eq!(
        readiness.reasons[0].text,
        "SOP at risk: FD-012 Patient check-in and insurance verification — version 1 is still a draft"
    );

    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-11-01")
        .expect("approve");
    let readiness = store
        .rollout_readiness(&rollout.id, date("2026-12-01"))
        .expect("readiness");
    assert!(readiness.reasons.is_empty(), "{:?}", readiness.reasons);
    assert_eq!(readiness.score, 100);

    // Linking twice changes nothing; unlinking is logged and leaves both in place.
    store
        .link_sop_to_rollout(&sop.id, &rollout.id, SopRelation::Changes)
        .expect("same link again");
    let logged = store
        .history(EntityKind::Sop, &sop.id)
        .expect("history")
        .len();
    store
        .unlink_sop_from_rollout(&sop.id, &rollout.id)
        .expect("unlink");
    assert!(store
        .sops_for_rollout(&rollout.id)
        .expect("sops")
        .is_empty());
    assert_eq!(
        store
            .history(EntityKind::Sop, &sop.id)
            .expect("history")
            .len(),
        logged + 1
    );

    // A trashed SOP leaves the rollout's list; a trashed rollout cannot gain links.
    store
        .link_sop_to_rollout(&sop.id, &rollout.id, SopRelation::Introduces)
        .expect("relink");
    store.trash_sop(&sop.id).expect("trash");
    assert!(store
        .sops_for_rollout(&rollout.id)
        .expect("sops")
        .is_empty());
    store.restore_sop(&sop.id).expect("restore");
    assert_eq!(store.sops_for_rollout(&rollout.id).expect("sops").len(), 1);
    store.trash_rollout(&rollout.id).expect("trash rollout");
    assert!(store
        .rollouts_for_sop(&sop.id)
        .expect("rollouts")
        .is_empty());
    let refused = store
        .link_sop_to_rollout(&sop.id, &rollout.id, SopRelation::Changes)
        .expect_err("trashed rollout");
    assert_eq!(refused.code(), "conflict");
}

#[test]
fn a_trash_fuller_than_the_searchs_first_window_still_leaves_the_live_matches() {
    let store = Store::open_in_memory().expect("store");
    // Thirty trashed SOPs named just "Badge" outrank the live ones, which carry the word
    // among others: more of them than the index's first window of candidates.
    for n in 0..30 {
        let trashed = store
            .create_sop(&SopDraft {
                code: format!("OLD-{n:02}"),
                title: "Badge".into(),
                ..SopDraft::default()
            })
            .expect("create");
        store.trash_sop(&trashed.id).expect("trash");
    }
    for n in 0..3 {
        store
            .create_sop(&SopDraft {
                code: format!("FD-1{n}"),
                title: format!("Reprinting a lost staff badge at desk {n}"),
                ..SopDraft::default()
            })
            .expect("create");
    }
    let codes: Vec<String> = store
        .search_sops("badge", 6)
        .expect("search")
        .into_iter()
        .map(|hit| hit.code)
        .collect();
    assert_eq!(codes.len(), 3, "the three live SOPs: {codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("FD-1")));
}

#[test]
fn trashed_sops_leave_the_library_and_approved_ones_are_never_purged() {
    let store = Store::open_in_memory().expect("store");
    let approved = store.create_sop(&check_in()).expect("create");
    store
        .approve_sop(
            &approved.id,
            approved.row_version,
            "Dr. Okafor",
            "2026-01-05",
        )
        .expect("approve");
    let draft = store
        .create_sop(&SopDraft {
            code: "FD-013".into(),
            title: "No-show follow-up".into(),
            ..SopDraft::default()
        })
        .expect("draft");

    store.trash_sop(&approved.id).expect("trash");
    store.trash_sop(&draft.id).expect("trash");
    assert!(store.list_sops().expect("list").is_empty());
    assert!(store
        .search_sops("check-in", 10)
        .expect("search")
        .is_empty());
    let mut trashed: Vec<String> = store
        .list_trashed_sops()
        .expect("trash")
        .into_iter()
        .map(|s| s.code)
        .collect();
    trashed.sort();
    assert_eq!(trashed, ["FD-012", "FD-013"]);

    let kept = store
        .purge_sop(&approved.id)
        .expect_err("approved versions are kept");
    assert!(kept.to_string().contains("approved versions"), "{kept}");
    store
        .purge_sop(&draft.id)
        .expect("purge a never-approved draft");
    assert_eq!(store.list_trashed_sops().expect("trash").len(), 1);

    // Another SOP takes the code while FD-012 is in the trash: restoring says so.
    store
        .create_sop(&SopDraft {
            code: "fd-012".into(),
            title: "Check-in (new)".into(),
            ..SopDraft::default()
        })
        .expect("code is free while trashed");
    let clash = store.restore_sop(&approved.id).expect_err("code taken");
    assert!(clash.to_string().contains("FD-012"), "{clash}");
    assert_eq!(
        store.list_trashed_sops().expect("trash").len(),
        1,
        "still in the trash"
    );
}

#[test]
fn editing_only_a_steps_check_or_an_exceptions_escalation_is_saved_and_in_the_history() {
    let store = Store::open_in_memory().expect("store");
    let sop = store.create_sop(&check_in()).expect("created");
    let mut draft = sop.draft();
    draft.steps[0].quality_check = "Stop if the two identifiers disagree.".into();
    let sop = store
        .update_sop(&sop.id, sop.row_version, &draft)
        .expect("the check is saved");
    assert_eq!(
        sop.steps[0].quality_check, "Stop if the two identifiers disagree.",
        "an edit of a step's check alone is kept"
    );
    for (field, value) in [
        ("escalate_to", "Practice manager"),
        ("within", "30 minutes"),
        ("evidence", "Signed self-pay form"),
    ] {
        let current = store.get_sop(&sop.id).expect("sop");
        let mut draft = current.draft();
        let exception = &mut draft.exceptions[0];
        match field {
            "escalate_to" => exception.escalate_to = value.into(),
            "within" => exception.within = value.into(),
            _ => exception.evidence = value.into(),
        }
        let saved = store
            .update_sop(&current.id, current.row_version, &draft)
            .expect("saved");
        let stored = &saved.exceptions[0];
        assert!(
            [&stored.escalate_to, &stored.within, &stored.evidence].contains(&&value.to_owned()),
            "an edit of the exception's {field} alone is kept: {stored:?}"
        );
        assert!(
            saved.row_version > current.row_version,
            "the {field} edit is a new version of the row"
        );
    }
    let history = store.history(EntityKind::Sop, &sop.id).expect("history");
    assert!(
        history
            .iter()
            .any(|entry| entry.changes.iter().any(|c| c.field == "exceptions"
                && c.new
                    .as_deref()
                    .is_some_and(|text| text.contains("within 30 minutes")))),
        "the history says what changed: {history:?}"
    );
}
