//! Writing a task inside a caller's transaction: the single edit, the single insert, and
//! the runs of inserts an import or a template makes into one plan (sharing their
//! [`Lookups`]). Each is checked, written through `store/` and recorded in the history.

use super::changes::describe_changes;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::plan::progress::{settle, Progress};
use crate::plan::store::lookups::Lookups;
use crate::plan::store::tasks as rows;
use crate::plan::validate::{validate, ValidTask};
use crate::plan::{Task, TaskDraft};
use crate::store::editable::check_editable;
use crate::store::Tx;
use crate::time::{now, timestamp_text};
use crate::Result;

/// Replaces a live task's editable fields inside a caller's transaction (see
/// [`crate::Store::update_task`]).
pub(crate) fn update_in(
    tx: &Tx<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &TaskDraft,
) -> Result<Task> {
    let current = rows::fetch(tx, id)?;
    check_editable(
        &current.title,
        current.deleted_at.is_some(),
        current.row_version,
        expected_row_version,
    )?;
    let draft = &*current.keeping_owner(draft);
    let lookups = &mut Lookups::default();
    let mut valid = validate(draft, lookups.refs(tx, &current.rollout_id, draft)?)?;
    settle_progress(
        &mut valid,
        draft,
        Some(Progress {
            status: current.status,
            percent_complete: current.percent_complete,
        }),
    );
    let old_names = lookups.names(tx, current.phase_id.as_deref(), current.owner_id.as_deref())?;
    let new_names = lookups.names(tx, valid.phase_id.as_deref(), valid.owner_id.as_deref())?;
    let mut changes = ChangeSet::default();
    describe_changes(
        &mut changes,
        Some((&current, &old_names)),
        (&valid, &new_names),
    );
    if changes.is_empty() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    rows::update(tx, (id, expected_row_version, &current.title), &valid, &at)?;
    audit::record(
        tx,
        &at,
        EntityKind::PlanTask,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    rows::fetch(tx, id)
}

/// Validates and inserts a task inside a caller's transaction.
pub(crate) fn insert_task(tx: &Tx<'_>, rollout_id: &str, draft: &TaskDraft) -> Result<Task> {
    let task = add_unrecorded_task(tx, &mut Lookups::default(), rollout_id, draft)?;
    let id = task.id.clone();
    task.record(tx, &[])?;
    rows::fetch(tx, &id)
}

/// A task just written whose creation is not in the history yet: an import records it
/// once the task's dependencies are known too, as one entry — not one for the task and
/// then an edit for each task it waits for.
pub(crate) struct UnrecordedTask {
    pub id: String,
    /// As written, after the checks (trimmed).
    pub title: String,
    at: String,
    changes: ChangeSet,
}

impl UnrecordedTask {
    /// Records the task's creation, with the titles of the tasks it waits for.
    pub(crate) fn record(mut self, tx: &Tx<'_>, waits_for: &[String]) -> Result<()> {
        self.changes.compare("depends_on", "", waits_for.join("; "));
        audit::record(
            tx,
            &self.at,
            EntityKind::PlanTask,
            &self.id,
            AuditAction::Create,
            &self.changes.into_changes(),
        )
    }
}

/// Validates and inserts a task, leaving its history entry to the caller (see
/// [`UnrecordedTask`]); the caller's transaction must record it before committing. The
/// run's `lookups` answer what earlier rows already asked.
pub(crate) fn add_unrecorded_task(
    tx: &Tx<'_>,
    lookups: &mut Lookups,
    rollout_id: &str,
    draft: &TaskDraft,
) -> Result<UnrecordedTask> {
    lookups.require_rollout(tx, rollout_id)?;
    let mut valid = validate(draft, lookups.refs(tx, rollout_id, draft)?)?;
    settle_progress(&mut valid, draft, None);
    let at = timestamp_text(now());
    let id = rows::insert(tx, rollout_id, &valid, &at)?;
    let names = lookups.names(tx, valid.phase_id.as_deref(), valid.owner_id.as_deref())?;
    let mut changes = ChangeSet::default();
    describe_changes(&mut changes, None, (&valid, &names));
    Ok(UnrecordedTask {
        id,
        title: valid.title,
        at,
        changes,
    })
}

/// Brings the checked task's status and percentage into step (see `progress.rs`).
fn settle_progress(valid: &mut ValidTask, draft: &TaskDraft, before: Option<Progress>) {
    let settled = settle(valid.status, draft.percent_complete, before);
    valid.status = settled.status;
    valid.percent_complete = settled.percent_complete;
}
