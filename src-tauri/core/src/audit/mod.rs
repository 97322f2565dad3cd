//! The audit log: who changed what, when. Every write in the core records its entry in
//! the same transaction as the write itself, so the log can never miss a change or
//! describe one that was rolled back.

mod read;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result};

pub use read::HistoryPage;
pub(crate) use read::{entries_since, entries_since_of_fields};

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
    use crate::Store;

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
