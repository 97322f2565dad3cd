//! The `rollouts` table: all of its SQL, behind plain functions that take a connection
//! and values and give back [`Rollout`]s. Every update names the version it edits
//! (`WHERE id = ? AND row_version = ?`), so a stale edit is refused by the database
//! itself, whoever else writes to it.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};

use super::validate::ValidRollout;
use super::{Phase, Rollout, RolloutKind, ScheduleMode};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::{CoreError, Result};

const COLUMNS: &str = "id, name, kind, goal, sites, sponsor, owner, start_date, go_live_date, \
                       phase, scope_in, scope_out, schedule_mode, created_at, updated_at, deleted_at, \
                       row_version";

/// One rollout, live or in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Rollout> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM rollouts WHERE id = ?1"),
        id,
        "Rollout",
        from_row,
    )
}

/// Live rollouts, soonest go-live first, undated ones last.
pub(super) fn list_live(conn: &Connection) -> Result<Vec<Rollout>> {
    query(
        conn,
        "WHERE deleted_at IS NULL
         ORDER BY go_live_date IS NULL, go_live_date, name COLLATE NOCASE",
    )
}

/// Rollouts in the trash, most recently trashed first.
pub(super) fn list_trashed(conn: &Connection) -> Result<Vec<Rollout>> {
    query(
        conn,
        "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC",
    )
}

/// How many rollouts exist, counting the trash.
pub(super) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM rollouts", [], |row| row.get(0))?)
}

/// Refuses work on a rollout that does not exist.
pub(crate) fn require_rollout(conn: &Connection, rollout_id: &str) -> Result<()> {
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM rollouts WHERE id = ?1)")?
        .query_row(params![rollout_id], |row| row.get(0))?;
    if !exists {
        return Err(CoreError::NotFound {
            entity: "Rollout",
            id: rollout_id.to_owned(),
        });
    }
    Ok(())
}

/// Inserts a new rollout at version 1 and returns its id.
pub(super) fn insert(
    tx: &Transaction<'_>,
    valid: &ValidRollout,
    schedule_mode: ScheduleMode,
    at: &str,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.execute(
        "INSERT INTO rollouts (id, name, kind, goal, sites, sponsor, owner, start_date,
             go_live_date, phase, scope_in, scope_out, schedule_mode, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            id,
            valid.name,
            valid.kind.code(),
            valid.goal,
            sites_json(&valid.sites)?,
            valid.sponsor,
            valid.owner,
            valid.start_date.map(date_text),
            valid.go_live_date.map(date_text),
            valid.phase.code(),
            valid.scope_in,
            valid.scope_out,
            schedule_mode.code(),
            at,
        ],
    )?;
    Ok(id)
}

/// The row an update is for: its id, the version the edit was based on, and the name a
/// conflict shows.
pub(crate) type Version<'a> = (&'a str, i64, &'a str);

/// Replaces the editable fields of the rollout at `version`; any other version is a
/// conflict and nothing is written.
pub(super) fn update(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    valid: &ValidRollout,
    at: &str,
) -> Result<()> {
    let affected = tx.execute(
        "UPDATE rollouts SET name = ?1, kind = ?2, goal = ?3, sites = ?4, sponsor = ?5,
             owner = ?6, start_date = ?7, go_live_date = ?8, phase = ?9, scope_in = ?10,
             scope_out = ?11, updated_at = ?12, row_version = row_version + 1
         WHERE id = ?13 AND row_version = ?14",
        params![
            valid.name,
            valid.kind.code(),
            valid.goal,
            sites_json(&valid.sites)?,
            valid.sponsor,
            valid.owner,
            valid.start_date.map(date_text),
            valid.go_live_date.map(date_text),
            valid.phase.code(),
            valid.scope_in,
            valid.scope_out,
            at,
            id,
            row_version,
        ],
    )?;
    one_row_updated(affected, label)
}

/// Sets how the rollout's plan reacts to a task's dates, at `version` only.
pub(super) fn update_schedule_mode(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    mode: ScheduleMode,
    at: &str,
) -> Result<()> {
    let affected = tx.execute(
        "UPDATE rollouts SET schedule_mode = ?1, updated_at = ?2, row_version = row_version + 1
         WHERE id = ?3 AND row_version = ?4",
        params![mode.code(), at, id, row_version],
    )?;
    one_row_updated(affected, label)
}

/// Sets the go-live date, at `version` only.
pub(super) fn update_go_live(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    go_live: Option<NaiveDate>,
    at: &str,
) -> Result<()> {
    let affected = tx.execute(
        "UPDATE rollouts SET go_live_date = ?1, updated_at = ?2, row_version = row_version + 1
         WHERE id = ?3 AND row_version = ?4",
        params![go_live.map(date_text), at, id, row_version],
    )?;
    one_row_updated(affected, label)
}

/// Deletes a rollout for good (its plan and workspace go with it, by foreign key).
pub(super) fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM rollouts WHERE id = ?1", params![id])?;
    Ok(())
}

fn sites_json(sites: &[String]) -> Result<String> {
    serde_json::to_string(sites)
        .map_err(|e| CoreError::Database(format!("cannot encode sites: {e}")))
}

fn query(conn: &Connection, filter_and_order: &str) -> Result<Vec<Rollout>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM rollouts {filter_and_order}"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Rollout> {
    let kind: String = row.get("kind")?;
    let phase: String = row.get("phase")?;
    let sites: String = row.get("sites")?;
    Ok(Rollout {
        id: row.get("id")?,
        name: row.get("name")?,
        kind: kind
            .parse::<RolloutKind>()
            .map_err(|_| rows::unreadable("kind"))?,
        goal: row.get("goal")?,
        sites: serde_json::from_str(&sites).map_err(|_| rows::unreadable("sites"))?,
        sponsor: row.get("sponsor")?,
        owner: row.get("owner")?,
        start_date: rows::date(row, "start_date")?,
        go_live_date: rows::date(row, "go_live_date")?,
        phase: phase
            .parse::<Phase>()
            .map_err(|_| rows::unreadable("phase"))?,
        scope_in: row.get("scope_in")?,
        scope_out: row.get("scope_out")?,
        schedule_mode: ScheduleMode::from_code(&row.get::<_, String>("schedule_mode")?)
            .ok_or_else(|| rows::unreadable("schedule_mode"))?,
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        deleted_at: rows::timestamp(row, "deleted_at")?,
        row_version: row.get("row_version")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rollouts::RolloutDraft;
    use crate::Store;

    fn rollout(store: &Store) -> Rollout {
        store
            .create_rollout(&RolloutDraft {
                name: "SMS reminders".into(),
                go_live_date: Some("2027-03-01".into()),
                ..RolloutDraft::default()
            })
            .expect("rollout")
    }

    /// One store-level update, tried inside a write.
    type Attempt<'a> = &'a dyn Fn(&Transaction<'_>) -> Result<()>;

    #[test]
    fn an_update_at_a_stale_version_is_refused_by_the_sql_and_changes_nothing() {
        let store = Store::open_in_memory().expect("store");
        let before = rollout(&store);
        let stale = (
            before.id.as_str(),
            before.row_version - 1,
            before.name.as_str(),
        );
        let valid = crate::rollouts::validate::validate(&RolloutDraft {
            name: "Renamed".into(),
            ..before.draft()
        })
        .expect("valid");
        let at = "2027-01-01T00:00:00Z";
        let attempts: [Attempt<'_>; 3] = [
            &|tx| update(tx, stale, &valid, at),
            &|tx| update_schedule_mode(tx, stale, ScheduleMode::Flag, at),
            &|tx| update_go_live(tx, stale, None, at),
        ];
        for attempt in attempts {
            let error = store.write(|tx| attempt(tx)).expect_err("a stale version");
            assert_eq!(error.code(), "conflict", "a stale version is a conflict");
        }
        assert_eq!(
            store.get_rollout(&before.id).expect("rollout"),
            before,
            "a refused update leaves the rollout as it was"
        );
    }
}
