//! The `stakeholders` table; each stakeholder's RACI rows are in
//! [`super::stakeholder_raci`], read and written with it.

use rusqlite::types::Value;
use rusqlite::{params, Connection, Row, Transaction};

use super::{stakeholder_raci, Table};
use crate::audit::EntityKind;
use crate::workspace::{Adkar, Stakeholder, StakeholderDraft, ValidStakeholder};
use crate::Result;

impl Table for Stakeholder {
    const TABLE: &'static str = "stakeholders";
    const NOUN: &'static str = "Stakeholder";
    const ENTITY: EntityKind = EntityKind::Stakeholder;
    const SELECT: &'static str = "SELECT s.id, s.rollout_id, s.name, s.is_group, s.person_id,
        s.notes, s.awareness, s.desire, s.knowledge, s.ability, s.reinforcement,
        s.row_version, s.deleted_at
    FROM stakeholders s";
    const ALIAS: &'static str = "s";
    /// Groups first, by name; the list sorts people by family name in memory.
    const ORDER: &'static str = "s.is_group DESC, s.name COLLATE NOCASE";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "is_group",
        "person_id",
        "notes",
        "awareness",
        "desire",
        "knowledge",
        "ability",
        "reinforcement",
    ];

    fn bind(valid: &ValidStakeholder) -> Vec<Value> {
        let a = &valid.adkar;
        vec![
            valid.name.clone().into(),
            valid.is_group.into(),
            valid.person_id.clone().into(),
            valid.notes.clone().into(),
            a.awareness.into(),
            a.desire.into(),
            a.knowledge.into(),
            a.ability.into(),
            a.reinforcement.into(),
        ]
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

    /// Whether the person the draft names is live in the directory.
    fn look_up(
        conn: &Connection,
        draft: &StakeholderDraft,
        _current: Option<&Self>,
    ) -> Result<bool> {
        let Some(person) = draft.person_id.as_deref() else {
            return Ok(true);
        };
        Ok(conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND deleted_at IS NULL)",
            )?
            .query_row(params![person], |row| row.get(0))?)
    }

    fn read_children(conn: &Connection, stakeholder: &mut Stakeholder) -> Result<()> {
        stakeholder.raci = stakeholder_raci::of(conn, &stakeholder.id)?;
        Ok(())
    }

    fn write_children(tx: &Transaction<'_>, id: &str, valid: &ValidStakeholder) -> Result<()> {
        stakeholder_raci::replace(tx, id, &valid.raci)
    }
}

/// Checks and inserts a stakeholder inside a caller's transaction.
pub(crate) fn insert_stakeholder(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &StakeholderDraft,
) -> Result<Stakeholder> {
    super::create(tx, rollout_id, draft)
}
