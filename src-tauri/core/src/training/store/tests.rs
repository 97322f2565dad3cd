//! The SQL guard of the training tables that are edited: an edit based on a version
//! that is no longer the row's is refused by the `UPDATE` itself, whatever was checked
//! before it.

use chrono::NaiveDate;

use super::{modules, records};
use crate::people::PersonDraft;
use crate::rollouts::RolloutDraft;
use crate::store::inspect::{query_plan, reads_index_alone};
use crate::training::records::validate;
use crate::training::{ModuleDraft, RecordDraft, RecordStatus, TrainingFormat};
use crate::Store;

const AT: &str = "2026-11-02T09:00:00Z";

/// `names` in the first role, and a rollout: the role's id and the rollout's.
fn staff_and_rollout(store: &Store, names: &[&str]) -> (String, String) {
    let role = store.list_roles().expect("roles")[0].id.clone();
    for name in names {
        store
            .create_person(&PersonDraft {
                name: (*name).into(),
                role_id: Some(role.clone()),
                ..PersonDraft::default()
            })
            .expect("person");
    }
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Check-in redesign".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (role, rollout)
}

fn module_draft() -> ModuleDraft {
    ModuleDraft {
        title: "New check-in workflow".into(),
        format: TrainingFormat::Classroom,
        duration_minutes: 90,
        description: String::new(),
    }
}

#[test]
fn a_module_edit_at_a_stale_version_is_refused_by_its_update() {
    let store = Store::open_in_memory().expect("store");
    let module = store
        .create_training_module(&module_draft())
        .expect("module");
    let edited = ModuleDraft {
        duration_minutes: 120,
        ..module_draft()
    };
    let refused = store
        .write(|tx| {
            modules::update(
                tx,
                &module.id,
                module.row_version - 1,
                &edited,
                AT,
                &module.title,
            )
        })
        .expect_err("an update at a stale version must be refused");
    assert_eq!(
        refused.code(),
        "conflict",
        "a stale edit is a conflict: {refused}"
    );
    let after = store
        .read(|conn| modules::fetch(conn, &module.id))
        .expect("module")
        .0;
    assert_eq!(after, module, "a refused edit leaves the module as it was");
}

#[test]
fn a_record_edit_at_a_stale_version_is_refused_by_its_update() {
    let store = Store::open_in_memory().expect("store");
    let (role, rollout) = staff_and_rollout(&store, &["Ana"]);
    let module = store
        .create_training_module(&module_draft())
        .expect("module");
    store
        .add_requirement(&rollout, &role, &module.id, "2026-12-01", &[])
        .expect("requirement");
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).expect("date");
    let due = store.training_due(None, today, 60).expect("due");
    let (record, title) = store
        .read(|conn| records::fetch(conn, &due[0].record_id))
        .expect("record");
    let draft = RecordDraft {
        status: RecordStatus::InProgress,
        ..RecordDraft::default()
    };
    let valid = validate(&draft, true, today).expect("a valid edit");
    let refused = store
        .write(|tx| records::update(tx, &record.id, record.row_version - 1, &valid, AT, &title))
        .expect_err("an update at a stale version must be refused");
    assert_eq!(
        refused.code(),
        "conflict",
        "a stale edit is a conflict: {refused}"
    );
    let after = store
        .read(|conn| records::fetch(conn, &record.id))
        .expect("record")
        .0;
    assert_eq!(after, record, "a refused edit leaves the record as it was");
}

#[test]
fn the_trained_figure_read_back_from_history_is_todays_figure_with_sites_honoured() {
    // The sample clinic's SMS rollout is at Riverside only and its billing module is
    // for the central billing office: the history must leave out the same people the
    // day's completion leaves out, or a chart would disagree with the readiness card.
    let store = Store::open_in_memory().expect("store");
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    for rollout in rollouts {
        let (now, history) = store
            .read(|conn| {
                Ok((
                    crate::training::completion_in(conn, &rollout.id, today)?,
                    super::standing::completion_on(conn, &rollout.id, &[today])?,
                ))
            })
            .expect("completion");
        assert!(!now.is_empty(), "{} requires training", rollout.name);
        assert_eq!(
            history[0], now,
            "{}: the history's figure for today is today's figure",
            rollout.name
        );
    }
}

/// Where everyone stands on every rollout's training is kept between reads (see
/// `store::kept`): it gives what reading one rollout alone gives, and a write — by this
/// store or by another connection to the file — is seen by the very next read.
#[test]
fn the_kept_standing_is_read_again_after_a_write_here_or_by_another_connection() {
    use crate::training::MatrixFilter;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("clinic.db");
    let store = Store::open(&path).expect("store");
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let done = |store: &Store| {
        store
            .training_matrix(&MatrixFilter::default(), today)
            .expect("matrix")
            .done
    };
    let each_rollout_agrees = |store: &Store| {
        for rollout in &rollouts {
            let alone = store
                .read(|conn| crate::training::completion_in(conn, &rollout.id, today))
                .expect("read alone");
            let kept = store
                .rollout_training_completion(&rollout.id, today)
                .expect("kept");
            assert_eq!(kept, alone, "{}", rollout.name);
        }
    };
    let before = done(&store);
    assert_eq!(done(&store), before, "read twice, the same");
    each_rollout_agrees(&store);

    let open = store
        .training_due(None, today, 3650)
        .expect("due")
        .into_iter()
        .find(|due| !due.status.is_done())
        .expect("an open record");
    store
        .update_training_record(
            &open.record_id,
            open.row_version,
            &RecordDraft {
                status: RecordStatus::Completed,
                completed_on: Some("2026-11-19".into()),
                ..RecordDraft::default()
            },
            today,
        )
        .expect("completed");
    assert_eq!(
        done(&store),
        before + 1,
        "this store's write is seen at once"
    );
    each_rollout_agrees(&store);

    let other = rusqlite::Connection::open(&path).expect("another connection");
    other
        .execute(
            "UPDATE training_records SET status = 'assigned', completed_on = NULL
             WHERE id = ?1",
            [&open.record_id],
        )
        .expect("undone elsewhere");
    assert_eq!(
        done(&store),
        before,
        "another connection's write is seen at once"
    );
    each_rollout_agrees(&store);
}

/// The kept standing is read again only when something it reads changes: a task's title
/// typed or a rollout's scope edited leave it kept; a training record, a person or a
/// requirement changed make the next read count afresh, and a write rolled back leaves
/// a value that is still the database's. Checked with undo recording on, as in the app
/// (its TEMP triggers sit beside the kept value's).
#[test]
fn the_kept_standing_is_read_again_only_when_what_it_reads_changes() {
    use crate::training::MatrixFilter;
    let store = Store::open_in_memory().expect("store");
    store.record_undo().expect("undo recording");
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let matrix = |store: &Store| {
        store
            .training_matrix(&MatrixFilter::default(), today)
            .expect("matrix")
    };
    // What reading everything afresh gives, to compare the kept value with.
    let afresh = |store: &Store| {
        store
            .read(|conn| {
                let standing =
                    super::standing::load(conn, None, super::super::standing::Read::Every)?;
                Ok(rollouts
                    .iter()
                    .map(|r| standing.completion_of(&r.id, today))
                    .collect::<Vec<_>>())
            })
            .expect("read afresh")
    };
    let kept = |store: &Store| {
        store
            .training_completion_by_rollout(today)
            .map(|by_rollout| {
                rollouts
                    .iter()
                    .map(|r| by_rollout.get(&r.id).cloned().unwrap_or_default())
                    .collect::<Vec<_>>()
            })
            .expect("kept")
    };
    let loads = |store: &Store| store.kept.every_standing.loads();
    let done = matrix(&store).done;
    let mut read = loads(&store);
    let mut expect_read_again = |store: &Store, again: bool, what: &str| {
        assert_eq!(
            kept(store),
            afresh(store),
            "{what}: the kept standing is the database's"
        );
        let now = loads(store);
        assert_eq!(now > read, again, "{what}: read again? {again}");
        read = loads(store);
    };
    expect_read_again(&store, false, "read twice");

    let task = store.list_tasks(&rollouts[0].id).expect("tasks").remove(0);
    let mut draft = task.draft();
    draft.title.push_str(" (typed)");
    store
        .update_task(&task.id, task.row_version, &draft)
        .expect("task edited");
    expect_read_again(&store, false, "a task's title typed");

    let rollout = store.get_rollout(&rollouts[0].id).expect("rollout");
    let mut draft = rollout.draft();
    draft.scope_out.push_str("\nFax intake");
    store
        .update_rollout(&rollout.id, rollout.row_version, &draft)
        .expect("scope edited");
    expect_read_again(&store, false, "a rollout's scope edited");

    let open = store
        .training_due(None, today, 3650)
        .expect("due")
        .into_iter()
        .find(|due| !due.status.is_done())
        .expect("an open record");
    let completed = RecordDraft {
        status: RecordStatus::Completed,
        completed_on: Some("2026-11-19".into()),
        ..RecordDraft::default()
    };
    let rolled_back = store.dry_run(|tx| {
        let valid = validate(&completed, true, today)?;
        records::update(tx, &open.record_id, open.row_version, &valid, AT, "record")
    });
    assert!(rolled_back.is_ok(), "the dry run ran: {rolled_back:?}");
    assert_eq!(
        matrix(&store).done,
        done,
        "a rolled-back write leaves the figures"
    );
    expect_read_again(
        &store,
        false,
        "a training record completed, then rolled back",
    );

    store
        .update_training_record(&open.record_id, open.row_version, &completed, today)
        .expect("completed");
    assert_eq!(
        matrix(&store).done,
        done + 1,
        "the record completed is counted"
    );
    expect_read_again(&store, true, "a training record completed");

    let person = store
        .list_people(false)
        .expect("people")
        .into_iter()
        .find(|p| p.id == open.person_id)
        .expect("the record's person");
    let mut draft = person.draft();
    draft.active = false;
    store
        .update_person(&person.id, person.row_version, &draft)
        .expect("made inactive");
    expect_read_again(&store, true, "a person made inactive");

    let requirement = store
        .list_requirements(&rollouts[0].id)
        .expect("requirements")
        .remove(0);
    store
        .remove_requirement(&requirement.id)
        .expect("requirement removed");
    expect_read_again(&store, true, "a requirement removed");

    store.undo().expect("undone");
    expect_read_again(&store, true, "the removal undone");
}

/// Every column the standing's read asks SQLite for is one whose change makes the kept
/// standing stale ([`super::standing::READS`]): a read widened without the list would
/// otherwise keep a value its new column has made wrong.
#[test]
fn the_kept_standing_watches_every_column_it_reads() {
    let store = Store::open_in_memory().expect("store");
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let read = store.columns_read(|conn| {
        super::standing::load(conn, None, super::super::standing::Read::Every).map(drop)
    });
    assert!(
        read.iter().any(|(table, _)| table == "training_records"),
        "the records were read: {read:?}"
    );
    let unwatched = super::standing::READS.unwatched(&read);
    assert!(
        unwatched.is_empty(),
        "every column the standing reads is watched; not: {unwatched:?}"
    );
}

/// The due list reads every open record of the modules due soon: from the index that
/// holds just those records and all it shows of them (training_records_open, migration
/// 0031), never the table's rows.
#[test]
fn the_due_lists_records_come_from_the_index_of_open_records_alone() {
    let store = Store::open_in_memory().expect("store");
    let plan = store
        .read(|conn| {
            query_plan(
                conn,
                &records::open_due_by_sql(),
                rusqlite::params![None::<String>, "2026-12-01"],
            )
        })
        .expect("plan");
    assert!(
        reads_index_alone(&plan, "training_records_open"),
        "the open records come from their covering index: {plan:?}"
    );
}

#[test]
fn the_due_page_holds_the_first_of_each_list_and_how_many_there_are() {
    let store = Store::open_in_memory().expect("store");
    let (role, rollout) = staff_and_rollout(&store, &["Ana Abbott", "Ben Brown", "Cy Cole"]);
    let late = store
        .create_training_module(&module_draft())
        .expect("module");
    let soon = store
        .create_training_module(&ModuleDraft {
            title: "Downtime forms".into(),
            ..module_draft()
        })
        .expect("module");
    store
        .add_requirement(&rollout, &role, &late.id, "2026-11-01", &[])
        .expect("overdue requirement");
    store
        .add_requirement(&rollout, &role, &soon.id, "2026-11-20", &[])
        .expect("soon requirement");
    let today = NaiveDate::from_ymd_opt(2026, 11, 15).expect("date");
    let every = store.training_due(None, today, 7).expect("due");
    let page = store
        .training_due_page(None, today, 7, (2, 10))
        .expect("due page");
    assert_eq!(
        (page.overdue_total, page.soon_total),
        (3, 3),
        "three people owe each module"
    );
    assert_eq!(page.overdue.len(), 2, "no more overdue rows than asked for");
    assert_eq!(
        page.overdue[..],
        every[..2],
        "the first overdue rows of the whole list, in its order"
    );
    assert_eq!(page.soon[..], every[3..], "every soon-due row fits");
    let past = store
        .training_due_page(None, today, 7, (0, 0))
        .expect("nothing asked for");
    assert!(
        past.overdue.is_empty() && past.soon.is_empty(),
        "no rows when none are asked for"
    );
    assert_eq!(
        (past.overdue_total, past.soon_total),
        (3, 3),
        "and still the totals"
    );
}
