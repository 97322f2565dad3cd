//! Debriefs on a rollout: what broke and what changed linked to its records, and each
//! action that prevents a repeat a task of the plan with its owner and due date; an
//! action without an owner, or due before the debrief, is refused on its field.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod status_common;

use rollplan_core::debriefs::{ActionDraft, DebriefDraft, DebriefLink, LinkKind};
use rollplan_core::plan::TaskDraft;
use rollplan_core::workspace::{DecisionDraft, RiskDraft};
use rollplan_core::CoreError;
use status_common::Week;

fn fields(error: CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("expected a refusal on fields, got {other}"),
    }
}

#[test]
fn a_debrief_links_its_records_and_its_actions_become_tasks_of_the_plan() {
    let week = Week::new();
    let store = &week.store;
    let task = store
        .create_task(
            &week.rollout,
            &TaskDraft {
                title: "Live-test interfaces".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    let risk = store
        .create_risk(
            &week.rollout,
            &RiskDraft {
                title: "Lab results routing defects".into(),
                likelihood: 3,
                impact: 4,
                ..RiskDraft::default()
            },
        )
        .unwrap();
    let decision = store
        .create_decision(
            &week.rollout,
            &DecisionDraft {
                decided_on: "2027-03-03".into(),
                title: "Paper lab requisitions for two weeks".into(),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
    let tasks_before = store.list_tasks(&week.rollout).unwrap().len();
    let debrief = store
        .create_debrief(
            &week.rollout,
            &DebriefDraft {
                held_on: "2027-03-05".into(),
                title: "Go-live week".into(),
                expected: "Lab results filed within the hour".into(),
                happened: "Results queued for two days".into(),
                broke: "The interface engine dropped results with a new test code".into(),
                broke_links: vec![
                    DebriefLink {
                        kind: LinkKind::Task,
                        id: task.id.clone(),
                    },
                    DebriefLink {
                        kind: LinkKind::Risk,
                        id: risk.id.clone(),
                    },
                ],
                changed: "Paper requisitions until the fix".into(),
                changed_links: vec![DebriefLink {
                    kind: LinkKind::Decision,
                    id: decision.id.clone(),
                }],
                actions: vec![ActionDraft {
                    title: "Add new test codes to the interface checklist".into(),
                    owner: "Dana Whitfield".into(),
                    due_date: "2027-03-19".into(),
                }],
                next_check: "Send one result of every test code before go-live".into(),
            },
        )
        .unwrap();
    assert_eq!(
        debrief
            .broke_links
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>(),
        ["Live-test interfaces", "Lab results routing defects"],
        "what broke names its task and risk"
    );
    assert_eq!(
        debrief.changed_links[0].label,
        "Paper lab requisitions for two weeks"
    );
    let action = &debrief.actions[0];
    assert_eq!(action.owner_name, "Dana Whitfield");
    assert_eq!(action.due_date, Some(status_common::date("2027-03-19")));
    let tasks = store.list_tasks(&week.rollout).unwrap();
    assert_eq!(
        tasks.len(),
        tasks_before + 1,
        "the action is a task of the plan"
    );
    assert!(
        tasks
            .iter()
            .any(|t| t.id == action.task_id && t.owner_name == "Dana Whitfield"),
        "with its owner"
    );
    assert_eq!(
        store.list_debriefs(&week.rollout).unwrap(),
        vec![debrief],
        "listed on the rollout"
    );
}

#[test]
fn an_action_without_an_owner_or_due_before_the_debrief_is_refused_and_nothing_is_written() {
    let week = Week::new();
    let store = &week.store;
    let tasks_before = store.list_tasks(&week.rollout).unwrap().len();
    let refused = store
        .create_debrief(
            &week.rollout,
            &DebriefDraft {
                held_on: "2027-03-05".into(),
                title: "Go-live week".into(),
                actions: vec![
                    ActionDraft {
                        title: "Refresher for the front desk".into(),
                        owner: String::new(),
                        due_date: "2027-03-12".into(),
                    },
                    ActionDraft {
                        title: "Fix the printer mapping".into(),
                        owner: "Dana Whitfield".into(),
                        due_date: "2027-03-01".into(),
                    },
                ],
                ..DebriefDraft::default()
            },
        )
        .unwrap_err();
    let messages = fields(refused);
    assert!(
        messages
            .iter()
            .any(|(f, m)| f == "actions" && m.contains("needs an owner")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|(f, m)| f == "actions"
            && m == "\"Fix the printer mapping\" is due Mar 1, 2027, before the debrief on Mar 5, 2027."),
        "{messages:?}"
    );
    assert_eq!(
        store.list_tasks(&week.rollout).unwrap().len(),
        tasks_before,
        "no task was added"
    );
    assert!(
        store.list_debriefs(&week.rollout).unwrap().is_empty(),
        "no debrief was written"
    );
}

#[test]
fn links_outside_the_rollout_or_of_the_wrong_kind_are_refused() {
    let week = Week::new();
    let store = &week.store;
    let other = store
        .create_rollout(&rollplan_core::rollouts::RolloutDraft {
            name: "Another rollout".into(),
            ..Default::default()
        })
        .unwrap();
    let elsewhere = store
        .create_task(
            &other.id,
            &TaskDraft {
                title: "Elsewhere".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    let decision = store
        .create_decision(
            &week.rollout,
            &DecisionDraft {
                decided_on: "2027-03-03".into(),
                title: "A choice".into(),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
    let messages = fields(
        store
            .create_debrief(
                &week.rollout,
                &DebriefDraft {
                    held_on: "2027-03-05".into(),
                    title: "Go-live week".into(),
                    broke_links: vec![
                        DebriefLink {
                            kind: LinkKind::Task,
                            id: elsewhere.id.clone(),
                        },
                        DebriefLink {
                            kind: LinkKind::Decision,
                            id: decision.id.clone(),
                        },
                    ],
                    ..DebriefDraft::default()
                },
            )
            .unwrap_err(),
    );
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages.iter().all(|(f, _)| f == "broke_links"),
        "{messages:?}"
    );
}

#[test]
fn the_rollout_report_shows_its_debriefs_in_html_markdown_and_pdf_and_scans_them_for_phi() {
    let week = Week::new();
    let store = &week.store;
    let today = status_common::date("2027-03-10");
    let html_before = rollplan_core::export::rollout_html(
        &store.rollout_document_report(&week.rollout, today).unwrap(),
    );
    assert!(
        !html_before.contains("Debriefs"),
        "no section without debriefs"
    );
    store
        .create_debrief(
            &week.rollout,
            &DebriefDraft {
                held_on: "2027-03-05".into(),
                title: "Go-live week".into(),
                happened: "Results queued for two days; see MRN 12345678".into(),
                actions: vec![ActionDraft {
                    title: "Add new test codes to the interface checklist".into(),
                    owner: "Dana Whitfield".into(),
                    due_date: "2027-03-19".into(),
                }],
                next_check: "Send one result of every test code before go-live".into(),
                ..DebriefDraft::default()
            },
        )
        .unwrap();
    let report = store.rollout_document_report(&week.rollout, today).unwrap();
    let html = rollplan_core::export::rollout_html(&report);
    assert!(
        html.contains("<a href=\"#debriefs\">Debriefs</a>"),
        "listed in the contents"
    );
    assert!(html.contains("Go-live week"));
    assert!(html.contains(
        "Add new test codes to the interface checklist — Dana Whitfield, due Mar 19, 2027 (To do)"
    ));
    let markdown = rollplan_core::export::rollout_markdown(&report);
    for expected in [
        "- [Debriefs](#debriefs)",
        "## Debriefs",
        "### Go-live week — Mar 5, 2027",
        "- **What happened:** Results queued for two days; see MRN 12345678",
        "- **Actions:** Add new test codes to the interface checklist — Dana Whitfield, due Mar 19, 2027 (To do)",
    ] {
        assert!(
            markdown.contains(expected),
            "the Markdown report holds {expected:?}:\n{markdown}"
        );
    }
    let pdf = rollplan_core::pdf::rollout_pdf(&report).unwrap();
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Send one result of every test code before go-live"),
        "{text}"
    );
    let hits = rollplan_core::export::phi_check(&report);
    assert!(
        hits.iter()
            .any(|h| h.entity == "Debrief \"Go-live week\"" && h.field == "what happened"),
        "a debrief's words go through the PHI check: {hits:?}"
    );
}

/// A PDF's text through poppler's pdftotext, words joined by single spaces.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext reads the report");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
