//! All SQL of the rollout workspace. Decisions, scope cuts, risks, communications and
//! stakeholders are the same kind of row — one rollout's, versioned, trashable, audited —
//! so they share one [`Table`] shape and one set of functions to list, read, create, edit
//! and trash them; each table's file says only what differs: its columns, how its
//! checked draft binds to them, how a row reads back, and what its checks must look up.

mod communications;
mod decisions;
mod risks;
mod scope_changes;
mod stakeholder_raci;
mod stakeholders;

pub(crate) use communications::insert_communication;
pub(crate) use decisions::insert_decision;
pub(crate) use risks::insert_risk;
pub(crate) use scope_changes::insert_scope_change;
pub(crate) use stakeholders::insert_stakeholder;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, Row, Transaction};

use super::record::Record;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::require_rollout;
use crate::store::editable::{check_editable, one_row_updated};
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::Result;

/// How a workspace record is stored: its table, how it is read, and how its checked
/// draft is written. Implemented by the record type itself, beside [`Record`] which
/// says how a draft is checked and described.
pub(crate) trait Table: Record {
    /// The table.
    const TABLE: &'static str;
    /// The record as a "not found" message names it ("Scope change").
    const NOUN: &'static str;
    /// The audit log's name for it.
    const ENTITY: EntityKind;
    /// `SELECT ... FROM <table> <ALIAS> [joins]`, with `deleted_at` among the columns,
    /// ready for a `WHERE`.
    const SELECT: &'static str;
    /// The table's alias in [`Table::SELECT`].
    const ALIAS: &'static str;
    /// How a rollout's records are listed (`ORDER BY` this).
    const ORDER: &'static str;
    /// The columns a checked draft writes, in the order of [`Table::bind`].
    const COLUMNS: &'static [&'static str];

    /// The values of [`Table::COLUMNS`] for a checked draft.
    fn bind(valid: &Self::Valid) -> Vec<Value>;

    /// The record from a row of [`Table::SELECT`] (rows of other tables left empty).
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;

    /// What checking `draft` needs from the rest of the database (an owner found in
    /// the directory, ...); `current` is the record being edited, none for a new one.
    fn look_up(
        conn: &Connection,
        draft: &Self::Draft,
        current: Option<&Self>,
    ) -> Result<Self::Lookup>;

    /// Fills in what the record keeps in other tables (a stakeholder's RACI rows).
    fn read_children(_conn: &Connection, _record: &mut Self) -> Result<()> {
        Ok(())
    }

    /// Replaces what the record keeps in other tables, after its own row is written.
    fn write_children(_tx: &Transaction<'_>, _id: &str, _valid: &Self::Valid) -> Result<()> {
        Ok(())
    }
}

/// A rollout's live records, in the table's order.
pub(crate) fn list<T: Table>(conn: &Connection, rollout_id: &str) -> Result<Vec<T>> {
    let alias = T::ALIAS;
    let mut statement = conn.prepare_cached(&format!(
        "{} WHERE {alias}.rollout_id = ?1 AND {alias}.deleted_at IS NULL ORDER BY {}",
        T::SELECT,
        T::ORDER
    ))?;
    let mut found: Vec<T> = statement
        .query_map(params![rollout_id], T::from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for record in &mut found {
        T::read_children(conn, record)?;
    }
    Ok(found)
}

/// One record, live or in the trash, and whether it is in the trash.
pub(crate) fn fetch<T: Table>(conn: &Connection, id: &str) -> Result<(T, bool)> {
    let (mut record, deleted) = rows::fetch_by_id(
        conn,
        &format!("{} WHERE {}.id = ?1", T::SELECT, T::ALIAS),
        id,
        T::NOUN,
        |row| {
            Ok((
                T::from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )?;
    T::read_children(conn, &mut record)?;
    Ok((record, deleted))
}

/// Inserts a checked draft as the record `id` of a rollout, created at `at`.
pub(crate) fn insert<T: Table>(
    tx: &Transaction<'_>,
    id: &str,
    rollout_id: &str,
    valid: &T::Valid,
    at: &str,
) -> Result<()> {
    let columns = T::COLUMNS;
    let placeholders: Vec<String> = (3..columns.len() + 3).map(|n| format!("?{n}")).collect();
    let stamp = columns.len() + 3;
    let mut values = vec![
        Value::from(id.to_owned()),
        Value::from(rollout_id.to_owned()),
    ];
    values.extend(T::bind(valid));
    values.push(Value::from(at.to_owned()));
    tx.prepare_cached(&format!(
        "INSERT INTO {} (id, rollout_id, {}, created_at, updated_at)
         VALUES (?1, ?2, {}, ?{stamp}, ?{stamp})",
        T::TABLE,
        columns.join(", "),
        placeholders.join(", ")
    ))?
    .execute(params_from_iter(values))?;
    T::write_children(tx, id, valid)
}

/// Writes a checked draft over the record `id` as edited at `expected_row_version`; a
/// row that has moved past that version is left alone and the edit refused as a
/// conflict naming `label`.
pub(crate) fn update<T: Table>(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    valid: &T::Valid,
    at: &str,
    label: &str,
) -> Result<()> {
    let columns = T::COLUMNS;
    let assignments: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(n, column)| format!("{column} = ?{}", n + 1))
        .collect();
    let n = columns.len();
    let mut values = T::bind(valid);
    values.extend([
        Value::from(at.to_owned()),
        Value::from(id.to_owned()),
        Value::from(expected_row_version),
    ]);
    let affected = tx
        .prepare_cached(&format!(
            "UPDATE {} SET {}, updated_at = ?{}, row_version = row_version + 1
             WHERE id = ?{} AND row_version = ?{}",
            T::TABLE,
            assignments.join(", "),
            n + 1,
            n + 2,
            n + 3
        ))?
        .execute(params_from_iter(values))?;
    one_row_updated(affected, label)?;
    T::write_children(tx, id, valid)
}

/// Checks a draft and creates it as a record of a rollout, with its audit entry,
/// inside a caller's transaction (templates and the sample clinic create many in one).
pub(crate) fn create<T: Table>(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &T::Draft,
) -> Result<T> {
    require_rollout(tx, rollout_id)?;
    let valid = T::validate(draft, T::look_up(tx, draft, None)?)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    insert::<T>(tx, &id, rollout_id, &valid, &at)?;
    let mut changes = ChangeSet::default();
    T::describe(&mut changes, None, &valid);
    audit::record(
        tx,
        &at,
        T::ENTITY,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch::<T>(tx, &id)?.0)
}

/// Checks a draft and writes it over a live record edited at `expected_row_version`,
/// with its audit entry; a record in the trash or changed since is refused as a
/// conflict, and an edit that changes nothing writes nothing and keeps the version.
pub(crate) fn edit<T: Table>(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &T::Draft,
) -> Result<T> {
    let (current, deleted) = fetch::<T>(tx, id)?;
    check_editable(
        current.label(),
        deleted,
        current.row_version(),
        expected_row_version,
    )?;
    let valid = T::validate(draft, T::look_up(tx, draft, Some(&current))?)?;
    let mut changes = ChangeSet::default();
    T::describe(&mut changes, Some(&current), &valid);
    if changes.is_empty() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    update::<T>(tx, id, expected_row_version, &valid, &at, current.label())?;
    audit::record(
        tx,
        &at,
        T::ENTITY,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    Ok(fetch::<T>(tx, id)?.0)
}

/// Moves a record to the trash (`true`) or back, with its audit entry.
pub(crate) fn set_trashed<T: Table>(tx: &Transaction<'_>, id: &str, trashed: bool) -> Result<()> {
    trash_or_restore(tx, T::TABLE, T::ENTITY, T::NOUN, id, trashed)
}

#[cfg(test)]
mod tests;
