//! *Plan the next wave*: one transaction that creates the next wave's rollout from the
//! last wave of a programme — its name, go-live and sites as the person chose them,
//! everything else as `wave_copy.rs` says — and adds it to the programme. The previous
//! wave is only read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bundle::{read_rollout_in, write_rollout_in, BundleRollout};
use crate::programmes::{membership, store, wave_copy, waves_in, Wave};
use crate::rollouts::{insert_draft, required_date, Phase, Rollout, RolloutDraft};
use crate::store::Tx;
use crate::time::date_text;
use crate::{CoreError, FieldError, Result, Store};

/// What a person chooses for the next wave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct WaveDraft {
    /// "EHR go-live — wave 2 (four sites)".
    pub name: String,
    /// `YYYY-MM-DD`; not before the previous wave's go-live.
    pub go_live_date: String,
    /// The sites the wave reaches.
    pub sites: Vec<String>,
}

impl Store {
    /// Creates the programme's next wave from its last one (by go-live) and returns it
    /// with its number. Refused, with nothing written, when the programme has no dated
    /// wave to copy, the draft is incomplete, or the go-live comes before the previous
    /// wave's.
    pub fn plan_next_wave(
        &self,
        programme_id: &str,
        draft: &WaveDraft,
        today: NaiveDate,
    ) -> Result<Wave> {
        self.write(|tx| plan_next_wave_in(tx, programme_id, draft, today))
    }
}

fn plan_next_wave_in(
    tx: &Tx<'_>,
    programme_id: &str,
    draft: &WaveDraft,
    today: NaiveDate,
) -> Result<Wave> {
    let programme = store::programmes::fetch(tx, programme_id)?;
    let Some(previous) = waves_in(tx, programme_id)?.pop().map(|wave| wave.rollout) else {
        return Err(CoreError::invalid(
            "programme",
            format!(
                "'{}' has no wave yet: add the rollout that is its first wave, then plan \
                 the next one from it.",
                programme.name
            ),
        ));
    };
    let Some(previous_go_live) = previous.go_live_date else {
        return Err(CoreError::invalid(
            "programme",
            format!(
                "The last wave, '{}', has no go-live date: give it one first, as the next \
                 wave's dates are moved from it.",
                previous.name
            ),
        ));
    };
    let go_live = check_draft(draft, &previous, previous_go_live)?;
    let shift = go_live - previous_go_live;
    let rollout = insert_draft(
        tx,
        &RolloutDraft {
            name: draft.name.clone(),
            sites: draft.sites.clone(),
            start_date: previous.start_date.map(|d| date_text(d + shift)),
            go_live_date: Some(date_text(go_live)),
            phase: Phase::Planning,
            ..previous.draft()
        },
    )?;
    let source = read_rollout_in(tx, &previous.id, today)?;
    write_rollout_in(
        tx,
        wave_copy::next_wave(source, bundle_rollout(&rollout), shift),
    )?;
    membership::add_wave(tx, programme_id, &rollout.id)?;
    waves_in(tx, programme_id)?
        .into_iter()
        .find(|wave| wave.rollout.id == rollout.id)
        .ok_or_else(|| CoreError::NotFound {
            entity: "Rollout",
            id: rollout.id.clone(),
        })
}

/// The new go-live, or every reason the draft cannot be planned.
fn check_draft(
    draft: &WaveDraft,
    previous: &Rollout,
    previous_go_live: NaiveDate,
) -> Result<NaiveDate> {
    let mut errors = Vec::new();
    if draft.sites.iter().all(|site| site.trim().is_empty()) {
        errors.push(FieldError::new(
            "sites",
            "Choose the sites this wave reaches.",
        ));
    }
    let go_live = match required_date(
        &draft.go_live_date,
        "go_live_date",
        "go-live date",
        "Give the new wave's go-live date.",
    ) {
        Ok(date) if date < previous_go_live => {
            errors.push(FieldError::new(
                "go_live_date",
                format!(
                    "The go-live {} comes before the previous wave's, {} ('{}'): a wave goes \
                     live on or after the one before it.",
                    date_text(date),
                    date_text(previous_go_live),
                    previous.name
                ),
            ));
            None
        }
        Ok(date) => Some(date),
        Err(CoreError::Validation(found)) => {
            errors.extend(found);
            None
        }
        Err(other) => return Err(other),
    };
    match go_live {
        Some(date) if errors.is_empty() => Ok(date),
        _ => Err(CoreError::Validation(errors)),
    }
}

/// The new rollout as a bundle carries it, so the copy finds it the same and adds only
/// what belongs to it.
fn bundle_rollout(rollout: &Rollout) -> BundleRollout {
    BundleRollout {
        id: rollout.id.clone(),
        name: rollout.name.clone(),
        kind: rollout.kind,
        goal: rollout.goal.clone(),
        sites: rollout.sites.clone(),
        sponsor: rollout.sponsor.clone(),
        owner: rollout.owner.clone(),
        start_date: rollout.start_date,
        go_live_date: rollout.go_live_date,
        phase: rollout.phase,
        scope_in: rollout.scope_in.clone(),
        scope_out: rollout.scope_out.clone(),
    }
}
