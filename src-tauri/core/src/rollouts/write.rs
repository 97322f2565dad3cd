//! Writing a rollout inside a transaction: inserting one, the one shape every edit of a
//! rollout takes (checked, versioned, recorded), and the go-live date a change of the
//! plan's dates sets. Callers bring the transaction; the SQL is in `store.rs`.

use chrono::NaiveDate;

use super::store::{self, Version};
use super::validate::{validate, ValidRollout};
use super::{Rollout, RolloutDraft, ScheduleMode};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::store::Tx;
use crate::time::{date_text, now, timestamp_text};
use crate::Result;

/// Validates and inserts one rollout inside a caller's transaction (the sample clinic
/// and templates create a rollout and its content in one transaction).
pub(crate) fn insert_draft(tx: &Tx<'_>, draft: &RolloutDraft) -> Result<Rollout> {
    insert(tx, &validate(draft)?)
}

pub(super) fn insert(tx: &Tx<'_>, valid: &ValidRollout) -> Result<Rollout> {
    let at = timestamp_text(now());
    let id = store::insert(tx, valid, ScheduleMode::FOR_NEW_ROLLOUTS, &at)?;
    let mut changes = ChangeSet::default();
    describe_changes(&mut changes, None, valid);
    audit::record(
        tx,
        &at,
        EntityKind::Rollout,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    store::fetch(tx, &id)
}

/// The one way an edit of a rollout is written: refused if the rollout is in the trash
/// or moved on from `expected_row_version`; nothing written when `changes` is empty;
/// otherwise `write` makes the versioned update and the history notes `changes`.
pub(super) fn edit(
    tx: &Tx<'_>,
    current: Rollout,
    expected_row_version: i64,
    changes: ChangeSet,
    write: impl FnOnce(Version<'_>, &str) -> Result<()>,
) -> Result<Rollout> {
    check_editable(
        &current.name,
        current.deleted_at.is_some(),
        current.row_version,
        expected_row_version,
    )?;
    if changes.is_empty() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    write((&current.id, expected_row_version, &current.name), &at)?;
    record_update(tx, &at, &current.id, changes)?;
    store::fetch(tx, &current.id)
}

/// Sets the go-live date of `current` (as read in this transaction, and checked by the
/// caller) as part of a larger change of the plan's dates — a go-live move or its Undo
/// — with its history entry at the change's time `at`.
pub(crate) fn write_go_live(
    tx: &Tx<'_>,
    at: &str,
    current: &Rollout,
    go_live: Option<NaiveDate>,
) -> Result<()> {
    store::update_go_live(
        tx,
        (&current.id, current.row_version, &current.name),
        go_live,
        at,
    )?;
    let text = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let mut changes = ChangeSet::default();
    changes.compare("go_live_date", text(current.go_live_date), text(go_live));
    record_update(tx, at, &current.id, changes)
}

fn record_update(tx: &Tx<'_>, at: &str, id: &str, changes: ChangeSet) -> Result<()> {
    audit::record(
        tx,
        at,
        EntityKind::Rollout,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )
}

/// Notes every field whose stored text would change; `None` describes a new rollout.
pub(super) fn describe_changes(changes: &mut ChangeSet, old: Option<&Rollout>, new: &ValidRollout) {
    let text = |f: fn(&Rollout) -> String| old.map(f).unwrap_or_default();
    let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    changes.compare("name", text(|r| r.name.clone()), new.name.as_str());
    changes.compare(
        "kind",
        old.map(|r| r.kind.code()).unwrap_or(""),
        new.kind.code(),
    );
    changes.compare("goal", text(|r| r.goal.clone()), new.goal.as_str());
    changes.compare("sites", text(|r| r.sites.join(", ")), new.sites.join(", "));
    changes.compare("sponsor", text(|r| r.sponsor.clone()), new.sponsor.as_str());
    changes.compare("owner", text(|r| r.owner.clone()), new.owner.as_str());
    changes.compare(
        "start_date",
        date(old.and_then(|r| r.start_date)),
        date(new.start_date),
    );
    changes.compare(
        "go_live_date",
        date(old.and_then(|r| r.go_live_date)),
        date(new.go_live_date),
    );
    changes.compare(
        "phase",
        old.map(|r| r.phase.code()).unwrap_or(""),
        new.phase.code(),
    );
    changes.compare(
        "scope_in",
        text(|r| r.scope_in.clone()),
        new.scope_in.as_str(),
    );
    changes.compare(
        "scope_out",
        text(|r| r.scope_out.clone()),
        new.scope_out.as_str(),
    );
}
