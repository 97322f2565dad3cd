//! Undo and redo of the last actions taken in the app: a typed field, a drag on the
//! Gantt, a bulk change, an import. One action is one step — one write of the store —
//! and the last [`KEPT`] steps can be undone, newest first, then redone until a new
//! action is taken. Built on SQLite's own recipe: while a step is open, triggers
//! ([`triggers`]) note for each changed row the statement that puts it back; an undo
//! runs them newest first in one transaction, refuses if a row was changed since (a
//! teammate's pulled change, the command line), and writes audit entries saying what
//! it undid, so the history reads "Undone: …".
//!
//! Only the app records steps ([`Store::record_undo`]); the command line does not.

mod label;
mod reverse;
pub(crate) mod triggers;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

pub(crate) use label::Origin;

use crate::audit::{AuditAction, EntityKind};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};
use triggers::OPEN_STEP;

/// How many steps are kept to undo; older ones are forgotten.
pub const KEPT: i64 = 100;

/// What the header offers: the next undo and the next redo, in words ("Undo: move 3
/// tasks"), or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// What an undo or redo did ("Undone: move 3 tasks"), and what is offered next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UndoOutcome {
    pub done: String,
    pub state: UndoState,
}

/// The two lists a step can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stack {
    Undo,
    Redo,
}

impl Stack {
    fn code(self) -> &'static str {
        match self {
            Self::Undo => "undo",
            Self::Redo => "redo",
        }
    }

    fn other(self) -> Self {
        match self {
            Self::Undo => Self::Redo,
            Self::Redo => Self::Undo,
        }
    }
}

impl Store {
    /// Records this store's writes as steps that can be undone, from now on. The app
    /// calls it once the file is open; the command line never does.
    pub fn record_undo(&self) -> Result<()> {
        self.enable_undo_recording(triggers::install)
    }

    /// The next undo and redo on offer.
    pub fn undo_state(&self) -> Result<UndoState> {
        self.read(state)
    }

    /// Undoes the newest step.
    pub fn undo(&self) -> Result<UndoOutcome> {
        self.reverse(Stack::Undo)
    }

    /// Redoes the newest undone step.
    pub fn redo(&self) -> Result<UndoOutcome> {
        self.reverse(Stack::Redo)
    }

    fn reverse(&self, from: Stack) -> Result<UndoOutcome> {
        match self.write_unrecorded(|tx| reverse::reverse(tx, from)) {
            Ok(label) => {
                let done = match from {
                    Stack::Undo => "Undone",
                    Stack::Redo => "Redone",
                };
                Ok(UndoOutcome {
                    done: format!("{done}: {}", label::after_colon(&label)),
                    state: self.undo_state()?,
                })
            }
            Err(reverse::Refused::Stale { step, message }) => {
                // Nothing was changed; the step could never be taken back now, so it
                // leaves the list rather than stand in front of the older ones.
                self.write_unrecorded(|tx| forget(tx, "id = ?1", [step]))?;
                Err(CoreError::Conflict(message))
            }
            Err(reverse::Refused::Other(error)) => Err(error),
        }
    }
}

fn state(conn: &rusqlite::Connection) -> Result<UndoState> {
    let newest = |stack: Stack| -> Result<Option<String>> {
        Ok(conn
            .prepare_cached(
                "SELECT label FROM undo_steps WHERE stack = ?1 AND label != '' ORDER BY id DESC LIMIT 1",
            )?
            .query_row([stack.code()], |row| row.get::<_, String>("label"))
            .optional()?)
    };
    Ok(UndoState {
        undo: newest(Stack::Undo)?.map(|l| format!("Undo: {}", label::after_colon(&l))),
        redo: newest(Stack::Redo)?.map(|l| format!("Redo: {}", label::after_colon(&l))),
    })
}

/// Opens a step for the write about to run in `tx`.
pub(crate) fn begin(tx: &Transaction<'_>) -> Result<()> {
    open_step(tx, Stack::Undo, "")?;
    Ok(())
}

/// Starts recording into a new step on `stack`; its id.
fn open_step(tx: &Transaction<'_>, stack: Stack, label: &str) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO undo_steps (stack, label, audit_from, audit_to, log_from, log_to, at)
         VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) FROM audit_log), 0,
                 (SELECT coalesce(max(n), 0) FROM undo_log), 0, ?3)",
    )?
    .execute(params![stack.code(), label, timestamp_text(now())])?;
    let step = tx.last_insert_rowid();
    tx.prepare_cached(&format!("INSERT INTO {OPEN_STEP} (step) VALUES (?1)"))?
        .execute([step])?;
    Ok(step)
}

/// Closes the step [`begin`] opened: forgotten if nothing changed, else labelled from
/// what it wrote; a new action clears what could be redone, and the oldest steps
/// beyond [`KEPT`] are forgotten.
pub(crate) fn finish(tx: &Transaction<'_>, origin: Origin) -> Result<()> {
    let step = close_step(tx)?;
    let changed: bool = tx
        .prepare_cached("SELECT log_to > log_from FROM undo_steps WHERE id = ?1")?
        .query_row([step], |row| row.get(0))?;
    if !changed {
        tx.prepare_cached("DELETE FROM undo_steps WHERE id = ?1")?
            .execute([step])?;
        return Ok(());
    }
    let label = label::label(origin, &written(tx, step)?);
    tx.prepare_cached("UPDATE undo_steps SET label = ?2 WHERE id = ?1")?
        .execute(params![step, label])?;
    forget(tx, "stack = 'redo'", [])?;
    forget(
        tx,
        "stack = 'undo' AND id <= (
             SELECT id FROM undo_steps WHERE stack = 'undo' ORDER BY id DESC LIMIT 1 OFFSET ?1)",
        [KEPT],
    )?;
    Ok(())
}

/// Ends recording: the open step's id, its ranges of audit entries and log rows closed.
fn close_step(tx: &Transaction<'_>) -> Result<i64> {
    let step: i64 = tx
        .prepare_cached(&format!("SELECT step FROM {OPEN_STEP}"))?
        .query_row([], |row| row.get(0))?;
    tx.prepare_cached(&format!("DELETE FROM {OPEN_STEP}"))?
        .execute([])?;
    tx.prepare_cached(
        "UPDATE undo_steps SET audit_to = (SELECT coalesce(max(seq), 0) FROM audit_log),
                               log_to = (SELECT coalesce(max(n), 0) FROM undo_log)
         WHERE id = ?1",
    )?
    .execute([step])?;
    Ok(step)
}

/// Forgets the steps matching `condition`, with their log rows.
fn forget<P: rusqlite::Params>(tx: &Transaction<'_>, condition: &str, params: P) -> Result<()> {
    let steps: Vec<(i64, i64, i64)> = tx
        .prepare_cached(&format!(
            "SELECT id, log_from, log_to FROM undo_steps WHERE {condition}"
        ))?
        .query_map(params, |row| {
            Ok((row.get("id")?, row.get("log_from")?, row.get("log_to")?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, from, to) in steps {
        tx.prepare_cached("DELETE FROM undo_log WHERE n > ?1 AND n <= ?2")?
            .execute([from, to])?;
        tx.prepare_cached("DELETE FROM undo_steps WHERE id = ?1")?
            .execute([id])?;
    }
    Ok(())
}

/// The audit entries the open step `step` wrote, for its label; only the first one's
/// name is looked up.
fn written(tx: &Transaction<'_>, step: i64) -> Result<Vec<label::Written>> {
    let from: i64 = tx
        .prepare_cached("SELECT audit_from FROM undo_steps WHERE id = ?1")?
        .query_row([step], |row| row.get(0))?;
    let mut statement = tx.prepare_cached(
        "SELECT entity_type, entity_id, action, changes FROM audit_log WHERE seq > ?1 ORDER BY seq",
    )?;
    let mut rows = statement.query([from])?;
    let mut written = Vec::new();
    while let Some(row) = rows.next()? {
        let kind: String = row.get("entity_type")?;
        let action: String = row.get("action")?;
        let changes: String = row.get("changes")?;
        let (Some(entity), Some(action)) = (
            EntityKind::ALL.into_iter().find(|k| k.code() == kind),
            AuditAction::from_code(&action),
        ) else {
            continue;
        };
        // Only an edit's fields tell anything (a move is an edit of dates alone); an
        // import's thousands of creations are not read through.
        let fields = if action == AuditAction::Update {
            serde_json::from_str::<Vec<crate::audit::FieldChange>>(&changes)
                .map(|changes| changes.into_iter().map(|c| c.field).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        written.push(label::Written {
            entity,
            entity_id: row.get("entity_id")?,
            action,
            fields,
            name: None,
        });
    }
    if let Some(first) = written.first_mut() {
        first.name = name_of(tx, first.entity, &first.entity_id)?;
    }
    Ok(written)
}

/// The entity's title or name, when its table has one.
fn name_of(tx: &Transaction<'_>, entity: EntityKind, id: &str) -> Result<Option<String>> {
    let table = entity.table();
    let column: Option<String> = tx
        .prepare_cached(
            "SELECT name FROM pragma_table_info(?1) WHERE name IN ('title', 'name', 'code')
             ORDER BY CASE name WHEN 'title' THEN 0 WHEN 'name' THEN 1 ELSE 2 END LIMIT 1",
        )?
        .query_row([table], |row| row.get(0))
        .optional()?;
    let Some(column) = column else {
        return Ok(None);
    };
    // A label is worth no refused write: a table read another way just goes unnamed.
    let name = tx
        .prepare(&format!(
            "SELECT {} FROM {} WHERE id = ?1",
            triggers::quoted(&column),
            triggers::quoted(table)
        ))
        .and_then(|mut statement| {
            statement
                .query_row([id], |row| row.get::<_, Option<String>>(0))
                .optional()
        });
    match name.ok().flatten().flatten() {
        Some(name) => Ok(Some(name)),
        None => last_recorded_name(tx, entity, id, &column),
    }
}

/// The name the history last gave an entity that is gone (deleted for good).
fn last_recorded_name(
    tx: &Transaction<'_>,
    entity: EntityKind,
    id: &str,
    column: &str,
) -> Result<Option<String>> {
    let mut statement = tx.prepare_cached(
        "SELECT changes FROM audit_log WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY seq DESC",
    )?;
    let mut rows = statement.query(params![entity.code(), id])?;
    while let Some(row) = rows.next()? {
        let changes: String = row.get("changes")?;
        let changes: Vec<crate::audit::FieldChange> =
            serde_json::from_str(&changes).unwrap_or_default();
        if let Some(name) = changes
            .into_iter()
            .find(|c| c.field == column)
            .and_then(|c| c.new)
        {
            return Ok(Some(name));
        }
    }
    Ok(None)
}
