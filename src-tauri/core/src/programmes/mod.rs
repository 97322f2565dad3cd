//! Programmes and waves: a programme groups rollouts that repeat one change site by site
//! ("EHR across ten sites": wave 1 the pilot clinic, wave 2 four sites, wave 3 the
//! rest). Waves are numbered by go-live. A rollout is a wave of at most one programme
//! (the database keeps it so; `membership.rs` says why a second one is refused).
//! Removing a programme leaves its rollouts ungrouped, and restoring it regroups them.
//!
//! Checks are in `validate.rs`, SQL in `store/`; the programme page's figures are
//! gathered in `overview.rs` from the rollouts' own figures, and *Plan the next wave*
//! (`next_wave.rs`, `wave_copy.rs`) copies the last wave through the bundle's path;
//! a bundle carries the programme of its rollout (`bundled.rs`).

mod bundled;
mod membership;
mod next_wave;
mod overview;
mod store;
mod validate;
mod wave_copy;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::Rollout;
use crate::store::editable::check_editable;
use crate::store::trash::trash_or_restore;
use crate::store::Tx;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

pub(crate) use bundled::{bundle_programme_in, join_from_bundle};
pub use next_wave::WaveDraft;
pub use overview::{DebriefLesson, ProgrammeOverview, WaveOverview};

/// A programme as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Programme {
    pub id: String,
    /// "EHR across ten sites".
    pub name: String,
    pub description: String,
    /// Who leads the programme, as people write it.
    pub owner: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was removed; `None` while it is live.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Grows by one with every update; an update must name the version it edits.
    pub row_version: i64,
}

/// Everything a person can edit on a programme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProgrammeDraft {
    pub name: String,
    pub description: String,
    pub owner: String,
}

/// One wave: a rollout of the programme and its place by go-live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Wave {
    /// 1 for the earliest go-live; undated rollouts come last.
    pub number: i64,
    pub rollout: Rollout,
}

/// A programme with its waves in order: how Home groups them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProgrammeWaves {
    pub programme: Programme,
    pub waves: Vec<Wave>,
}

const TABLE: &str = "programmes";
const NOUN: &str = "Programme";

impl Store {
    /// Creates a programme with no waves yet, or explains every field that is wrong.
    pub fn create_programme(&self, draft: &ProgrammeDraft) -> Result<Programme> {
        self.write(|tx| create_in(tx, draft))
    }

    /// Renames or re-describes a programme read at `expected_row_version`.
    pub fn update_programme(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ProgrammeDraft,
    ) -> Result<Programme> {
        self.write(|tx| {
            let current = store::programmes::fetch(tx, id)?;
            check_editable(
                &current.name,
                current.deleted_at.is_some(),
                current.row_version,
                expected_row_version,
            )?;
            let valid = validate::validate(draft)?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), &valid);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            store::programmes::update(tx, id, expected_row_version, &valid, &at, &current.name)?;
            audit::record(
                tx,
                &at,
                EntityKind::Programme,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            store::programmes::fetch(tx, id)
        })
    }

    /// One programme, live or in the trash.
    pub fn get_programme(&self, id: &str) -> Result<Programme> {
        self.read(|conn| store::programmes::fetch(conn, id))
    }

    /// Every live programme with its live waves in order, by programme name: Home shows
    /// a programme's waves together under its name.
    pub fn list_programmes(&self) -> Result<Vec<ProgrammeWaves>> {
        self.read(|conn| {
            store::programmes::list_live(conn)?
                .into_iter()
                .map(|programme| {
                    let waves = waves_in(conn, &programme.id)?;
                    Ok(ProgrammeWaves { programme, waves })
                })
                .collect()
        })
    }

    /// One programme with its live waves in order.
    pub fn programme_waves(&self, id: &str) -> Result<ProgrammeWaves> {
        self.read(|conn| {
            let programme = store::programmes::fetch(conn, id)?;
            let waves = waves_in(conn, id)?;
            Ok(ProgrammeWaves { programme, waves })
        })
    }

    /// A live programme by id, exact name (any case) or a part of its name that only
    /// one programme has: how the command line names one.
    pub fn find_programme(&self, text: &str) -> Result<Programme> {
        let wanted = text.trim();
        let programmes = self.read(store::programmes::list_live)?;
        let lower = wanted.to_lowercase();
        let exact = programmes
            .iter()
            .find(|p| p.id == wanted || p.name.eq_ignore_ascii_case(wanted));
        if let Some(found) = exact {
            return Ok(found.clone());
        }
        let mut partial: Vec<&Programme> = programmes
            .iter()
            .filter(|p| p.name.to_lowercase().contains(&lower))
            .collect();
        match partial.len() {
            1 => Ok(partial.remove(0).clone()),
            0 => Err(CoreError::NotFound {
                entity: "Programme",
                id: wanted.to_owned(),
            }),
            _ => {
                let names: Vec<String> = partial.iter().map(|p| format!("'{}'", p.name)).collect();
                Err(CoreError::invalid(
                    "programme",
                    format!(
                        "'{wanted}' matches several programmes: {}. Use more of the name or the id.",
                        names.join(", ")
                    ),
                ))
            }
        }
    }

    /// Removed programmes, the latest first.
    pub fn list_trashed_programmes(&self) -> Result<Vec<Programme>> {
        self.read(store::programmes::list_trashed)
    }

    /// Removes a programme: its rollouts stay, ungrouped, until it is restored.
    pub fn trash_programme(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, TABLE, EntityKind::Programme, NOUN, id, true))
    }

    /// Brings a removed programme back with the waves it had (those that have not joined
    /// another programme meanwhile).
    pub fn restore_programme(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, TABLE, EntityKind::Programme, NOUN, id, false))
    }
}

/// Creates a programme inside a caller's transaction.
fn create_in(tx: &Tx<'_>, draft: &ProgrammeDraft) -> Result<Programme> {
    let valid = validate::validate(draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    store::programmes::insert(tx, &id, &valid, &at)?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, &valid);
    audit::record(
        tx,
        &at,
        EntityKind::Programme,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    store::programmes::fetch(tx, &id)
}

/// Creates a programme with these rollouts as its waves inside a caller's transaction:
/// how the sample clinic groups its EHR go-live, in the same transaction as the rest.
pub(crate) fn seed_in(
    tx: &Tx<'_>,
    draft: &ProgrammeDraft,
    rollout_ids: &[&str],
) -> Result<Programme> {
    let programme = create_in(tx, draft)?;
    for rollout_id in rollout_ids {
        membership::add_wave(tx, &programme.id, rollout_id)?;
    }
    Ok(programme)
}

/// The live waves of a programme, numbered by go-live.
pub(crate) fn waves_in(conn: &crate::store::Conn, programme_id: &str) -> Result<Vec<Wave>> {
    store::waves::rollout_ids(conn, programme_id)?
        .iter()
        .zip(1..)
        .map(|(rollout_id, number)| {
            Ok(Wave {
                number,
                rollout: crate::rollouts::fetch_rollout(conn, rollout_id)?,
            })
        })
        .collect()
}

/// Notes every field whose stored text would change; `None` describes a new programme.
fn describe(changes: &mut ChangeSet, old: Option<&Programme>, new: &validate::ValidProgramme) {
    let text = |f: fn(&Programme) -> String| old.map(f).unwrap_or_default();
    changes.compare("name", text(|p| p.name.clone()), new.name.as_str());
    changes.compare(
        "description",
        text(|p| p.description.clone()),
        new.description.as_str(),
    );
    changes.compare("owner", text(|p| p.owner.clone()), new.owner.as_str());
}
