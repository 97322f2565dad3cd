//! Which table each bundle section lives in, and the child tables some of them own.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection, Transaction};
use serde_json::{Map, Value};

use super::format::*;
use super::record::{fields, Record};
use crate::audit::{AuditAction, EntityKind, FieldChange};
use crate::{CoreError, Result};

macro_rules! record {
    ($type:ty, $section:literal, $table:literal, $entity:ident, |$r:ident| $label:expr
     $(, $name:ident = $value:expr)* $(,)?) => {
        impl Record for $type {
            const SECTION: &'static str = $section;
            const TABLE: &'static str = $table;
            const ENTITY: EntityKind = EntityKind::$entity;
            $(const $name: record!(@type $name) = $value;)*

            fn id(&self) -> &str {
                &self.id
            }

            fn label(&self) -> String {
                let $r = self;
                $label.to_string()
            }
        }
    };
    (@type IN_ROLLOUT) => { bool };
    (@type TRACKED) => { bool };
    (@type IMMUTABLE) => { bool };
    (@type BOOLEANS) => { &'static [&'static str] };
    (@type JSON_COLUMNS) => { &'static [&'static str] };
}

record!(
    BundleRollout,
    "rollout",
    "rollouts",
    Rollout,
    |r| r.name,
    IN_ROLLOUT = false,
    JSON_COLUMNS = &["sites"]
);
record!(BundlePhase, "phases", "plan_phases", PlanPhase, |r| r.name);
record!(BundleTask, "tasks", "plan_tasks", PlanTask, |r| r.title);
record!(
    BundleCriterion,
    "criteria",
    "readiness_criteria",
    ReadinessCriterion,
    |r| r.title,
    BOOLEANS = &["hard_gate"]
);
record!(BundleRisk, "risks", "risks", Risk, |r| r.title);
record!(BundleDecision, "decisions", "decisions", Decision, |r| r
    .title);
record!(
    BundleCommunication,
    "communications",
    "communications",
    Communication,
    |r| format!("{} ({})", r.audience, r.send_on)
);
record!(
    BundleScopeChange,
    "scope_changes",
    "scope_changes",
    ScopeChange,
    |r| r.cut
);
record!(
    BundleTrainingModule,
    "training_modules",
    "training_modules",
    TrainingModule,
    |r| r.title,
    IN_ROLLOUT = false
);
record!(
    BundleTrainingRequirement,
    "training_requirements",
    "training_requirements",
    TrainingRequirement,
    |r| format!("requirement {}", r.id),
    JSON_COLUMNS = &["sites"]
);
record!(BundleMetric, "metrics", "metrics", Metric, |r| r.name);
record!(
    BundleThreshold,
    "metric_thresholds",
    "metric_thresholds",
    MetricThreshold,
    |r| format!("{} level: {}", r.level, r.action),
    IN_ROLLOUT = false
);
record!(
    BundleMeasurement,
    "metric_measurements",
    "metric_measurements",
    MetricMeasurement,
    |r| format!("measurement of {}", r.measured_on),
    IN_ROLLOUT = false
);
record!(
    BundleRole,
    "roles",
    "roles",
    Role,
    |r| r.name,
    IN_ROLLOUT = false
);
record!(
    BundlePerson,
    "people",
    "people",
    Person,
    |r| r.name,
    IN_ROLLOUT = false,
    BOOLEANS = &["super_user", "active", "external"]
);
record!(
    BundleTrainingRecord,
    "training_records",
    "training_records",
    TrainingRecord,
    |r| format!("training record {}", r.id),
    IN_ROLLOUT = false
);

impl Record for BundleStakeholder {
    const SECTION: &'static str = "stakeholders";
    const TABLE: &'static str = "stakeholders";
    const ENTITY: EntityKind = EntityKind::Stakeholder;
    const BOOLEANS: &'static [&'static str] = &["is_group"];
    const NESTED: &'static [&'static str] = &["raci"];

    fn id(&self) -> &str {
        &self.id
    }

    fn label(&self) -> String {
        self.name.clone()
    }

    fn load_nested(conn: &Connection, id: &str, row: &mut Map<String, Value>) -> Result<()> {
        let raci = child_rows(
            conn,
            "stakeholder_raci",
            "stakeholder_id",
            &["workstream", "role"],
            id,
        )?;
        row.insert("raci".into(), raci);
        Ok(())
    }

    fn write_nested(&self, tx: &Transaction<'_>) -> Result<()> {
        let raci = fields(self).remove("raci").unwrap_or_default();
        let owner = format!("stakeholder '{}' (id {})", self.name, self.id);
        replace_children(
            tx,
            "stakeholder_raci",
            "stakeholder_id",
            &self.id,
            &owner,
            &raci,
        )
    }
}

impl Record for BundleSop {
    const SECTION: &'static str = "sops";
    const TABLE: &'static str = "sops";
    const ENTITY: EntityKind = EntityKind::Sop;
    const IN_ROLLOUT: bool = false;
    const JSON_COLUMNS: &'static [&'static str] = &["tags"];
    const NESTED: &'static [&'static str] = &["steps", "exceptions"];
    // The link to the rollout is merged on its own (see links.rs): an SOP that another
    // rollout already uses is the same SOP, whatever this rollout does with it.
    const NOT_COMPARED: &'static [&'static str] = &["relation"];

    fn id(&self) -> &str {
        &self.id
    }

    fn label(&self) -> String {
        format!("{} {}", self.code, self.title)
    }

    fn load_nested(conn: &Connection, id: &str, row: &mut Map<String, Value>) -> Result<()> {
        let steps = child_rows(
            conn,
            "sop_steps",
            "sop_id",
            &["role", "instruction", "quality_check", "step_id"],
            id,
        )?;
        let steps = step_ids_as_read(steps);
        let exceptions = child_rows(
            conn,
            "sop_exceptions",
            "sop_id",
            &[
                "trigger",
                "action",
                "escalate_to",
                "within",
                "evidence",
                "step_id",
            ],
            id,
        )?;
        row.insert("steps".into(), steps);
        row.insert("exceptions".into(), exceptions);
        // The row alone does not say how a given rollout uses the SOP; the export fills
        // in the real relation, and comparison ignores this field.
        row.insert("relation".into(), Value::from("introduces"));
        Ok(())
    }

    fn write_nested(&self, tx: &Transaction<'_>) -> Result<()> {
        let mut own = fields(self);
        let steps = step_ids_to_write(own.remove("steps").unwrap_or_default());
        let exceptions = step_ids_to_write(own.remove("exceptions").unwrap_or_default());
        let owner = format!("SOP '{}' (id {})", self.label(), self.id);
        replace_children(tx, "sop_steps", "sop_id", &self.id, &owner, &steps)?;
        replace_children(
            tx,
            "sop_exceptions",
            "sop_id",
            &self.id,
            &owner,
            &exceptions,
        )?;
        crate::sops::reindex_sop(tx, &self.id)
    }
}

record!(
    BundlePdsaCycle,
    "pdsa_cycles",
    "pdsa_cycles",
    PdsaCycle,
    |r| r.change
);

record!(
    BundleDebrief,
    "debriefs",
    "debriefs",
    Debrief,
    |r| r.title,
    JSON_COLUMNS = &["links", "action_task_ids"]
);

impl Record for BundleStatus {
    const SECTION: &'static str = "weekly_statuses";
    const TABLE: &'static str = "weekly_statuses";
    const ENTITY: EntityKind = EntityKind::WeeklyStatus;
    const JSON_COLUMNS: &'static [&'static str] = &["content", "notes", "hidden"];
    /// A status is the record of what was written (and, once sent, what went out): one
    /// already here is kept as it is, a difference reported.
    const IMMUTABLE: bool = true;

    fn id(&self) -> &str {
        &self.id
    }

    fn label(&self) -> String {
        format!("Status of the week of {}", self.week_monday)
    }
}

impl Record for BundleRevision {
    const SECTION: &'static str = "sop_revisions";
    const TABLE: &'static str = "sop_revisions";
    const ENTITY: EntityKind = EntityKind::Sop;
    const IN_ROLLOUT: bool = false;
    const TRACKED: bool = false;
    const JSON_COLUMNS: &'static [&'static str] = &["snapshot"];
    const IMMUTABLE: bool = true;

    fn id(&self) -> &str {
        &self.id
    }

    fn label(&self) -> String {
        format!("{} version {}", self.snapshot.code, self.version)
    }

    fn audit_target(&self) -> &str {
        // The audit log has no kind for revisions: an approval is part of the SOP's story.
        &self.sop_id
    }

    fn creation_audit(&self, _fields: Vec<FieldChange>) -> (AuditAction, Vec<FieldChange>) {
        let change = FieldChange {
            field: "approved revision".into(),
            old: None,
            new: Some(format!("version {} (imported from a bundle)", self.version)),
        };
        (AuditAction::Update, vec![change])
    }
}

/// A child table's rows for one parent, in position order, as JSON objects.
fn child_rows(
    conn: &Connection,
    table: &str,
    parent_column: &str,
    columns: &[&str],
    parent_id: &str,
) -> Result<Value> {
    let sql = format!(
        "SELECT {} FROM {table} WHERE {parent_column} = ?1 ORDER BY position",
        columns.join(", ")
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([parent_id])?;
    let mut items = Vec::new();
    while let Some(row) = rows.next()? {
        let mut item = Map::new();
        for (index, column) in columns.iter().enumerate() {
            let value = match row.get_ref(index)? {
                ValueRef::Text(bytes) => Value::from(String::from_utf8_lossy(bytes).into_owned()),
                ValueRef::Integer(n) => Value::from(n),
                _ => Value::Null,
            };
            item.insert((*column).to_owned(), value);
        }
        items.push(Value::Object(item));
    }
    Ok(Value::Array(items))
}

/// A step's id is `id` in the bundle (as on [`crate::sops::Step`]) and `step_id` in its
/// table; a step stored without one (from an older bundle) carries an empty id, as a
/// step not yet saved does.
fn step_ids_as_read(mut steps: Value) -> Value {
    for step in steps.as_array_mut().into_iter().flatten() {
        if let Some(step) = step.as_object_mut() {
            let id = step.remove("step_id").filter(Value::is_string);
            step.insert("id".into(), id.unwrap_or_else(|| Value::from("")));
        }
    }
    steps
}

/// The other way: a step's `id` goes into `step_id`, an exception's `step_id` stays;
/// an empty or missing one is left out, so the column stays NULL (and the step gets an
/// id when its SOP is next saved) — older bundles have neither.
fn step_ids_to_write(mut items: Value) -> Value {
    for item in items.as_array_mut().into_iter().flatten() {
        if let Some(item) = item.as_object_mut() {
            let id = item.remove("id").or_else(|| item.remove("step_id"));
            if let Some(id) = id.filter(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())) {
                item.insert("step_id".into(), id);
            }
        }
    }
    items
}

/// Replaces a parent's child rows with `items` (JSON objects of text), numbered in order;
/// `owner` names the parent in messages.
fn replace_children(
    tx: &Transaction<'_>,
    table: &str,
    parent_column: &str,
    parent_id: &str,
    owner: &str,
    items: &Value,
) -> Result<()> {
    tx.execute(
        &format!("DELETE FROM {table} WHERE {parent_column} = ?1"),
        [parent_id],
    )?;
    let Some(items) = items.as_array() else {
        return Ok(());
    };
    for (position, item) in items.iter().enumerate() {
        let Some(item) = item.as_object() else {
            return Err(CoreError::Database(format!("malformed {table} row")));
        };
        let mut names = vec![parent_column.to_owned(), "position".to_owned()];
        let mut values = vec![
            SqlValue::Text(parent_id.to_owned()),
            SqlValue::Integer(position as i64),
        ];
        for (name, value) in item {
            names.push(name.clone());
            values.push(SqlValue::Text(
                value.as_str().unwrap_or_default().to_owned(),
            ));
        }
        let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        tx.execute(
            &format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                placeholders.join(", ")
            ),
            params_from_iter(values),
        )
        .map_err(|e| child_refused(table, owner, position, e))?;
    }
    Ok(())
}

/// A child row the database's rules refuse (an SOP step without a role) is the
/// bundle's fault, like a refused record: say which one, not just SQLite's words.
fn child_refused(table: &str, owner: &str, position: usize, error: rusqlite::Error) -> CoreError {
    if error.sqlite_error_code() != Some(rusqlite::ErrorCode::ConstraintViolation) {
        return error.into();
    }
    let (section, what) = match table {
        "sop_steps" => ("sops", "step"),
        "sop_exceptions" => ("sops", "exception"),
        "stakeholder_raci" => ("stakeholders", "RACI entry"),
        _ => (table, "row"),
    };
    CoreError::Import {
        file: "bundle".into(),
        row: None,
        column: Some(section.into()),
        message: format!(
            "{what} {} of {owner} cannot be imported: its values break a rule of the \
             database ({error}).",
            position + 1
        ),
    }
}
