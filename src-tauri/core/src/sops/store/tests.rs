//! The SQL guard of each versioned update of an SOP: called with a version the row has
//! moved on from, the store function itself refuses the edit as a conflict and writes
//! nothing.

use super::sops::{self, SopValues};
use crate::sops::{Sop, SopDraft, SopStatus, Step};
use crate::time::parse_date;
use crate::{CoreError, Store};

const AT: &str = "2026-12-01T09:00:00Z";

fn store_with_sop() -> (Store, Sop) {
    let store = Store::open_in_memory().expect("store");
    let sop = store
        .create_sop(&SopDraft {
            code: "FD-012".into(),
            title: "Check-in".into(),
            steps: vec![Step {
                role: "Front desk".into(),
                instruction: "Scan the insurance card".into(),
                ..Step::default()
            }],
            ..SopDraft::default()
        })
        .expect("sop");
    (store, sop)
}

fn assert_conflict(result: crate::Result<()>, what: &str) {
    match result {
        Err(error @ CoreError::Conflict(_)) => assert!(
            error.to_string().contains("changed elsewhere"),
            "a stale {what} is refused as changed elsewhere: {error}"
        ),
        other => panic!("a stale {what} must be a conflict, got {other:?}"),
    }
}

#[test]
fn an_sop_update_at_a_stale_version_is_refused_by_the_sql() {
    let (store, sop) = store_with_sop();
    let tags = Vec::new();
    let values = SopValues {
        code: "FD-012",
        title: "Check-in, renamed",
        purpose: "",
        scope: "",
        owner: "",
        status: SopStatus::Draft,
        version: sop.version,
        effective_date: None,
        review_interval_months: 12,
        next_review_override: None,
        tags: &tags,
        replaces: None,
    };
    let result =
        store.write(|tx| sops::update(tx, &sop.id, sop.row_version - 1, "FD-012", &values, AT));
    assert_conflict(result, "SOP update");
    let after = store.get_sop(&sop.id).expect("sop");
    assert_eq!(after.title, "Check-in", "the refused edit wrote nothing");
    assert_eq!(
        after.row_version, sop.row_version,
        "the version did not move"
    );
}

#[test]
fn an_approval_at_a_stale_version_is_refused_by_the_sql() {
    let (store, sop) = store_with_sop();
    let effective = parse_date("2026-12-01").expect("date");
    let result = store
        .write(|tx| sops::set_approved(tx, &sop.id, sop.row_version + 1, "FD-012", effective, AT));
    assert_conflict(result, "approval");
    let after = store.get_sop(&sop.id).expect("sop");
    assert_eq!(
        after.status,
        SopStatus::Draft,
        "the refused approval wrote nothing"
    );
    assert_eq!(
        after.row_version, sop.row_version,
        "the version did not move"
    );
    assert!(
        store.sop_revisions(&sop.id).expect("revisions").is_empty(),
        "no revision was frozen"
    );
}

#[test]
fn a_review_at_a_stale_version_is_refused_by_the_sql() {
    let (store, sop) = store_with_sop();
    let revision = store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-01-05")
        .expect("approved");
    let approved = revision.snapshot;
    let today = parse_date("2026-12-01").expect("date");
    let result = store
        .write(|tx| sops::set_reviewed(tx, &sop.id, approved.row_version - 1, "FD-012", today, AT));
    assert_conflict(result, "review");
    let after = store.get_sop(&sop.id).expect("sop");
    assert_eq!(
        after.last_reviewed_on, None,
        "the refused review wrote nothing"
    );
    assert_eq!(
        after.row_version, approved.row_version,
        "the version did not move"
    );
}

/// The SOP's rows in the search index: how many, and how many sit under its own rowid.
fn index_rows(store: &Store, sop_id: &str) -> (i64, i64) {
    store
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT count(*), count(*) FILTER
                     (WHERE rowid = (SELECT rowid FROM sops WHERE id = ?1))
                 FROM sop_search WHERE sop_id = ?1",
                [sop_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?)
        })
        .expect("index rows")
}

#[test]
fn an_edit_rewrites_the_sops_one_row_in_the_search_index_under_its_rowid() {
    let (store, sop) = store_with_sop();
    assert_eq!(
        index_rows(&store, &sop.id),
        (1, 1),
        "indexed under its rowid"
    );
    let mut draft = sop.draft();
    draft.title = "Arrival desk".into();
    let sop = store
        .update_sop(&sop.id, sop.row_version, &draft)
        .expect("edit");
    assert_eq!(index_rows(&store, &sop.id), (1, 1), "rewritten in place");

    // A copy whose rowids were renumbered holds the row elsewhere: the next edit still
    // replaces it, and puts it back under the SOP's rowid.
    store
        .write(|tx| {
            tx.execute_batch(&format!(
                "INSERT INTO sop_search (rowid, sop_id, code, title, purpose, body)
                     SELECT 4242, sop_id, code, title, purpose, body FROM sop_search
                     WHERE sop_id = '{id}';
                 DELETE FROM sop_search WHERE sop_id = '{id}' AND rowid <> 4242;",
                id = sop.id
            ))?;
            Ok(())
        })
        .expect("move the row");
    assert_eq!(index_rows(&store, &sop.id), (1, 0), "moved away");
    draft.title = "Patient arrival".into();
    store
        .update_sop(&sop.id, sop.row_version, &draft)
        .expect("edit");
    assert_eq!(index_rows(&store, &sop.id), (1, 1), "back under its rowid");
    let titles = |query: &str| -> Vec<String> {
        store
            .search_sops(query, 10)
            .expect("search")
            .into_iter()
            .map(|hit| hit.title)
            .collect()
    };
    assert_eq!(
        titles("arrival"),
        ["Patient arrival"],
        "found once, by its new title"
    );
}
