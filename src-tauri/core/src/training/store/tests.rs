//! The SQL guard of the training tables that are edited: an edit based on a version
//! that is no longer the row's is refused by the `UPDATE` itself, whatever was checked
//! before it.

use chrono::NaiveDate;

use super::{modules, records};
use crate::people::PersonDraft;
use crate::rollouts::RolloutDraft;
use crate::training::records::validate;
use crate::training::{ModuleDraft, RecordDraft, RecordStatus, TrainingFormat};
use crate::Store;

const AT: &str = "2026-11-02T09:00:00Z";

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
    let role = store.list_roles().expect("roles")[0].id.clone();
    store
        .create_person(&PersonDraft {
            name: "Ana".into(),
            role_id: Some(role.clone()),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Check-in redesign".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
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
