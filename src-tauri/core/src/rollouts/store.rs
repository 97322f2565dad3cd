//! Reading and writing rollouts. Each write and its audit entry share one transaction.

use rusqlite::{params, Connection, Row, Transaction};

use super::validate::{validate, ValidRollout};
use super::{Phase, Rollout, RolloutDraft, RolloutKind, ScheduleMode};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind};
use crate::store::editable::{check_editable, one_row_updated};
use crate::store::rows;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

const COLUMNS: &str = "id, name, kind, goal, sites, sponsor, owner, start_date, go_live_date, \
                       phase, scope_in, scope_out, schedule_mode, created_at, updated_at, deleted_at, \
                       row_version";

impl Store {
    /// Creates a rollout from a draft, or explains every field that is wrong.
    pub fn create_rollout(&self, draft: &RolloutDraft) -> Result<Rollout> {
        let valid = validate(draft)?;
        self.write(|tx| insert(tx, &valid))
    }

    /// Live rollouts (not in the trash), soonest go-live first, undated ones last.
    pub fn list_rollouts(&self) -> Result<Vec<Rollout>> {
        self.read(|conn| {
            query(
                conn,
                "WHERE deleted_at IS NULL
                 ORDER BY go_live_date IS NULL, go_live_date, name COLLATE NOCASE",
            )
        })
    }

    /// Rollouts in the trash, most recently trashed first.
    pub fn list_trashed_rollouts(&self) -> Result<Vec<Rollout>> {
        self.read(|conn| {
            query(
                conn,
                "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC",
            )
        })
    }

    /// One rollout, live or in the trash.
    pub fn get_rollout(&self, id: &str) -> Result<Rollout> {
        self.read(|conn| fetch(conn, id))
    }

    /// Replaces the editable fields of a live rollout.
    ///
    /// `expected_row_version` is the version the caller edited; if the rollout has changed
    /// since, the update is refused as a conflict instead of overwriting that change.
    /// An update that changes nothing writes nothing and keeps the version.
    pub fn update_rollout(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &RolloutDraft,
    ) -> Result<Rollout> {
        let valid = validate(draft)?;
        self.write(|tx| {
            let current = fetch(tx, id)?;
            check_editable(
                &current.name,
                current.deleted_at.is_some(),
                current.row_version,
                expected_row_version,
            )?;
            let mut changes = ChangeSet::default();
            describe_changes(&mut changes, Some(&current), &valid);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
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
                    expected_row_version,
                ],
            )?;
            one_row_updated(affected, &current.name)?;
            audit::record(
                tx,
                &at,
                EntityKind::Rollout,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            fetch(tx, id)
        })
    }

    /// Moves a rollout to the trash; it keeps all its data until purged.
    pub fn trash_rollout(&self, id: &str) -> Result<Rollout> {
        self.write(|tx| {
            let current = fetch(tx, id)?;
            if current.deleted_at.is_some() {
                return Ok(current);
            }
            set_deleted_at(tx, id, Some(&timestamp_text(now())), AuditAction::Trash)
        })
    }

    /// Brings a rollout back from the trash.
    pub fn restore_rollout(&self, id: &str) -> Result<Rollout> {
        self.write(|tx| {
            let current = fetch(tx, id)?;
            if current.deleted_at.is_none() {
                return Ok(current);
            }
            set_deleted_at(tx, id, None, AuditAction::Restore)
        })
    }

    /// Deletes a rollout for good. Only a rollout already in the trash can be purged, so
    /// nothing vanishes in one click; its audit history stays.
    pub fn purge_rollout(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let current = fetch(tx, id)?;
            if current.deleted_at.is_none() {
                return Err(CoreError::Conflict(format!(
                    "'{}' is not in the trash: move it to the trash before deleting it for good.",
                    current.name
                )));
            }
            tx.execute("DELETE FROM rollouts WHERE id = ?1", params![id])?;
            let gone = [audit::FieldChange {
                field: "name".into(),
                old: Some(current.name),
                new: None,
            }];
            audit::record(
                tx,
                &timestamp_text(now()),
                EntityKind::Rollout,
                id,
                AuditAction::Purge,
                &gone,
            )
        })
    }

    /// The rollout's history, newest first.
    pub fn rollout_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::Rollout, id)
    }

    /// How many rollouts exist, counting the trash.
    pub fn count_rollouts(&self) -> Result<i64> {
        self.read(|conn| Ok(conn.query_row("SELECT count(*) FROM rollouts", [], |row| row.get(0))?))
    }
}

/// Validates and inserts one rollout inside a caller's transaction (the sample clinic
/// and, later, imports create several rollouts in one transaction).
pub(crate) fn insert_draft(tx: &Transaction<'_>, draft: &RolloutDraft) -> Result<Rollout> {
    insert(tx, &validate(draft)?)
}

fn insert(tx: &Transaction<'_>, valid: &ValidRollout) -> Result<Rollout> {
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
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
            ScheduleMode::FOR_NEW_ROLLOUTS.code(),
            at,
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe_changes(&mut changes, None, valid);
    audit::record(
        tx,
        &at,
        EntityKind::Rollout,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    fetch(tx, &id)
}

fn set_deleted_at(
    tx: &Transaction<'_>,
    id: &str,
    deleted_at: Option<&str>,
    action: AuditAction,
) -> Result<Rollout> {
    let at = timestamp_text(now());
    tx.execute(
        "UPDATE rollouts SET deleted_at = ?1, updated_at = ?2, row_version = row_version + 1
         WHERE id = ?3",
        params![deleted_at, at, id],
    )?;
    audit::record(tx, &at, EntityKind::Rollout, id, action, &[])?;
    fetch(tx, id)
}

/// Notes every field whose stored text would change; `None` describes a new rollout.
fn describe_changes(changes: &mut ChangeSet, old: Option<&Rollout>, new: &ValidRollout) {
    let text = |f: fn(&Rollout) -> String| old.map(f).unwrap_or_default();
    let date = |d: Option<chrono::NaiveDate>| d.map(date_text).unwrap_or_default();
    changes.compare("name", text(|r| r.name.clone()), new.name.as_str());
    changes.compare(
        "kind",
        old.map(|r| r.kind.code()).unwrap_or(""),
        new.kind.code(),
    );
    changes.compare("goal", text(|r| r.goal.clone()), new.goal.as_str());
    changes.compare("sites", text(|r| r.sites.join(", ")), new.sites.join(", "));
    changes.compare("sponsor", text(|r| r.sponsor.clone()), new.sponsor.as_str());
    changes.compare("owner", text(|r| r.owner.clone()), new.owner.as_str());
    changes.compare(
        "start_date",
        date(old.and_then(|r| r.start_date)),
        date(new.start_date),
    );
    changes.compare(
        "go_live_date",
        date(old.and_then(|r| r.go_live_date)),
        date(new.go_live_date),
    );
    changes.compare(
        "phase",
        old.map(|r| r.phase.code()).unwrap_or(""),
        new.phase.code(),
    );
    changes.compare(
        "scope_in",
        text(|r| r.scope_in.clone()),
        new.scope_in.as_str(),
    );
    changes.compare(
        "scope_out",
        text(|r| r.scope_out.clone()),
        new.scope_out.as_str(),
    );
}

fn sites_json(sites: &[String]) -> Result<String> {
    serde_json::to_string(sites)
        .map_err(|e| CoreError::Database(format!("cannot encode sites: {e}")))
}

pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Rollout> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM rollouts WHERE id = ?1"),
        id,
        "Rollout",
        from_row,
    )
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
