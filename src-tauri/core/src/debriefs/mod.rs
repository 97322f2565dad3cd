//! Debriefs: after a go-live, a failed pilot or an incident, what we expected, what
//! happened, what broke (linked to the rollout's tasks, risks and metrics), what we
//! changed (linked to its decisions), the actions that prevent a repeat — each one a
//! task of the plan, with an owner and a due date — and the check we would add next
//! time. Written in the system's terms, not who to blame (DOMAIN.md).
//!
//! Validation is in `validate.rs`; SQL in `store/`.

mod store;
pub(crate) mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::plan::{TaskDraft, TaskStatus};
use crate::time::{now, timestamp_text};
use crate::{Result, Store};

pub(crate) use store::debriefs::list_in as list_debriefs_in;

/// What a debrief links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Task,
    Risk,
    Metric,
    Decision,
}

coded_enum!(LinkKind, "kind", "kind", {
    Task => "task", "Task";
    Risk => "risk", "Risk";
    Metric => "metric", "Metric";
    Decision => "decision", "Decision";
});

/// A record of the rollout a debrief points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DebriefLink {
    pub kind: LinkKind,
    pub id: String,
}

/// A linked record with its name as the rollout holds it now; empty when it has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinkedRecord {
    pub kind: LinkKind,
    pub id: String,
    pub label: String,
}

/// An action that prevents a repeat: the task of the plan it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DebriefAction {
    pub task_id: String,
    pub title: String,
    pub owner_name: String,
    pub due_date: Option<NaiveDate>,
    pub status: TaskStatus,
}

/// A debrief as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Debrief {
    pub id: String,
    pub rollout_id: String,
    pub held_on: NaiveDate,
    /// "Go-live at Riverside", "Lab interface outage, Feb 3".
    pub title: String,
    pub expected: String,
    pub happened: String,
    /// What broke, in words; `broke_links` are the tasks, risks and metrics it names.
    pub broke: String,
    pub broke_links: Vec<LinkedRecord>,
    /// What we changed, in words; `changed_links` are the decisions.
    pub changed: String,
    pub changed_links: Vec<LinkedRecord>,
    pub actions: Vec<DebriefAction>,
    /// The check we would add next time.
    pub next_check: String,
    pub row_version: i64,
}

impl Debrief {
    /// The debrief as labelled lines, in the order every report prints them; empty
    /// parts left out. Links read by their names, actions as "title — owner, due date
    /// (status)".
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let named = |text: &str, links: &[LinkedRecord]| {
            let names: Vec<String> = links
                .iter()
                .filter(|l| !l.label.is_empty())
                .map(|l| format!("{} \"{}\"", l.kind.label(), l.label))
                .collect();
            match (text.trim().is_empty(), names.is_empty()) {
                (_, true) => text.trim().to_owned(),
                (true, false) => names.join("; "),
                (false, false) => format!("{} ({})", text.trim(), names.join("; ")),
            }
        };
        let actions: Vec<String> = self
            .actions
            .iter()
            .map(|a| {
                let due = a
                    .due_date
                    .map(crate::metrics::format::full_date)
                    .unwrap_or_default();
                format!(
                    "{} — {}, due {} ({})",
                    a.title,
                    a.owner_name,
                    due,
                    a.status.label()
                )
            })
            .collect();
        [
            ("What we expected", self.expected.trim().to_owned()),
            ("What happened", self.happened.trim().to_owned()),
            ("What broke", named(&self.broke, &self.broke_links)),
            ("What we changed", named(&self.changed, &self.changed_links)),
            ("Actions", actions.join("\n")),
            ("The check we would add", self.next_check.trim().to_owned()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .collect()
    }
}

/// One action to add: it becomes a task of the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ActionDraft {
    pub title: String,
    /// A person's id or name from the directory: required.
    pub owner: String,
    /// `YYYY-MM-DD`, not before the debrief: required.
    pub due_date: String,
}

/// Everything a person writes in a new debrief.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DebriefDraft {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub title: String,
    pub expected: String,
    pub happened: String,
    pub broke: String,
    /// Tasks, risks and metrics of the rollout.
    pub broke_links: Vec<DebriefLink>,
    pub changed: String,
    /// Decisions of the rollout.
    pub changed_links: Vec<DebriefLink>,
    pub actions: Vec<ActionDraft>,
    pub next_check: String,
}

/// Plans each of a checked debrief's actions as a task of the rollout, starting on the
/// day of the debrief; the new tasks' ids in order.
fn plan_actions(
    tx: &rusqlite::Transaction<'_>,
    rollout_id: &str,
    valid: &validate::ValidDebrief,
) -> Result<Vec<String>> {
    let mut task_ids = Vec::new();
    for action in &valid.actions {
        let task = crate::plan::insert_task(
            tx,
            rollout_id,
            &TaskDraft {
                title: action.title.clone(),
                owner: action.owner.clone(),
                due_date: Some(action.due_date.to_string()),
                start_date: Some(valid.held_on.to_string()),
                notes: format!("An action of the debrief \"{}\".", valid.title),
                ..TaskDraft::default()
            },
        )?;
        task_ids.push(task.id);
    }
    Ok(task_ids)
}

impl Store {
    /// Records a debrief on a rollout; each action becomes a task of its plan, in the
    /// same transaction. Refused, naming the field: no date or title, a link to
    /// something not in the rollout, an action without an owner, or one due before the
    /// debrief.
    pub fn create_debrief(&self, rollout_id: &str, draft: &DebriefDraft) -> Result<Debrief> {
        self.write(|tx| {
            crate::rollouts::require_rollout(tx, rollout_id)?;
            let valid = validate::check(tx, rollout_id, draft)?;
            let task_ids = plan_actions(tx, rollout_id, &valid)?;
            let id = uuid::Uuid::now_v7().to_string();
            let at = timestamp_text(now());
            store::debriefs::insert(tx, &id, rollout_id, &valid, &task_ids, &at)?;
            let mut changes = ChangeSet::default();
            changes.compare("held_on", "", valid.held_on.to_string());
            changes.compare("title", "", valid.title.as_str());
            changes.compare("actions", "", task_ids.len().to_string());
            audit::record(
                tx,
                &at,
                EntityKind::Debrief,
                &id,
                AuditAction::Create,
                &changes.into_changes(),
            )?;
            store::debriefs::fetch(tx, &id)
        })
    }

    /// Edits a debrief as read at `expected_row_version`: its date, title, words and
    /// links are replaced by the draft's; the draft's actions are *new* ones, each
    /// becoming a task as on creation, while the actions already planned stay tasks of
    /// the plan (they are edited there). Refused like a new debrief, and when the debrief
    /// is in the trash or changed since it was read.
    pub fn update_debrief(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &DebriefDraft,
    ) -> Result<Debrief> {
        self.write(|tx| {
            let current = store::debriefs::fetch(tx, id)?;
            crate::store::editable::check_editable(
                &current.title,
                store::debriefs::is_trashed(tx, id)?,
                current.row_version,
                expected_row_version,
            )?;
            let valid = validate::check(tx, &current.rollout_id, draft)?;
            let added = plan_actions(tx, &current.rollout_id, &valid)?;
            let mut task_ids: Vec<String> = store::debriefs::action_task_ids(tx, id)?;
            task_ids.extend(added.iter().cloned());
            let at = timestamp_text(now());
            store::debriefs::update(tx, id, expected_row_version, &valid, &task_ids, &at)?;
            let mut changes = ChangeSet::default();
            changes.compare(
                "held_on",
                current.held_on.to_string(),
                valid.held_on.to_string(),
            );
            changes.compare("title", current.title.as_str(), valid.title.as_str());
            for (field, before, after) in [
                ("expected", &current.expected, &valid.expected),
                ("happened", &current.happened, &valid.happened),
                ("broke", &current.broke, &valid.broke),
                ("changed", &current.changed, &valid.changed),
                ("next_check", &current.next_check, &valid.next_check),
            ] {
                changes.compare(field, before.as_str(), after.as_str());
            }
            if !added.is_empty() {
                changes.compare(
                    "actions",
                    current.actions.len().to_string(),
                    (current.actions.len() + added.len()).to_string(),
                );
            }
            audit::record(
                tx,
                &at,
                EntityKind::Debrief,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            store::debriefs::fetch(tx, id)
        })
    }

    /// Moves a debrief to the trash; the tasks its actions became stay in the plan.
    pub fn trash_debrief(&self, id: &str) -> Result<()> {
        self.write(|tx| store::debriefs::set_trashed(tx, id, true))
    }

    /// Brings a debrief back from the trash.
    pub fn restore_debrief(&self, id: &str) -> Result<()> {
        self.write(|tx| store::debriefs::set_trashed(tx, id, false))
    }

    /// A rollout's debriefs, the latest first.
    pub fn list_debriefs(&self, rollout_id: &str) -> Result<Vec<Debrief>> {
        self.read(|conn| list_debriefs_in(conn, rollout_id))
    }
}
