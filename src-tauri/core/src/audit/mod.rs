//! The audit log: who changed what, when. Every write in the core records its entry in
//! the same transaction as the write itself, so the log can never miss a change or
//! describe one that was rolled back.

use std::borrow::Cow;

use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result, Store};

/// The kinds of entity the audit log speaks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Rollout,
    Person,
    Role,
    TrainingModule,
    TrainingRequirement,
    TrainingRecord,
    ReadinessCriterion,
    Sop,
    PlanPhase,
    PlanTask,
    Risk,
    Decision,
    Communication,
    Stakeholder,
    ScopeChange,
    Metric,
    MetricThreshold,
    MetricMeasurement,
    WeeklyStatus,
    Debrief,
    PdsaCycle,
    Programme,
    PlanBaseline,
}

impl EntityKind {
    /// Every kind, for looking one up by its table.
    pub const ALL: [Self; 23] = [
        Self::Rollout,
        Self::Person,
        Self::Role,
        Self::TrainingModule,
        Self::TrainingRequirement,
        Self::TrainingRecord,
        Self::ReadinessCriterion,
        Self::Sop,
        Self::PlanPhase,
        Self::PlanTask,
        Self::Risk,
        Self::Decision,
        Self::Communication,
        Self::Stakeholder,
        Self::ScopeChange,
        Self::Metric,
        Self::MetricThreshold,
        Self::MetricMeasurement,
        Self::WeeklyStatus,
        Self::Debrief,
        Self::PdsaCycle,
        Self::Programme,
        Self::PlanBaseline,
    ];

    /// The kind as the audit log spells it.
    pub fn code(self) -> &'static str {
        match self {
            Self::Rollout => "rollout",
            Self::Person => "person",
            Self::Role => "role",
            Self::TrainingModule => "training_module",
            Self::TrainingRequirement => "training_requirement",
            Self::TrainingRecord => "training_record",
            Self::ReadinessCriterion => "readiness_criterion",
            Self::Sop => "sop",
            Self::PlanPhase => "plan_phase",
            Self::PlanTask => "plan_task",
            Self::Risk => "risk",
            Self::Decision => "decision",
            Self::Communication => "communication",
            Self::Stakeholder => "stakeholder",
            Self::ScopeChange => "scope_change",
            Self::Metric => "metric",
            Self::MetricThreshold => "metric_threshold",
            Self::MetricMeasurement => "metric_measurement",
            Self::WeeklyStatus => "weekly_status",
            Self::Debrief => "debrief",
            Self::PdsaCycle => "pdsa_cycle",
            Self::Programme => "programme",
            Self::PlanBaseline => "plan_baseline",
        }
    }

    /// The table that holds entities of this kind.
    pub fn table(self) -> &'static str {
        match self {
            Self::Rollout => "rollouts",
            Self::Person => "people",
            Self::Role => "roles",
            Self::TrainingModule => "training_modules",
            Self::TrainingRequirement => "training_requirements",
            Self::TrainingRecord => "training_records",
            Self::ReadinessCriterion => "readiness_criteria",
            Self::Sop => "sops",
            Self::PlanPhase => "plan_phases",
            Self::PlanTask => "plan_tasks",
            Self::Risk => "risks",
            Self::Decision => "decisions",
            Self::Communication => "communications",
            Self::Stakeholder => "stakeholders",
            Self::ScopeChange => "scope_changes",
            Self::Metric => "metrics",
            Self::MetricThreshold => "metric_thresholds",
            Self::MetricMeasurement => "metric_measurements",
            Self::WeeklyStatus => "weekly_statuses",
            Self::Debrief => "debriefs",
            Self::PdsaCycle => "pdsa_cycles",
            Self::Programme => "programmes",
            Self::PlanBaseline => "plan_baselines",
        }
    }

    /// The kind whose entities `table` holds (None for a table of links or lists).
    pub fn of_table(table: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.table() == table)
    }
}

/// What a write did to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Trash,
    Restore,
    Purge,
}

impl AuditAction {
    /// The action as the audit log spells it.
    pub fn code(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Trash => "trash",
            Self::Restore => "restore",
            Self::Purge => "purge",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "create" => Self::Create,
            "update" => Self::Update,
            "trash" => Self::Trash,
            "restore" => Self::Restore,
            "purge" => Self::Purge,
            _ => return None,
        })
    }
}

/// One field's value before and after a write, as text (`None` when empty or unset).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One recorded write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditEntry {
    /// Increases with every write; orders entries recorded in the same millisecond.
    pub seq: i64,
    /// When, as UTC ISO-8601.
    pub at: String,
    pub entity: EntityKind,
    pub entity_id: String,
    pub action: AuditAction,
    pub changes: Vec<FieldChange>,
    /// Who made the change when it was not made on this copy: a team member whose
    /// change came from the team's server, by the name the team knows them by (else
    /// their login). None for every change made here.
    pub by: Option<String>,
    /// Set when the entry records an undo (or a redo) of an earlier change: the action
    /// and fields are then those of the reversal (an undone creation is a purge).
    pub reversal: Option<Reversal>,
}

/// How an entry came from the undo list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reversal {
    Undone,
    Redone,
}

/// Records one write; call it inside the transaction that makes the write.
pub(crate) fn record(
    tx: &Transaction<'_>,
    at: &str,
    entity: EntityKind,
    entity_id: &str,
    action: AuditAction,
    changes: &[FieldChange],
) -> Result<()> {
    let changes = serde_json::to_string(changes)
        .map_err(|e| CoreError::Database(format!("cannot encode audit changes: {e}")))?;
    tx.prepare_cached(
        "INSERT INTO audit_log (at, entity_type, entity_id, action, changes)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        at,
        entity.code(),
        entity_id,
        action.code(),
        changes
    ])?;
    Ok(())
}

/// The newest part of one entity's history, and how long the whole is. A record saved
/// as it is typed gathers an entry for every pause, so a year-old rollout's history
/// runs to thousands: a screen shows the newest and asks for the rest when wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryPage {
    /// Newest first.
    pub entries: Vec<AuditEntry>,
    /// How many entries the whole history holds.
    pub total: u32,
}

impl Store {
    /// The history of one entity, newest first.
    pub fn history(&self, entity: EntityKind, entity_id: &str) -> Result<Vec<AuditEntry>> {
        self.read(|conn| entity_history(conn, entity, entity_id, None))
    }

    /// The newest `newest` entries of one entity's history (all of them for None) and
    /// the whole history's length, read together.
    pub fn history_page(
        &self,
        entity: EntityKind,
        entity_id: &str,
        newest: Option<u32>,
    ) -> Result<HistoryPage> {
        self.read(|conn| {
            let entries = entity_history(conn, entity, entity_id, newest)?;
            let total = match newest {
                Some(limit) if entries.len() >= limit as usize => conn
                    .prepare_cached(
                        "SELECT count(*) FROM audit_log WHERE entity_type = ?1 AND entity_id = ?2",
                    )?
                    .query_row(params![entity.code(), entity_id], |row| row.get(0))?,
                _ => entries.len() as u32,
            };
            Ok(HistoryPage { entries, total })
        })
    }
}

fn entity_history(
    conn: &Connection,
    entity: EntityKind,
    id: &str,
    newest: Option<u32>,
) -> Result<Vec<AuditEntry>> {
    // SQLite reads a negative limit as none.
    let limit = newest.map_or(-1, i64::from);
    let mut statement = conn.prepare_cached(
        "SELECT seq, at, entity_id, action, changes, author, reversal FROM audit_log
         WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY seq DESC LIMIT ?3",
    )?;
    let rows = statement.query_map(params![entity.code(), id, limit], |row| {
        entry_from_row(row, entity)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every entry about the entities of kind `entity` among `entity_ids` recorded at or
/// after `since` (UTC ISO-8601), newest first: what to undo, in order, to see those
/// entities as they stood at `since`.
pub(crate) fn entries_since(
    conn: &Connection,
    entity: EntityKind,
    entity_ids: &[String],
    since: &str,
) -> Result<Vec<AuditEntry>> {
    read_since(conn, entity, entity_ids, since, |changes| {
        serde_json::from_str(changes)
    })
}

/// As [`entries_since`], each entry holding only its changes of `fields`: a week of a
/// plan of thousands of tasks is thousands of entries, their creations listing every
/// field, of which a reader of two fields would otherwise copy out all.
pub(crate) fn entries_since_of_fields(
    conn: &Connection,
    entity: EntityKind,
    entity_ids: &[String],
    since: &str,
    fields: &[&str],
) -> Result<Vec<AuditEntry>> {
    read_since(conn, entity, entity_ids, since, |changes| {
        // Read in place from the row's text; only the wanted fields are copied.
        let all: Vec<ChangeText<'_>> = serde_json::from_str(changes)?;
        Ok(all
            .into_iter()
            .filter(|change| fields.contains(&change.field.as_ref()))
            .map(ChangeText::into_owned)
            .collect())
    })
}

/// A change as its entry's JSON holds it, borrowed from that text where it can be.
#[derive(Deserialize)]
struct ChangeText<'a> {
    #[serde(borrow)]
    field: Cow<'a, str>,
    #[serde(borrow)]
    old: Option<Cow<'a, str>>,
    #[serde(borrow)]
    new: Option<Cow<'a, str>>,
}

impl ChangeText<'_> {
    fn into_owned(self) -> FieldChange {
        FieldChange {
            field: self.field.into_owned(),
            old: self.old.map(Cow::into_owned),
            new: self.new.map(Cow::into_owned),
        }
    }
}

/// The entries since `since` about `entity_ids`, newest first, their change lists read
/// by `changes`.
fn read_since(
    conn: &Connection,
    entity: EntityKind,
    entity_ids: &[String],
    since: &str,
    changes: impl Fn(&str) -> serde_json::Result<Vec<FieldChange>>,
) -> Result<Vec<AuditEntry>> {
    let ids = serde_json::to_string(entity_ids)
        .map_err(|e| CoreError::Database(format!("cannot encode entity ids: {e}")))?;
    let mut statement = conn.prepare_cached(
        "SELECT seq, at, entity_id, action, changes, author, reversal FROM audit_log
         WHERE entity_type = ?1 AND at >= ?2
           AND entity_id IN (SELECT value FROM json_each(?3))
         ORDER BY seq DESC",
    )?;
    let rows = statement.query_map(params![entity.code(), since, ids], |row| {
        let text = row.get_ref("changes")?.as_str()?;
        let read = changes(text).map_err(|_| corrupt("change list"))?;
        entry_with_changes(row, entity, read)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn entry_from_row(row: &Row<'_>, entity: EntityKind) -> rusqlite::Result<AuditEntry> {
    let changes: String = row.get("changes")?;
    let changes = serde_json::from_str(&changes).map_err(|_| corrupt("change list"))?;
    entry_with_changes(row, entity, changes)
}

/// An entry from its row, with its change list already read.
fn entry_with_changes(
    row: &Row<'_>,
    entity: EntityKind,
    changes: Vec<FieldChange>,
) -> rusqlite::Result<AuditEntry> {
    let action: String = row.get("action")?;
    Ok(AuditEntry {
        seq: row.get("seq")?,
        at: row.get("at")?,
        entity,
        entity_id: row.get("entity_id")?,
        action: AuditAction::from_code(&action).ok_or_else(|| corrupt("action"))?,
        changes,
        by: row.get("author")?,
        reversal: match row.get::<_, Option<String>>("reversal")?.as_deref() {
            Some("undone") => Some(Reversal::Undone),
            Some("redone") => Some(Reversal::Redone),
            _ => None,
        },
    })
}

/// The error for a row of the log that cannot be read as `what`.
fn corrupt(what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("audit log holds an unreadable {what}").into(),
    )
}

/// Columns holding a flag (0 or 1), which the history spells "yes" and "no".
const FLAGS: &[&str] = &["hard_gate", "super_user", "active", "external", "is_group"];

/// A stored column's value (as SQLite's `json_object` gives it) in the words the audit
/// log uses for that field, for a change that arrives as columns rather than through
/// the core's own writes (a teammate's, pulled from the team): a flag as yes or no, a
/// list (stored as a JSON array) as "a, b", nothing for an empty value.
pub fn stored_text(field: &str, value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let text = match value {
        Value::Null => return None,
        Value::Number(n) if FLAGS.contains(&field) => {
            if n.as_i64() == Some(0) { "no" } else { "yes" }.to_owned()
        }
        Value::String(s) => match serde_json::from_str::<Vec<String>>(s) {
            Ok(items) if s.starts_with('[') => items.join(", "),
            _ => s.clone(),
        },
        other => other.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

/// Collects the fields that differ between two versions of an entity.
#[derive(Default)]
pub(crate) struct ChangeSet(Vec<FieldChange>);

impl ChangeSet {
    /// Notes `field` if its text differs; empty text counts as unset.
    pub fn compare(&mut self, field: &str, old: impl Into<String>, new: impl Into<String>) {
        let (old, new) = (old.into(), new.into());
        if old != new {
            let unset_if_empty = |text: String| (!text.is_empty()).then_some(text);
            self.0.push(FieldChange {
                field: field.to_owned(),
                old: unset_if_empty(old),
                new: unset_if_empty(new),
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_changes(self) -> Vec<FieldChange> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_value_reads_as_the_history_writes_that_field() {
        use serde_json::json;
        assert_eq!(stored_text("hard_gate", &json!(1)).as_deref(), Some("yes"));
        assert_eq!(stored_text("active", &json!(0)).as_deref(), Some("no"));
        assert_eq!(
            stored_text("sites", &json!("[\"Main Street\",\"Elm Road\"]")).as_deref(),
            Some("Main Street, Elm Road"),
            "a list reads as the core's own history writes it"
        );
        assert_eq!(
            stored_text("sites", &json!("[]")),
            None,
            "an empty list is nothing"
        );
        assert_eq!(stored_text("owner", &json!("")), None);
        assert_eq!(stored_text("owner", &json!(null)), None);
        assert_eq!(stored_text("score", &json!(85)).as_deref(), Some("85"));
        assert_eq!(
            stored_text("goal", &json!("[draft] kiosks")).as_deref(),
            Some("[draft] kiosks")
        );
    }

    #[test]
    fn every_kind_names_a_table_of_the_file_and_is_found_by_it() {
        let store = Store::open_in_memory().expect("an empty store opens");
        for kind in EntityKind::ALL {
            let found: bool = store
                .read(|conn| {
                    Ok(conn
                        .prepare("SELECT 1 FROM pragma_table_list WHERE name = ?1")?
                        .exists([kind.table()])?)
                })
                .expect("the table list reads");
            assert!(
                found,
                "{kind:?} names the table {}, which must exist",
                kind.table()
            );
            assert_eq!(
                EntityKind::of_table(kind.table()),
                Some(kind),
                "a change pulled into {} is recorded as {kind:?}",
                kind.table()
            );
        }
        assert_eq!(
            EntityKind::of_table("sop_rollouts"),
            None,
            "a table of links is no entity of its own"
        );
    }
}
