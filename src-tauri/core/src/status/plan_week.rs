//! A rollout's plan as its status reads it: the live tasks, and the audit entries about
//! them since the week began. On a 5,000-task go-live that is most of a draft's reading
//! (the tasks 20–30 ms, their week of entries 25–35 ms, on the extra-large
//! workspace), and it changes only when the plan does, so it is kept
//! ([`crate::store::Kept`]) while the plan's tables are as they were: someone added to
//! the directory, a risk raised or a metric's value entered leave it, and the draft is
//! worked out again from it.
//!
//! The audit log is read but not watched: every write records its entry every time, so
//! watching the log would make the plan stale on any write at all. An entry about a
//! task is recorded in the same transaction as the write to the task's row — a task
//! created, edited, moved to the trash, purged, or its change undone — and that write is
//! watched, so no entry about these tasks arrives without the kept plan going stale.

use chrono::NaiveDate;

use super::changes::Histories;
use super::week::StatusWeek;
use crate::audit::{entries_since_of_fields, EntityKind};
use crate::plan::Task;
use crate::store::{Conn, Reads};
use crate::Result;

/// What [`PlanWeek::load`] reads, but the audit log (see the module's note).
pub(crate) const PLAN_WEEK_READS: Reads = Reads {
    name: "status_plan_week",
    tables: &[
        ("plan_tasks", &[]),
        ("plan_phases", &[]),
        ("plan_dependencies", &[]),
    ],
    // A task's owner's name, through its `owner_id`.
    pointed_at: &[("people", &["id", "name"])],
};

/// The plan of one rollout from the start of one week.
#[derive(Debug)]
pub(crate) struct PlanWeek {
    rollout_id: String,
    monday: NaiveDate,
    /// Live tasks as they are today, in plan order.
    pub tasks: Vec<Task>,
    /// Entries about those tasks since the week began, newest first (later ones too:
    /// they are undone to see the week's end), with their changes of the fields the
    /// status reads ([`super::tasks::FIELDS_READ`]).
    pub task_entries: Histories,
}

impl PlanWeek {
    pub(crate) fn load(conn: &Conn, rollout_id: &str, week: &StatusWeek) -> Result<Self> {
        let tasks = crate::plan::list_live_tasks(conn, rollout_id)?;
        let task_ids: Vec<String> = tasks.iter().map(|t| t.id.clone()).collect();
        let task_entries = Histories::group(entries_since_of_fields(
            conn,
            EntityKind::PlanTask,
            &task_ids,
            &week.start_instant(),
            &super::tasks::FIELDS_READ,
        )?);
        Ok(Self {
            rollout_id: rollout_id.to_owned(),
            monday: week.monday,
            tasks,
            task_entries,
        })
    }

    /// Whether this is the plan of `rollout_id` read from the start of `week`. The day
    /// the week is seen as of does not matter: the entries are read to today.
    pub(crate) fn is_for(&self, rollout_id: &str, week: &StatusWeek) -> bool {
        self.rollout_id == rollout_id && self.monday == week.monday
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::plan::TaskStatus;
    use crate::status::draft::assemble;
    use crate::status::sources::gather;
    use crate::status::StatusDraft;
    use crate::Store;

    /// The sample clinic, recording undo as the app does, and its rollout of the most
    /// tasks.
    fn clinic(today: NaiveDate) -> (Store, String) {
        let store = Store::open_in_memory().expect("store");
        crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        store.record_undo().expect("undo");
        let rollout = store
            .read(|conn| {
                Ok(conn.query_row(
                    "SELECT rollout_id FROM plan_tasks GROUP BY rollout_id
                     ORDER BY count(*) DESC LIMIT 1",
                    [],
                    |row| row.get(0),
                )?)
            })
            .expect("a rollout with tasks");
        (store, rollout)
    }

    /// This week's draft as the store gives it, and as drafted from a plan read afresh.
    fn kept_and_fresh(store: &Store, rollout_id: &str, today: NaiveDate) -> [StatusDraft; 2] {
        let kept = store.draft_status(rollout_id, today, today).expect("draft");
        let week = StatusWeek::containing(today, today).expect("week");
        let sources = store
            .read(|conn| {
                let plan = Arc::new(PlanWeek::load(conn, rollout_id, &week)?);
                let training = crate::training::completion_in(conn, rollout_id, today)?;
                gather(conn, rollout_id, week, today, Some(training), plan)
            })
            .expect("the week read afresh");
        let name = sources.rollout.name.clone();
        let fresh = assemble(Some(rollout_id.to_owned()), name, week, &[sources]);
        [kept, fresh]
    }

    fn plans_read(store: &Store) -> usize {
        store.kept.status_plan_week.loads()
    }

    /// A write elsewhere drafts the week again from the kept plan; a write to the plan,
    /// or to the name of a task's owner, reads the plan again. Either way the draft is
    /// the one a plan read afresh gives.
    #[test]
    fn the_plan_is_kept_across_drafts_until_the_plan_itself_changes() {
        // The log writes the clock's instants: this week is the one they fall in.
        let today = chrono::Utc::now().date_naive();
        let (store, rollout) = clinic(today);
        let [kept, fresh] = kept_and_fresh(&store, &rollout, today);
        assert_eq!(kept, fresh);
        let read = plans_read(&store);

        store
            .create_person(&crate::people::PersonDraft {
                name: "Noor Haddad".into(),
                ..Default::default()
            })
            .expect("someone added");
        let drafted = store.status_drafts_worked_out();
        let [kept, fresh] = kept_and_fresh(&store, &rollout, today);
        assert_eq!(kept, fresh, "someone added to the directory");
        assert_eq!(
            store.status_drafts_worked_out(),
            drafted + 1,
            "drafted again"
        );
        assert_eq!(plans_read(&store), read, "from the kept plan");

        let task = store
            .list_tasks(&rollout)
            .expect("tasks")
            .into_iter()
            .find(|t| t.owner_id.is_some() && t.status != TaskStatus::Done)
            .expect("an open task with an owner");
        let owner = store
            .get_person(task.owner_id.as_deref().expect("owner"))
            .expect("owner");
        let mut renamed = owner.draft();
        renamed.name = format!("{} Okafor", owner.name);
        store
            .update_person(&owner.id, owner.row_version, &renamed)
            .expect("renamed");
        let [kept, fresh] = kept_and_fresh(&store, &rollout, today);
        assert_eq!(kept, fresh, "a task's owner renamed");
        assert_eq!(plans_read(&store), read + 1, "the plan read again");

        let mut done = task.draft();
        done.status = TaskStatus::Done;
        store
            .update_task(&task.id, task.row_version, &done)
            .expect("completed");
        let [kept, fresh] = kept_and_fresh(&store, &rollout, today);
        assert_eq!(kept, fresh, "a task completed");
        assert_eq!(plans_read(&store), read + 2, "the plan read again");
        let completed = format!("task-done:{}", task.id);
        let has_completed = |draft: &StatusDraft| {
            draft
                .sections
                .iter()
                .flat_map(|s| &s.items)
                .any(|item| item.key == completed)
        };
        assert!(has_completed(&kept), "the completion is news of the week");

        store.undo().expect("undone");
        let [kept, fresh] = kept_and_fresh(&store, &rollout, today);
        assert_eq!(kept, fresh, "the completion undone");
        assert_eq!(plans_read(&store), read + 3, "the plan read again");
        assert!(!has_completed(&kept), "no completion once it is undone");
    }

    /// Every column the kept plan's read asks SQLite for is watched, but the audit log's
    /// (see the module's note).
    #[test]
    fn the_kept_plan_watches_every_column_it_reads_but_the_log() {
        let today = chrono::Utc::now().date_naive();
        let (store, rollout) = clinic(today);
        let week = StatusWeek::containing(today, today).expect("week");
        let read = store.columns_read(|conn| PlanWeek::load(conn, &rollout, &week).map(drop));
        let unwatched = PLAN_WEEK_READS.unwatched(&read);
        assert!(
            unwatched.iter().any(|(table, _)| table == "audit_log"),
            "the log was read: {read:?}"
        );
        // `json_each` is SQLite's own, reading the list of task ids the query is given.
        let not_the_log: Vec<_> = unwatched
            .iter()
            .filter(|(table, _)| table != "audit_log" && table != "json_each")
            .collect();
        assert!(
            not_the_log.is_empty(),
            "every column the plan reads is watched but the log's; not: {not_the_log:?}"
        );
    }
}
