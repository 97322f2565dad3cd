//! Which rollouts are waves of a programme: adding one, taking one out, and asking which
//! programme a rollout is in. A rollout belongs to one programme at a time: the table's
//! key is the rollout, and the core refuses a second programme with a sentence that
//! names the first, rather than leaving the person with a database error.

use crate::audit::{self, AuditAction, EntityKind, FieldChange};
use crate::programmes::{store, waves_in, Programme, ProgrammeWaves};
use crate::store::Tx;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// Makes a rollout a wave of a programme; its number follows from its go-live.
    /// Refused when the rollout is already in a live programme (this one or another)
    /// or either of them is in the trash.
    pub fn add_rollout_to_programme(
        &self,
        programme_id: &str,
        rollout_id: &str,
    ) -> Result<ProgrammeWaves> {
        self.write(|tx| {
            add_wave(tx, programme_id, rollout_id)?;
            let programme = store::programmes::fetch(tx, programme_id)?;
            let waves = waves_in(tx, programme_id)?;
            Ok(ProgrammeWaves { programme, waves })
        })
    }

    /// Takes a rollout out of its programme; it stays as it is, ungrouped. A rollout in
    /// no live programme is left alone.
    pub fn remove_rollout_from_programme(&self, rollout_id: &str) -> Result<()> {
        self.write(|tx| {
            let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
            let Some((programme_id, trashed)) = store::waves::programme_of(tx, rollout_id)? else {
                return Ok(());
            };
            if trashed {
                return Ok(());
            }
            store::waves::delete(tx, rollout_id)?;
            record_wave(tx, &programme_id, Some(rollout.name), None)
        })
    }

    /// The live programme a rollout is a wave of, if any.
    pub fn programme_of_rollout(&self, rollout_id: &str) -> Result<Option<Programme>> {
        self.read(|conn| {
            crate::rollouts::require_rollout(conn, rollout_id)?;
            match store::waves::programme_of(conn, rollout_id)? {
                Some((id, false)) => Ok(Some(store::programmes::fetch(conn, &id)?)),
                _ => Ok(None),
            }
        })
    }
}

/// Adds the wave inside a caller's transaction (planning the next wave adds the rollout
/// it has just created).
pub(crate) fn add_wave(tx: &Tx<'_>, programme_id: &str, rollout_id: &str) -> Result<()> {
    let programme = store::programmes::fetch(tx, programme_id)?;
    if programme.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "The programme '{}' is in the trash: restore it before adding waves.",
            programme.name
        )));
    }
    let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
    if rollout.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before adding it to a programme.",
            rollout.name
        )));
    }
    match store::waves::programme_of(tx, rollout_id)? {
        Some((current, false)) if current == programme_id => {
            return Err(CoreError::invalid(
                "rollout",
                format!(
                    "'{}' is already a wave of '{}'.",
                    rollout.name, programme.name
                ),
            ));
        }
        Some((current, false)) => {
            let other = store::programmes::fetch(tx, &current)?;
            return Err(CoreError::invalid(
                "rollout",
                format!(
                    "'{}' is already a wave of '{}', and a rollout belongs to one programme \
                     at a time: take it out of '{}' first.",
                    rollout.name, other.name, other.name
                ),
            ));
        }
        // Its programme was removed: joining another one releases it from that one,
        // which then comes back without it if it is restored.
        Some((_, true)) => {
            store::waves::delete(tx, rollout_id)?;
        }
        None => {}
    }
    let at = timestamp_text(now());
    store::waves::insert(tx, programme_id, rollout_id, &at)?;
    record_wave(tx, programme_id, None, Some(rollout.name))
}

/// The programme's history notes a wave joining (`new`) or leaving (`old`).
fn record_wave(
    tx: &Tx<'_>,
    programme_id: &str,
    old: Option<String>,
    new: Option<String>,
) -> Result<()> {
    let at = timestamp_text(now());
    audit::record(
        tx,
        &at,
        EntityKind::Programme,
        programme_id,
        AuditAction::Update,
        &[FieldChange {
            field: "wave".into(),
            old,
            new,
        }],
    )
}
