//! The `training_requirements` table: which role needs which module for a rollout, by
//! when. Read with the role's name and the module's title.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};

use super::super::sites::{sites_column, sites_from_column};
use super::super::Requirement;
use crate::audit::EntityKind;
use crate::store::editable::one_row_updated;
use crate::store::{rows, trash};
use crate::time::date_text;
use crate::Result;

const COLUMNS: &str = "q.id, q.rollout_id, q.role_id, r.name AS role_name, q.module_id, \
     m.title AS module_title, q.due_date, q.sites, q.updated_at, q.row_version";
const FROM: &str = "training_requirements q JOIN roles r ON r.id = q.role_id \
     JOIN training_modules m ON m.id = q.module_id";

/// The live requirements of live rollouts for live modules, each with the sites it
/// reaches (its own, else its rollout's: see [`super::super::sites`]); `?1` is one
/// rollout or NULL for every one.
pub(super) const NEEDS: &str = "SELECT q.rollout_id, q.role_id, q.module_id, q.due_date,
        coalesce(q.sites, o.sites) AS sites
    FROM training_requirements q
    JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
    JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
    WHERE q.deleted_at IS NULL AND (?1 IS NULL OR q.rollout_id = ?1)";

/// Whether the requirement `q` of the rollout `o` applies to the person `p`: the same
/// rule as [`super::super::sites::Reach::includes`] — no department recorded, no sites
/// named, or a site equal to the department ignoring (ASCII) case.
pub(super) const APPLIES_TO_PERSON: &str = "(p.department = ''
    OR NOT EXISTS (SELECT 1 FROM json_each(coalesce(q.sites, o.sites)))
    OR EXISTS (SELECT 1 FROM json_each(coalesce(q.sites, o.sites)) s
               WHERE s.value = p.department COLLATE NOCASE))";

/// A rollout's requirements (not removed), by due date then role and module.
pub(crate) fn list(conn: &Connection, rollout_id: &str) -> Result<Vec<Requirement>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM}
         WHERE q.rollout_id = ?1 AND q.deleted_at IS NULL
         ORDER BY q.due_date, r.name COLLATE NOCASE, m.title COLLATE NOCASE"
    ))?;
    let requirements = statement.query_map(params![rollout_id], from_row)?;
    Ok(requirements.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A requirement, removed or not.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Requirement> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM {FROM} WHERE q.id = ?1"),
        id,
        "Training requirement",
        from_row,
    )
}

/// Whether a live requirement other than `except` already asks the same module of the
/// same role for the same rollout.
pub(crate) fn live_exists(
    conn: &Connection,
    rollout_id: &str,
    role_id: &str,
    module_id: &str,
    except: Option<&str>,
) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM training_requirements
             WHERE rollout_id = ?1 AND role_id = ?2 AND module_id = ?3
               AND deleted_at IS NULL AND (?4 IS NULL OR id <> ?4))",
        )?
        .query_row(params![rollout_id, role_id, module_id, except], |row| {
            row.get(0)
        })?)
}

/// What a new requirement asks: of which role, which module, by when, and where (no
/// sites: wherever the rollout is).
pub(crate) struct NewRequirement<'a> {
    pub rollout_id: &'a str,
    pub role_id: &'a str,
    pub module_id: &'a str,
    pub due: NaiveDate,
    pub sites: &'a [String],
}

/// Inserts a requirement as `id`, created at `at`.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    new: &NewRequirement<'_>,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO training_requirements (id, rollout_id, role_id, module_id, due_date,
             sites, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        id,
        new.rollout_id,
        new.role_id,
        new.module_id,
        date_text(new.due),
        sites_column(new.sites)?,
        at
    ])?;
    Ok(())
}

/// Limits a requirement to `sites` (none: wherever the rollout is), if it is still at
/// `row_version` and not removed; refused as a conflict naming `label` otherwise.
pub(crate) fn update_sites(
    tx: &Transaction<'_>,
    id: &str,
    row_version: i64,
    sites: &[String],
    at: &str,
    label: &str,
) -> Result<()> {
    let changed = tx
        .prepare_cached(
            "UPDATE training_requirements
             SET sites = ?1, updated_at = ?2, row_version = row_version + 1
             WHERE id = ?3 AND row_version = ?4 AND deleted_at IS NULL",
        )?
        .execute(params![sites_column(sites)?, at, id, row_version])?;
    one_row_updated(changed, label)
}

/// Removes a requirement (`true`) or brings it back, with its audit entry; false when
/// it already was in that state.
pub(crate) fn set_trashed(tx: &Transaction<'_>, id: &str, trashed: bool) -> Result<bool> {
    trash::set_trashed(
        tx,
        "training_requirements",
        EntityKind::TrainingRequirement,
        id,
        trashed,
    )
}

/// Each requirement in view ([`NEEDS`]: one rollout's, or every live rollout's for
/// `None`) as (rollout id, role id, module id, due date, the sites it reaches as JSON).
pub(super) fn each_need(
    conn: &Connection,
    rollout_id: Option<&str>,
    mut visit: impl FnMut(&str, &str, &str, NaiveDate, &str),
) -> Result<()> {
    let mut statement = conn.prepare_cached(NEEDS)?;
    let mut found = statement.query(params![rollout_id])?;
    while let Some(row) = found.next()? {
        let due = rows::date(row, (3, "due_date"))?.ok_or_else(|| rows::unreadable("due_date"))?;
        visit(
            rows::text(row, (0, "rollout_id"))?,
            rows::text(row, (1, "role_id"))?,
            rows::text(row, (2, "module_id"))?,
            due,
            rows::text(row, (4, "sites"))?,
        );
    }
    Ok(())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Requirement> {
    Ok(Requirement {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        role_id: row.get("role_id")?,
        role_name: row.get("role_name")?,
        module_id: row.get("module_id")?,
        module_title: row.get("module_title")?,
        due_date: rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?,
        sites: sites_from_column(row.get::<_, Option<String>>("sites")?.as_deref())
            .ok_or_else(|| rows::unreadable("sites"))?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        row_version: row.get("row_version")?,
    })
}
