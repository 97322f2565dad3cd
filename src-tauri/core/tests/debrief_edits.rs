//! Editing a debrief after the meeting: its words and links are replaced, new actions
//! become tasks while the ones already planned stay; an edit of a stale copy or of a
//! trashed debrief is refused; the trash hides a debrief and gives it back whole.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod status_common;

use rollplan_core::audit::EntityKind;
use rollplan_core::debriefs::{ActionDraft, Debrief, DebriefDraft, DebriefLink, LinkKind};
use rollplan_core::workspace::RiskDraft;
use rollplan_core::{CoreError, Store};
use status_common::Week;

fn go_live_week(store: &Store, rollout: &str) -> Debrief {
    store
        .create_debrief(
            rollout,
            &DebriefDraft {
                held_on: "2027-03-05".into(),
                title: "Go-live week".into(),
                happened: "Results queued for two days".into(),
                actions: vec![ActionDraft {
                    title: "Map the new test codes".into(),
                    owner: "Dana Whitfield".into(),
                    due_date: "2027-03-12".into(),
                }],
                ..DebriefDraft::default()
            },
        )
        .unwrap()
}

/// The draft an edit form starts from: the debrief as read, with no new actions.
fn as_draft(debrief: &Debrief) -> DebriefDraft {
    let links = |linked: &[rollplan_core::debriefs::LinkedRecord]| {
        linked
            .iter()
            .map(|l| DebriefLink {
                kind: l.kind,
                id: l.id.clone(),
            })
            .collect()
    };
    DebriefDraft {
        held_on: debrief.held_on.to_string(),
        title: debrief.title.clone(),
        expected: debrief.expected.clone(),
        happened: debrief.happened.clone(),
        broke: debrief.broke.clone(),
        broke_links: links(&debrief.broke_links),
        changed: debrief.changed.clone(),
        changed_links: links(&debrief.changed_links),
        actions: Vec::new(),
        next_check: debrief.next_check.clone(),
    }
}

#[test]
fn an_edit_replaces_the_words_and_links_and_plans_only_the_new_actions() {
    let week = Week::new();
    let store = &week.store;
    let debrief = go_live_week(store, &week.rollout);
    let risk = store
        .create_risk(
            &week.rollout,
            &RiskDraft {
                title: "Interface engine drops unknown codes".into(),
                likelihood: 3,
                impact: 4,
                ..RiskDraft::default()
            },
        )
        .unwrap();
    let tasks_before = store.list_tasks(&week.rollout).unwrap().len();
    let mut draft = as_draft(&debrief);
    draft.title = "Go-live week at Riverside".into();
    draft.broke = "Unknown test codes were dropped".into();
    draft.broke_links = vec![DebriefLink {
        kind: LinkKind::Risk,
        id: risk.id.clone(),
    }];
    draft.next_check = "Send every new test code through the engine before go-live".into();
    draft.actions = vec![ActionDraft {
        title: "Add a code check to the cut-over runbook".into(),
        owner: "Dana Whitfield".into(),
        due_date: "2027-03-19".into(),
    }];
    let edited = store
        .update_debrief(&debrief.id, debrief.row_version, &draft)
        .unwrap();
    assert_eq!(edited.title, "Go-live week at Riverside");
    assert_eq!(
        edited.happened, "Results queued for two days",
        "untouched words stay"
    );
    assert_eq!(
        edited
            .broke_links
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>(),
        ["Interface engine drops unknown codes"],
        "the links are the draft's"
    );
    assert_eq!(
        edited
            .actions
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Map the new test codes",
            "Add a code check to the cut-over runbook"
        ],
        "the planned action stays and the new one follows it"
    );
    assert_eq!(
        store.list_tasks(&week.rollout).unwrap().len(),
        tasks_before + 1,
        "only the new action became a task"
    );
    assert!(edited.row_version > debrief.row_version);
    let history = store.history(EntityKind::Debrief, &debrief.id).unwrap();
    assert!(
        history
            .iter()
            .any(|entry| entry.changes.iter().any(
                |c| c.field == "title" && c.new.as_deref() == Some("Go-live week at Riverside")
            )),
        "the edit is in the debrief's history: {history:?}"
    );
}

#[test]
fn an_edit_of_a_stale_copy_is_refused_and_changes_nothing() {
    let week = Week::new();
    let store = &week.store;
    let debrief = go_live_week(store, &week.rollout);
    let mut first = as_draft(&debrief);
    first.happened = "Results queued for two days at Riverside".into();
    store
        .update_debrief(&debrief.id, debrief.row_version, &first)
        .unwrap();
    let mut second = as_draft(&debrief);
    second.happened = "Nothing much".into();
    second.actions = vec![ActionDraft {
        title: "A task that must not appear".into(),
        owner: "Dana Whitfield".into(),
        due_date: "2027-03-19".into(),
    }];
    let tasks_before = store.list_tasks(&week.rollout).unwrap().len();
    let refused = store
        .update_debrief(&debrief.id, debrief.row_version, &second)
        .unwrap_err();
    assert!(
        matches!(&refused, CoreError::Conflict(message) if message.contains("changed elsewhere")),
        "a stale edit is a conflict: {refused}"
    );
    assert_eq!(
        store.list_tasks(&week.rollout).unwrap().len(),
        tasks_before,
        "the refused edit planned nothing"
    );
    assert_eq!(
        store.list_debriefs(&week.rollout).unwrap()[0].happened,
        "Results queued for two days at Riverside",
        "the first edit stands"
    );
}

#[test]
fn the_trash_hides_a_debrief_refuses_its_edit_and_gives_it_back_whole() {
    let week = Week::new();
    let store = &week.store;
    let debrief = go_live_week(store, &week.rollout);
    store.trash_debrief(&debrief.id).unwrap();
    assert!(
        store.list_debriefs(&week.rollout).unwrap().is_empty(),
        "a trashed debrief is not listed"
    );
    assert!(
        store
            .list_tasks(&week.rollout)
            .unwrap()
            .iter()
            .any(|t| t.title == "Map the new test codes"),
        "its action stays a task of the plan"
    );
    let refused = store
        .update_debrief(&debrief.id, debrief.row_version + 1, &as_draft(&debrief))
        .unwrap_err();
    assert!(
        matches!(&refused, CoreError::Conflict(message) if message.contains("in the trash")),
        "editing a trashed debrief is refused: {refused}"
    );
    store.restore_debrief(&debrief.id).unwrap();
    let restored = store.list_debriefs(&week.rollout).unwrap();
    assert_eq!(restored.len(), 1, "restored");
    assert_eq!(restored[0].actions, debrief.actions, "with its actions");
    assert_eq!(restored[0].happened, debrief.happened, "and its words");
}
