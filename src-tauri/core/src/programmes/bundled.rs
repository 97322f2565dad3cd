//! A programme in a bundle: what an export says about the programme its rollout is a
//! wave of, and what an import does with it. The programme is added when it is new
//! here; the bundle's rollout, and any other of its waves whose rollout is here, join
//! it unless they are already in a programme here (a rollout is in one at a time, and
//! the receiver's grouping is theirs). A programme already here keeps its own name.

use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::bundle::{BundleProgramme, BundleWave};
use crate::programmes::{membership, store, validate, waves_in, ProgrammeDraft};
use crate::store::{Conn, Tx};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result};

/// The live programme the rollout is a wave of, with its live waves; `None` when it is
/// in none.
pub(crate) fn bundle_programme_in(
    conn: &Conn,
    rollout_id: &str,
) -> Result<Option<BundleProgramme>> {
    let Some((id, false)) = store::waves::programme_of(conn, rollout_id)? else {
        return Ok(None);
    };
    let programme = store::programmes::fetch(conn, &id)?;
    let waves = waves_in(conn, &id)?
        .into_iter()
        .map(|wave| BundleWave {
            number: wave.number,
            rollout_id: wave.rollout.id,
            rollout_name: wave.rollout.name,
            go_live_date: wave.rollout.go_live_date,
        })
        .collect();
    Ok(Some(BundleProgramme {
        id: programme.id,
        name: programme.name,
        description: programme.description,
        owner: programme.owner,
        waves,
    }))
}

/// Adds the bundle's programme if it is new here and groups the waves that can join
/// it; returns what the person should know (a wave left in another programme, a
/// programme in the trash here).
pub(crate) fn join_from_bundle(
    tx: &Tx<'_>,
    programme: &BundleProgramme,
    rollout_id: &str,
) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    match store::programmes::fetch(tx, &programme.id) {
        Ok(here) if here.deleted_at.is_some() => {
            warnings.push(format!(
                "The programme '{}' is in your trash, so its waves were not grouped. Restore \
                 it and import again to group them.",
                here.name
            ));
            return Ok(warnings);
        }
        Ok(_) => {}
        Err(CoreError::NotFound { .. }) => add(tx, programme)?,
        Err(other) => return Err(other),
    }
    let mut joining: Vec<&str> = vec![rollout_id];
    joining.extend(
        programme
            .waves
            .iter()
            .map(|w| w.rollout_id.as_str())
            .filter(|id| *id != rollout_id),
    );
    for id in joining {
        // Only live rollouts here join: one the bundle names that is not here, or is in
        // the trash here, is left as it is.
        match crate::rollouts::fetch_rollout(tx, id) {
            Ok(rollout) if rollout.deleted_at.is_none() => {}
            Ok(_) | Err(CoreError::NotFound { .. }) => continue,
            Err(other) => return Err(other),
        }
        match store::waves::programme_of(tx, id)? {
            Some((current, _)) if current == programme.id => {}
            Some((current, false)) => {
                let other = store::programmes::fetch(tx, &current)?;
                let rollout = crate::rollouts::fetch_rollout(tx, id)?;
                warnings.push(format!(
                    "'{}' stays a wave of your programme '{}', so it was not added to '{}'.",
                    rollout.name, other.name, programme.name
                ));
            }
            _ => membership::add_wave(tx, &programme.id, id)?,
        }
    }
    Ok(warnings)
}

/// Adds the programme under the bundle's id, checked like one a person creates.
fn add(tx: &Tx<'_>, programme: &BundleProgramme) -> Result<()> {
    let valid = validate::validate(&ProgrammeDraft {
        name: programme.name.clone(),
        description: programme.description.clone(),
        owner: programme.owner.clone(),
    })?;
    let at = timestamp_text(now());
    store::programmes::insert(tx, &programme.id, &valid, &at)?;
    let mut changes = ChangeSet::default();
    super::describe(&mut changes, None, &valid);
    audit::record(
        tx,
        &at,
        EntityKind::Programme,
        &programme.id,
        AuditAction::Create,
        &changes.into_changes(),
    )
}
