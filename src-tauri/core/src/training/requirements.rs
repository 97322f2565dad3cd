//! Requirements — which role needs which module for a rollout, by when — and the
//! assignment they drive: every active person in the role gets a record to complete.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::modules::fetch_module;
use super::Requirement;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::{rows, trash};
use crate::time::{date_text, now, parse_date, timestamp_text};
use crate::{CoreError, Result, Store};

const REQUIREMENT_COLUMNS: &str =
    "q.id, q.rollout_id, q.role_id, r.name AS role_name, q.module_id, \
     m.title AS module_title, q.due_date";
const REQUIREMENT_FROM: &str = "training_requirements q JOIN roles r ON r.id = q.role_id \
     JOIN training_modules m ON m.id = q.module_id";

impl Store {
    /// A rollout's training requirements, by due date then role.
    pub fn list_requirements(&self, rollout_id: &str) -> Result<Vec<Requirement>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {REQUIREMENT_COLUMNS} FROM {REQUIREMENT_FROM}
                 WHERE q.rollout_id = ?1 AND q.deleted_at IS NULL
                 ORDER BY q.due_date, r.name COLLATE NOCASE, m.title COLLATE NOCASE"
            ))?;
            let requirements = statement.query_map(params![rollout_id], requirement_from_row)?;
            Ok(requirements.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Requires `module_id` of everyone in `role_id` for a rollout by `due_date`, and
    /// assigns it to each of them at once.
    pub fn add_requirement(
        &self,
        rollout_id: &str,
        role_id: &str,
        module_id: &str,
        due_date: &str,
    ) -> Result<Requirement> {
        let due = parse_date(due_date).ok_or_else(|| {
            CoreError::invalid(
                "due_date",
                format!(
                    "'{}' is not a date: use a date like 2027-03-01.",
                    due_date.trim()
                ),
            )
        })?;
        self.write(|tx| {
            let requirement = insert_requirement(tx, rollout_id, role_id, module_id, due)?;
            assign_missing_records(tx)?;
            Ok(requirement)
        })
    }

    /// Moves a requirement to the trash. Records already assigned stay: the training
    /// people did is still true.
    pub fn remove_requirement(&self, id: &str) -> Result<()> {
        self.set_requirement_trashed(id, true)
    }

    /// Brings a removed requirement back (and assigns it to anyone who joined since).
    pub fn restore_requirement(&self, id: &str) -> Result<()> {
        self.set_requirement_trashed(id, false)
    }

    fn set_requirement_trashed(&self, id: &str, trashed: bool) -> Result<()> {
        self.write(|tx| {
            let requirement = fetch_requirement(tx, id)?;
            if !trashed {
                let clash: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM training_requirements
                     WHERE rollout_id = ?1 AND role_id = ?2 AND module_id = ?3
                       AND deleted_at IS NULL AND id <> ?4)",
                    params![
                        requirement.rollout_id,
                        requirement.role_id,
                        requirement.module_id,
                        id
                    ],
                    |row| row.get(0),
                )?;
                if clash {
                    return Err(CoreError::Conflict(
                        "The same requirement has been added again since; remove that one first."
                            .into(),
                    ));
                }
            }
            let changed = trash::set_trashed(
                tx,
                "training_requirements",
                EntityKind::TrainingRequirement,
                id,
                trashed,
            )?;
            if changed && !trashed {
                assign_missing_records(tx)?;
            }
            Ok(())
        })
    }
}

/// Inserts a requirement inside a caller's transaction (without assigning it).
pub(crate) fn insert_requirement(
    tx: &Transaction<'_>,
    rollout_id: &str,
    role_id: &str,
    module_id: &str,
    due: NaiveDate,
) -> Result<Requirement> {
    let rollout_name: String = tx
        .query_row(
            "SELECT name FROM rollouts WHERE id = ?1",
            params![rollout_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            entity: "Rollout",
            id: rollout_id.to_owned(),
        })?;
    let role_name: String = tx
        .query_row(
            "SELECT name FROM roles WHERE id = ?1",
            params![role_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::invalid("role_id", "Choose a role from the list."))?;
    let module = fetch_module(tx, module_id)
        .map_err(|_| CoreError::invalid("module_id", "Choose a module from the list."))?;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM training_requirements
         WHERE rollout_id = ?1 AND role_id = ?2 AND module_id = ?3 AND deleted_at IS NULL)",
        params![rollout_id, role_id, module_id],
        |row| row.get(0),
    )?;
    if exists {
        return Err(CoreError::invalid(
            "module_id",
            format!(
                "{role_name} already need '{}' for {rollout_name}.",
                module.title
            ),
        ));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO training_requirements (id, rollout_id, role_id, module_id, due_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, rollout_id, role_id, module_id, date_text(due), at],
    )?;
    let mut changes = ChangeSet::default();
    changes.compare("rollout", "", rollout_name);
    changes.compare("role", "", role_name);
    changes.compare("module", "", module.title);
    changes.compare("due_date", "", date_text(due));
    audit::record(
        tx,
        &at,
        EntityKind::TrainingRequirement,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    fetch_requirement(tx, &id)
}

/// Gives every active person a record for each module their role requires in a live
/// rollout, where they have none yet. Returns how many records were assigned.
pub(crate) fn assign_missing_records(tx: &Transaction<'_>) -> Result<usize> {
    let missing: Vec<(String, String)> = {
        let mut statement = tx.prepare_cached(
            "SELECT DISTINCT p.id, q.module_id
             FROM training_requirements q
             JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
             JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
             JOIN people p ON p.role_id = q.role_id AND p.active = 1 AND p.deleted_at IS NULL
             WHERE q.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM training_records t
                               WHERE t.person_id = p.id AND t.module_id = q.module_id)
             ORDER BY p.id, q.module_id",
        )?;
        let pairs = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        pairs.collect::<rusqlite::Result<_>>()?
    };
    let at = timestamp_text(now());
    let mut insert = tx.prepare_cached(
        "INSERT INTO training_records (id, person_id, module_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?;
    for (person_id, module_id) in &missing {
        let id = uuid::Uuid::now_v7().to_string();
        insert.execute(params![id, person_id, module_id, at])?;
        let mut changes = ChangeSet::default();
        changes.compare("status", "", "assigned");
        audit::record(
            tx,
            &at,
            EntityKind::TrainingRecord,
            &id,
            AuditAction::Create,
            &changes.into_changes(),
        )?;
    }
    Ok(missing.len())
}

fn fetch_requirement(conn: &Connection, id: &str) -> Result<Requirement> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {REQUIREMENT_COLUMNS} FROM {REQUIREMENT_FROM} WHERE q.id = ?1"),
        id,
        "Training requirement",
        requirement_from_row,
    )
}

fn requirement_from_row(row: &Row<'_>) -> rusqlite::Result<Requirement> {
    Ok(Requirement {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        role_id: row.get("role_id")?,
        role_name: row.get("role_name")?,
        module_id: row.get("module_id")?,
        module_title: row.get("module_title")?,
        due_date: rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?,
    })
}
