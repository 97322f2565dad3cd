//! Stakeholders: people and groups, their RACI role in each workstream, and where they
//! stand on the change (ADKAR), so resistance is visible before go-live.

use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::rating;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::people::family_sort_key;
use crate::rollouts::require_rollout;
use crate::store::editable::check_editable;
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

/// A stakeholder's part in a workstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Raci {
    Responsible,
    Accountable,
    Consulted,
    #[default]
    Informed,
}

coded_enum!(Raci, "RACI role", "raci", {
    Responsible => "responsible", "Responsible";
    Accountable => "accountable", "Accountable";
    Consulted => "consulted", "Consulted";
    Informed => "informed", "Informed";
});

impl Raci {
    /// The letter of the RACI chart.
    pub fn letter(self) -> char {
        self.label().chars().next().unwrap_or('?')
    }
}

/// One row of a stakeholder's RACI: the workstream and their part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RaciAssignment {
    /// "Scheduling build", "Training", "Cutover", ...
    pub workstream: String,
    pub role: Raci,
}

/// The stages of ADKAR (Prosci), in the order people move through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdkarStage {
    Awareness,
    Desire,
    Knowledge,
    Ability,
    Reinforcement,
}

coded_enum!(AdkarStage, "ADKAR stage", "stage", {
    Awareness => "awareness", "Awareness";
    Desire => "desire", "Desire";
    Knowledge => "knowledge", "Knowledge";
    Ability => "ability", "Ability";
    Reinforcement => "reinforcement", "Reinforcement";
});

/// An ADKAR assessment, each stage 1-5; `None` while not assessed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Adkar {
    pub awareness: Option<i64>,
    pub desire: Option<i64>,
    pub knowledge: Option<i64>,
    pub ability: Option<i64>,
    pub reinforcement: Option<i64>,
}

/// Below this an ADKAR stage is a barrier to work on.
pub const ADKAR_BARRIER_BELOW: i64 = 3;

impl Adkar {
    /// Each assessed stage with its score, in ADKAR order.
    pub fn stages(&self) -> Vec<(AdkarStage, i64)> {
        [
            (AdkarStage::Awareness, self.awareness),
            (AdkarStage::Desire, self.desire),
            (AdkarStage::Knowledge, self.knowledge),
            (AdkarStage::Ability, self.ability),
            (AdkarStage::Reinforcement, self.reinforcement),
        ]
        .into_iter()
        .filter_map(|(stage, score)| score.map(|s| (stage, s)))
        .collect()
    }

    /// The stage to work on: ADKAR's barrier point, the first stage scored below 3
    /// (people cannot reach Knowledge without Desire, however low Knowledge is); with
    /// none below 3, the lowest-scored stage (the earlier one on a tie). `None` while
    /// nothing is assessed.
    pub fn weakest_stage(&self) -> Option<(AdkarStage, i64)> {
        let stages = self.stages();
        stages
            .iter()
            .copied()
            .find(|&(_, score)| score < ADKAR_BARRIER_BELOW)
            .or_else(|| stages.iter().copied().min_by_key(|&(_, score)| score))
    }

    /// The stage to work on, named for a report: "Knowledge", or a dash while nothing
    /// is assessed.
    pub fn weakest_stage_name(&self) -> String {
        self.weakest_stage()
            .map(|(stage, _)| format!("{stage:?}"))
            .unwrap_or_else(|| "—".into())
    }
}

/// A person or group with a stake in the rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Stakeholder {
    pub id: String,
    pub rollout_id: String,
    /// A person's name or a group ("Northgate providers").
    pub name: String,
    pub is_group: bool,
    /// The directory entry, for a stakeholder who is one person from it.
    pub person_id: Option<String>,
    pub notes: String,
    pub raci: Vec<RaciAssignment>,
    pub adkar: Adkar,
    pub row_version: i64,
}

/// The editable part of a stakeholder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StakeholderDraft {
    pub name: String,
    pub is_group: bool,
    pub person_id: Option<String>,
    pub notes: String,
    pub raci: Vec<RaciAssignment>,
    pub adkar: Adkar,
}

/// A stakeholder's weakest ADKAR stage, for the "where is resistance" view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AdkarBarrier {
    pub stakeholder_id: String,
    pub name: String,
    pub is_group: bool,
    /// `None` while not assessed.
    pub stage: Option<AdkarStage>,
    pub score: Option<i64>,
    /// The stage scores below 3: a barrier to work on before go-live.
    pub is_barrier: bool,
}

const COLUMNS: &str = "id, rollout_id, name, is_group, person_id, notes, awareness, desire, \
                       knowledge, ability, reinforcement, row_version, deleted_at";

impl Store {
    /// A rollout's live stakeholders, each with their RACI rows: groups by name, then
    /// people by family name as the directory lists them.
    pub fn list_stakeholders(&self, rollout_id: &str) -> Result<Vec<Stakeholder>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM stakeholders WHERE rollout_id = ?1 AND deleted_at IS NULL
                 ORDER BY is_group DESC, name COLLATE NOCASE"
            ))?;
            let mut found: Vec<Stakeholder> = statement
                .query_map(params![rollout_id], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            // Stable: groups keep the database's order by name.
            found.sort_by_cached_key(|s| {
                (!s.is_group, (!s.is_group).then(|| family_sort_key(&s.name)))
            });
            for stakeholder in &mut found {
                stakeholder.raci = raci_of(conn, &stakeholder.id)?;
            }
            Ok(found)
        })
    }

    /// Each live stakeholder's weakest ADKAR stage, barriers first.
    pub fn adkar_barriers(&self, rollout_id: &str) -> Result<Vec<AdkarBarrier>> {
        let mut barriers: Vec<AdkarBarrier> = self
            .list_stakeholders(rollout_id)?
            .into_iter()
            .map(|s| {
                let weakest = s.adkar.weakest_stage();
                AdkarBarrier {
                    stakeholder_id: s.id,
                    name: s.name,
                    is_group: s.is_group,
                    stage: weakest.map(|(stage, _)| stage),
                    score: weakest.map(|(_, score)| score),
                    is_barrier: weakest.is_some_and(|(_, score)| score < ADKAR_BARRIER_BELOW),
                }
            })
            .collect();
        // Lowest score first; on a tie the earlier stage, which blocks the later ones.
        barriers.sort_by_key(|b| (!b.is_barrier, b.score.is_none(), b.score, b.stage));
        Ok(barriers)
    }

    pub fn create_stakeholder(
        &self,
        rollout_id: &str,
        draft: &StakeholderDraft,
    ) -> Result<Stakeholder> {
        self.write(|tx| insert_stakeholder(tx, rollout_id, draft))
    }

    /// Replaces a stakeholder's fields, RACI rows and assessment; refused if it changed
    /// since `expected_row_version`.
    pub fn update_stakeholder(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &StakeholderDraft,
    ) -> Result<Stakeholder> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            check_editable(
                &current.name,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            validate(tx, draft)?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), draft);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let a = &draft.adkar;
            tx.execute(
                "UPDATE stakeholders SET name = ?1, is_group = ?2, person_id = ?3, notes = ?4,
                     awareness = ?5, desire = ?6, knowledge = ?7, ability = ?8,
                     reinforcement = ?9, updated_at = ?10, row_version = row_version + 1
                 WHERE id = ?11",
                params![
                    draft.name.trim(),
                    draft.is_group,
                    draft.person_id,
                    draft.notes,
                    a.awareness,
                    a.desire,
                    a.knowledge,
                    a.ability,
                    a.reinforcement,
                    at,
                    id
                ],
            )?;
            write_raci(tx, id, &draft.raci)?;
            audit::record(
                tx,
                &at,
                EntityKind::Stakeholder,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    pub fn trash_stakeholder(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "stakeholders",
                EntityKind::Stakeholder,
                "Stakeholder",
                id,
                true,
            )
        })
    }

    pub fn restore_stakeholder(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "stakeholders",
                EntityKind::Stakeholder,
                "Stakeholder",
                id,
                false,
            )
        })
    }
}

fn validate(conn: &Connection, draft: &StakeholderDraft) -> Result<()> {
    let mut errors = Vec::new();
    if draft.name.trim().is_empty() {
        errors.push(FieldError::new("name", "Name the person or group."));
    }
    if let Some(person) = draft.person_id.as_deref() {
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND deleted_at IS NULL)",
            params![person],
            |row| row.get(0),
        )?;
        if !known {
            errors.push(FieldError::new(
                "person_id",
                "That person is not in the staff directory: choose someone who is.",
            ));
        }
    }
    let mut workstreams = std::collections::HashSet::new();
    for row in &draft.raci {
        let workstream = row.workstream.trim();
        if workstream.is_empty() {
            errors.push(FieldError::new(
                "raci",
                "Name the workstream of each RACI row.",
            ));
        } else if !workstreams.insert(workstream.to_lowercase()) {
            errors.push(FieldError::new(
                "raci",
                format!("{workstream} is listed twice: give each workstream one RACI letter."),
            ));
        }
    }
    let scale = "1 (not at all) to 5 (fully)";
    for (stage, field, label) in [
        (draft.adkar.awareness, "awareness", "Awareness"),
        (draft.adkar.desire, "desire", "Desire"),
        (draft.adkar.knowledge, "knowledge", "Knowledge"),
        (draft.adkar.ability, "ability", "Ability"),
        (draft.adkar.reinforcement, "reinforcement", "Reinforcement"),
    ] {
        if let Some(score) = stage {
            rating(score, field, label, scale, &mut errors);
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(())
}

/// Validates and inserts a stakeholder inside a caller's transaction.
pub(crate) fn insert_stakeholder(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &StakeholderDraft,
) -> Result<Stakeholder> {
    require_rollout(tx, rollout_id)?;
    validate(tx, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    let a = &draft.adkar;
    tx.execute(
        "INSERT INTO stakeholders (id, rollout_id, name, is_group, person_id, notes, awareness,
             desire, knowledge, ability, reinforcement, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            id,
            rollout_id,
            draft.name.trim(),
            draft.is_group,
            draft.person_id,
            draft.notes,
            a.awareness,
            a.desire,
            a.knowledge,
            a.ability,
            a.reinforcement,
            at
        ],
    )?;
    write_raci(tx, &id, &draft.raci)?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, draft);
    audit::record(
        tx,
        &at,
        EntityKind::Stakeholder,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

fn write_raci(tx: &Transaction<'_>, id: &str, raci: &[RaciAssignment]) -> Result<()> {
    tx.execute(
        "DELETE FROM stakeholder_raci WHERE stakeholder_id = ?1",
        params![id],
    )?;
    for (position, row) in raci.iter().enumerate() {
        tx.execute(
            "INSERT INTO stakeholder_raci (stakeholder_id, workstream, role, position)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, row.workstream.trim(), row.role.code(), position as i64],
        )?;
    }
    Ok(())
}

fn describe(changes: &mut ChangeSet, old: Option<&Stakeholder>, new: &StakeholderDraft) {
    let text = |f: fn(&Stakeholder) -> String| old.map(f).unwrap_or_default();
    let raci_text = |raci: &[RaciAssignment]| {
        raci.iter()
            .map(|r| format!("{}: {}", r.workstream.trim(), r.role.letter()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let adkar_text = |adkar: &Adkar| {
        adkar
            .stages()
            .iter()
            .map(|(stage, score)| format!("{stage:?} {score}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    changes.compare("name", text(|s| s.name.clone()), new.name.trim());
    let kind = |group: bool| if group { "group" } else { "person" };
    changes.compare(
        "kind",
        old.map(|s| kind(s.is_group)).unwrap_or(""),
        kind(new.is_group),
    );
    changes.compare(
        "person",
        text(|s| s.person_id.clone().unwrap_or_default()),
        new.person_id.clone().unwrap_or_default(),
    );
    changes.compare("notes", text(|s| s.notes.clone()), new.notes.as_str());
    changes.compare(
        "raci",
        old.map(|s| raci_text(&s.raci)).unwrap_or_default(),
        raci_text(&new.raci),
    );
    changes.compare(
        "adkar",
        old.map(|s| adkar_text(&s.adkar)).unwrap_or_default(),
        adkar_text(&new.adkar),
    );
}

fn raci_of(conn: &Connection, id: &str) -> Result<Vec<RaciAssignment>> {
    let mut statement = conn.prepare_cached(
        "SELECT workstream, role FROM stakeholder_raci WHERE stakeholder_id = ?1 ORDER BY position",
    )?;
    let found = statement.query_map(params![id], |row| {
        let role: String = row.get("role")?;
        Ok(RaciAssignment {
            workstream: row.get("workstream")?,
            role: role.parse().map_err(|_| rows::unreadable("role"))?,
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

fn fetch(conn: &Connection, id: &str) -> Result<(Stakeholder, bool)> {
    let (mut stakeholder, deleted) = rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM stakeholders WHERE id = ?1"),
        id,
        "Stakeholder",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )?;
    stakeholder.raci = raci_of(conn, id)?;
    Ok((stakeholder, deleted))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stakeholder> {
    Ok(Stakeholder {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        name: row.get("name")?,
        is_group: row.get("is_group")?,
        person_id: row.get("person_id")?,
        notes: row.get("notes")?,
        raci: Vec::new(),
        adkar: Adkar {
            awareness: row.get("awareness")?,
            desire: row.get("desire")?,
            knowledge: row.get("knowledge")?,
            ability: row.get("ability")?,
            reinforcement: row.get("reinforcement")?,
        },
        row_version: row.get("row_version")?,
    })
}
