//! The SOP library: versions, the version in force on a date, review dates, search.

use chrono::NaiveDate;
use rollplan_core::audit::EntityKind;
use rollplan_core::readiness::{SignalSource, Verdict};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::sops::{ChangeKind, SopDraft, SopException, SopRelation, SopStatus, Step};
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

/// The text of a PDF, through poppler's pdftotext (installed by scripts/setup.sh --test).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sop.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext read the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_sop_prints_as_a_pdf_with_its_header_steps_and_exceptions() {
    let store = Store::open_in_memory().expect("store");
    let mut draft = check_in();
    // Typst syntax typed by a person stays text.
    draft.steps[0].instruction =
        "Greet the patient #set page(width: 1cm) and confirm two identifiers.".into();
    let sop = store.create_sop(&draft).expect("create");
    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-01-05")
        .expect("approve");

    let pdf =
        rollplan_core::pdf::sop_pdf(&store, &sop.id, Some(1), date("2026-11-25")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let text = pdf_text(&pdf);
    for expected in [
        "FD-012",
        "Patient check-in and insurance verification",
        "Dr. Okafor",
        "Jan 5, 2026",
        "Front desk:",
        "#set page(width: 1cm)",
        "Check: Stop the line if eligibility is inactive.",
        "Insurance cannot be",
        "Page 1 of 1",
    ] {
        assert!(
            text.contains(expected),
            "'{expected}' is in the PDF:\n{text}"
        );
    }
    assert!(
        !text.contains("DRAFT"),
        "an approved version is not marked as a draft"
    );

    let missing = rollplan_core::pdf::sop_pdf(&store, &sop.id, Some(4), date("2026-11-25"))
        .expect_err("no version 4");
    assert_eq!(missing.payload().field.as_deref(), Some("version"));
}

#[test]
fn the_library_prints_as_one_binder_with_contents() {
    let store = Store::open_in_memory().expect("store");
    let today = date("2026-11-25");
    rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let pdf = rollplan_core::pdf::sop_library_pdf(&store, "Riverside Family Health", today)
        .expect("binder");
    let text = pdf_text(&pdf);
    assert!(text.contains("Contents"));
    for code in ["CL-020", "CL-031", "EHR-004", "FD-012", "FD-015"] {
        assert!(text.contains(code), "{code} is in the binder");
    }
    assert!(
        text.contains("DRAFT"),
        "the downtime SOP was never approved, so it is marked"
    );
    let pages = text.matches('\u{c}').count() + 1;
    assert!(
        (7..=20).contains(&pages),
        "a cover, contents and five SOPs: {pages} pages"
    );
}
