//! Rollouts through the store: create, read, update, trash, restore, purge, and the
//! audit log each of them writes.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::audit::{AuditAction, EntityKind, FieldChange};
use rollplan_core::rollouts::{Phase, RolloutDraft, RolloutKind};
use rollplan_core::{CoreError, Store};

fn store() -> Store {
    Store::open_in_memory().expect("in-memory store")
}

fn go_live_draft() -> RolloutDraft {
    RolloutDraft {
        name: "EHR go-live".into(),
        kind: RolloutKind::EhrGoLive,
        goal: "One chart per patient".into(),
        sites: vec!["Riverside".into(), "Northgate".into()],
        sponsor: "Dr. Okafor".into(),
        owner: "Dana Whitfield".into(),
        start_date: Some("2026-10-01".into()),
        go_live_date: Some("2027-02-01".into()),
        phase: Phase::Preparing,
        scope_in: "Scheduling and check-in".into(),
        scope_out: "Lab interface".into(),
    }
}

fn fields_of(error: CoreError) -> Vec<String> {
    match error {
        CoreError::Validation(fields) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn every_field_is_stored_and_read_back() {
    let store = store();
    let created = store.create_rollout(&go_live_draft()).expect("create");
    assert_eq!(created.draft(), go_live_draft(), "every field round-trips");
    assert_eq!(created.row_version, 1);
    assert!(created.deleted_at.is_none());
    assert_eq!(store.get_rollout(&created.id).expect("get"), created);
    assert_eq!(store.list_rollouts().expect("list"), vec![created]);
}

#[test]
fn invalid_drafts_are_refused_without_writing() {
    let store = store();
    let backwards = RolloutDraft {
        go_live_date: Some("2026-09-01".into()),
        ..go_live_draft()
    };
    let error = store
        .create_rollout(&backwards)
        .expect_err("go-live before start");
    assert_eq!(error.code(), "validation");
    assert_eq!(fields_of(error), ["go_live_date"]);

    let nameless = RolloutDraft {
        name: "  ".into(),
        ..go_live_draft()
    };
    assert_eq!(
        fields_of(store.create_rollout(&nameless).expect_err("no name")),
        ["name"]
    );
    assert_eq!(
        store.count_rollouts().expect("count"),
        0,
        "a refused create writes nothing"
    );
}

#[test]
fn unknown_kinds_and_phases_name_the_valid_ones() {
    let error = "pilot".parse::<RolloutKind>().expect_err("unknown kind");
    assert!(
        error.to_string().contains("ehr_go_live"),
        "lists valid kinds: {error}"
    );
    assert_eq!(fields_of(error), ["kind"]);
    assert_eq!(
        "EHR go-live".parse::<RolloutKind>().expect("label"),
        RolloutKind::EhrGoLive
    );
    assert_eq!(
        "go-live".parse::<Phase>().expect("code with dash"),
        Phase::GoLive
    );
}

#[test]
fn an_update_changes_fields_bumps_the_version_and_is_audited() {
    let store = store();
    let created = store.create_rollout(&go_live_draft()).expect("create");
    let edited = RolloutDraft {
        go_live_date: Some("2027-02-15".into()),
        owner: "Priya Nair".into(),
        ..created.draft()
    };
    let updated = store
        .update_rollout(&created.id, 1, &edited)
        .expect("update");
    assert_eq!(updated.row_version, 2);
    assert_eq!(updated.owner, "Priya Nair");
    assert!(updated.updated_at >= created.updated_at);

    let history = store.rollout_history(&created.id).expect("history");
    assert_eq!(history.len(), 2, "a create and an update");
    let latest = &history[0];
    assert_eq!(latest.action, AuditAction::Update);
    assert_eq!(
        latest.changes,
        vec![
            FieldChange {
                field: "owner".into(),
                old: Some("Dana Whitfield".into()),
                new: Some("Priya Nair".into()),
            },
            FieldChange {
                field: "go_live_date".into(),
                old: Some("2027-02-01".into()),
                new: Some("2027-02-15".into()),
            },
        ],
        "the audit log records exactly the fields that changed, old and new"
    );
    assert_eq!(history[1].action, AuditAction::Create);
    assert!(
        history[1]
            .changes
            .iter()
            .any(|c| c.field == "name" && c.new.as_deref() == Some("EHR go-live")),
        "the create entry records the initial values"
    );
}

#[test]
fn a_history_page_holds_the_newest_entries_and_counts_the_whole() {
    let store = store();
    let mut rollout = store.create_rollout(&go_live_draft()).expect("create");
    for owner in ["A", "B", "C", "D"] {
        let edited = RolloutDraft {
            owner: owner.into(),
            ..rollout.draft()
        };
        rollout = store
            .update_rollout(&rollout.id, rollout.row_version, &edited)
            .expect("update");
    }
    let whole = store.rollout_history(&rollout.id).expect("history");
    assert_eq!(whole.len(), 5, "a create and four updates");

    let newest = store
        .history_page(EntityKind::Rollout, &rollout.id, Some(2))
        .expect("page");
    assert_eq!(newest.total, 5);
    assert_eq!(newest.entries, whole[..2], "the two newest, newest first");

    for asked in [Some(5), Some(50), None] {
        let page = store
            .history_page(EntityKind::Rollout, &rollout.id, asked)
            .expect("page");
        assert_eq!((page.entries, page.total), (whole.clone(), 5), "{asked:?}");
    }
    let none = store
        .history_page(EntityKind::Rollout, "no-such-rollout", Some(50))
        .expect("page");
    assert_eq!((none.entries.len(), none.total), (0, 0));
}

#[test]
fn an_update_that_changes_nothing_writes_nothing() {
    let store = store();
    let created = store.create_rollout(&go_live_draft()).expect("create");
    let same = store
        .update_rollout(&created.id, 1, &created.draft())
        .expect("no-op update");
    assert_eq!(same.row_version, 1);
    assert_eq!(
        store.rollout_history(&created.id).expect("history").len(),
        1
    );
}

#[test]
fn a_stale_version_is_a_conflict_not_an_overwrite() {
    let store = store();
    let created = store.create_rollout(&go_live_draft()).expect("create");
    let first = RolloutDraft {
        owner: "A".into(),
        ..created.draft()
    };
    store
        .update_rollout(&created.id, 1, &first)
        .expect("first edit");
    let second = RolloutDraft {
        owner: "B".into(),
        ..created.draft()
    };
    let error = store
        .update_rollout(&created.id, 1, &second)
        .expect_err("stale edit");
    assert_eq!(error.code(), "conflict");
    assert_eq!(
        store.get_rollout(&created.id).expect("get").owner,
        "A",
        "the first edit stays"
    );
}

#[test]
fn trash_restore_and_purge() {
    let store = store();
    let created = store.create_rollout(&go_live_draft()).expect("create");

    let error = store
        .purge_rollout(&created.id)
        .expect_err("live rollouts cannot be purged");
    assert_eq!(error.code(), "conflict");

    let trashed = store.trash_rollout(&created.id).expect("trash");
    assert!(trashed.deleted_at.is_some());
    assert!(
        store.list_rollouts().expect("list").is_empty(),
        "trashed rollouts leave the list"
    );
    assert_eq!(store.list_trashed_rollouts().expect("trash list").len(), 1);
    let error = store
        .update_rollout(&created.id, trashed.row_version, &created.draft())
        .expect_err("a trashed rollout is read-only");
    assert_eq!(error.code(), "conflict");

    let restored = store.restore_rollout(&created.id).expect("restore");
    assert!(restored.deleted_at.is_none());
    assert_eq!(
        restored.draft(),
        created.draft(),
        "restoring brings every field back"
    );

    store.trash_rollout(&created.id).expect("trash again");
    store.purge_rollout(&created.id).expect("purge");
    assert_eq!(
        store.get_rollout(&created.id).expect_err("gone").code(),
        "not_found"
    );
    let actions: Vec<AuditAction> = store
        .rollout_history(&created.id)
        .expect("history outlives the rollout")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            AuditAction::Purge,
            AuditAction::Trash,
            AuditAction::Restore,
            AuditAction::Trash,
            AuditAction::Create
        ]
    );
}

#[test]
fn missing_rollouts_are_not_found() {
    let store = store();
    for error in [
        store.get_rollout("nope").expect_err("get"),
        store.trash_rollout("nope").expect_err("trash"),
        store
            .update_rollout("nope", 1, &go_live_draft())
            .expect_err("update"),
    ] {
        assert_eq!(error.code(), "not_found");
    }
}

#[test]
fn the_list_puts_the_soonest_go_live_first_and_undated_last() {
    let store = store();
    for (name, go_live) in [
        ("Undated", None),
        ("Later", Some("2027-05-01")),
        ("Sooner", Some("2027-01-01")),
    ] {
        store
            .create_rollout(&RolloutDraft {
                name: name.into(),
                go_live_date: go_live.map(String::from),
                ..RolloutDraft::default()
            })
            .expect("create");
    }
    let names: Vec<String> = store
        .list_rollouts()
        .expect("list")
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["Sooner", "Later", "Undated"]);
}

#[test]
fn errors_reach_the_ui_as_code_message_and_field() {
    let store = store();
    let error = store
        .create_rollout(&RolloutDraft::default())
        .expect_err("nameless");
    let payload = error.payload();
    assert_eq!(payload.code, "validation");
    assert_eq!(payload.field.as_deref(), Some("name"));
    let json = serde_json::to_value(&payload).expect("serialises");
    assert_eq!(json["code"], "validation");
    assert_eq!(json["field"], "name");
    assert!(json["message"].as_str().is_some_and(|m| m.contains("name")));
}
