//! Saved statuses: the dated record of a status a manager edits and sends. The draft is
//! kept as it was made, so a status reads the same whatever changes in the records
//! later; the manager's part is a note above each section and the items hidden. Once
//! sent, a status never changes: an edit is refused with the way out, a copy to a new
//! draft.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::statuses;
use super::{SectionKind, StatusDraft};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::error::FieldError;
use crate::metrics::format::full_date;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

/// The note above the whole status, beside the notes keyed by section code.
pub const SUMMARY_NOTE: &str = "summary";

/// The longest note, in characters: a paragraph, not a report.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// Whether a status is still being edited or has gone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusState {
    Draft,
    Sent,
}

coded_enum!(StatusState, "state", "state", {
    Draft => "draft", "Draft";
    Sent => "sent", "Sent";
});

/// A saved weekly status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedStatus {
    pub id: String,
    /// `None` for the status of every active rollout.
    pub rollout_id: Option<String>,
    pub week_monday: NaiveDate,
    /// The draft as it was made.
    pub content: StatusDraft,
    /// A note above each section, by section code, and above the whole status
    /// ([`SUMMARY_NOTE`]).
    pub notes: BTreeMap<String, String>,
    /// Keys of the items left out of what is sent.
    pub hidden: Vec<String>,
    pub state: StatusState,
    pub sent_at: Option<DateTime<Utc>>,
    /// The headline of what is sent (hidden items left out): [`Self::shown`]'s.
    pub shown_headline: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub row_version: i64,
}

impl SavedStatus {
    /// The status as it is sent: its draft without the hidden items (a section left
    /// empty by hiding goes too).
    pub fn shown(&self) -> StatusDraft {
        let mut draft = self.content.clone();
        for section in &mut draft.sections {
            section
                .items
                .retain(|item| !self.hidden.contains(&item.key));
        }
        draft.sections.retain(|section| !section.items.is_empty());
        // The headline speaks of what is sent, never of a hidden item.
        draft.headline = super::draft::headline(&draft.sections, &draft.week);
        draft
    }

    /// The note above `section`, if any.
    pub fn note(&self, section: &str) -> &str {
        self.notes.get(section).map_or("", String::as_str)
    }

    fn label(&self) -> String {
        format!("The status of the week of {}", full_date(self.week_monday))
    }
}

/// What a manager changes on a draft status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StatusEdit {
    pub notes: BTreeMap<String, String>,
    pub hidden: Vec<String>,
}

fn check_edit(edit: &StatusEdit) -> Result<StatusEdit> {
    let mut errors = Vec::new();
    let mut notes = BTreeMap::new();
    for (key, note) in &edit.notes {
        let known = key == SUMMARY_NOTE || SectionKind::from_code(key).is_some();
        if !known {
            errors.push(FieldError::new(
                "notes",
                format!("'{key}' is not a section of a status."),
            ));
        } else if note.chars().count() > MAX_NOTE_CHARS {
            errors.push(FieldError::new(
                "notes",
                format!("A note holds at most {MAX_NOTE_CHARS} characters."),
            ));
        } else if !note.trim().is_empty() {
            notes.insert(key.clone(), note.trim_end().to_owned());
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let mut hidden = edit.hidden.clone();
    hidden.sort();
    hidden.dedup();
    Ok(StatusEdit { notes, hidden })
}

/// The refusal of any change to a sent status.
/// The status `id` as it stands, if it may still be changed: a draft still at the
/// version the person read (`row_version`).
fn editable_draft(conn: &rusqlite::Connection, id: &str, row_version: i64) -> Result<SavedStatus> {
    let current = statuses::fetch(conn, id)?;
    if current.state == StatusState::Sent {
        return Err(sent_refusal(&current));
    }
    crate::store::editable::check_editable(
        &current.label(),
        false,
        current.row_version,
        row_version,
    )?;
    Ok(current)
}

fn sent_refusal(status: &SavedStatus) -> CoreError {
    let sent = status
        .sent_at
        .map(|at| full_date(at.date_naive()))
        .unwrap_or_default();
    CoreError::Conflict(format!(
        "This status was sent on {sent}; copy it to a new draft to change it."
    ))
}

impl Store {
    /// Drafts the status of a rollout (or, with `None`, of every active rollout) for the
    /// week holding `week_day` and saves it as a new draft record.
    pub fn save_status(
        &self,
        rollout_id: Option<&str>,
        week_day: NaiveDate,
        today: NaiveDate,
    ) -> Result<SavedStatus> {
        let draft = match rollout_id {
            Some(id) => self.draft_status(id, week_day, today)?,
            None => self.draft_portfolio_status(week_day, today)?,
        };
        let edit = StatusEdit::default();
        self.write(|tx| insert(tx, &draft, &edit))
            .map(with_headline)
    }

    /// The saved statuses of a rollout (or, with `None`, the all-rollouts ones), the
    /// latest week first.
    pub fn list_statuses(&self, rollout_id: Option<&str>) -> Result<Vec<SavedStatus>> {
        self.read(|conn| statuses::list(conn, rollout_id))
            .map(|found| found.into_iter().map(with_headline).collect())
    }

    pub fn get_status(&self, id: &str) -> Result<SavedStatus> {
        self.read(|conn| statuses::fetch(conn, id))
            .map(with_headline)
    }

    /// Changes the notes and hidden items of a draft status; a sent one is refused.
    pub fn update_status(
        &self,
        id: &str,
        row_version: i64,
        edit: &StatusEdit,
    ) -> Result<SavedStatus> {
        let edit = check_edit(edit)?;
        self.write(|tx| {
            let current = editable_draft(tx, id, row_version)?;
            let at = timestamp_text(now());
            statuses::update(tx, id, row_version, &edit, None, &at, &current.label())?;
            let mut changes = ChangeSet::default();
            changes.compare("notes", json_text(&current.notes), json_text(&edit.notes));
            changes.compare(
                "hidden",
                json_text(&current.hidden),
                json_text(&edit.hidden),
            );
            if !changes.is_empty() {
                audit::record(
                    tx,
                    &at,
                    EntityKind::WeeklyStatus,
                    id,
                    AuditAction::Update,
                    &changes.into_changes(),
                )?;
            }
            statuses::fetch(tx, id)
        })
        .map(with_headline)
    }

    /// Marks a draft status sent, now: from here on it never changes.
    pub fn mark_status_sent(&self, id: &str, row_version: i64) -> Result<SavedStatus> {
        self.write(|tx| {
            let current = editable_draft(tx, id, row_version)?;
            let at = timestamp_text(now());
            let edit = StatusEdit {
                notes: current.notes.clone(),
                hidden: current.hidden.clone(),
            };
            statuses::update(tx, id, row_version, &edit, Some(&at), &at, &current.label())?;
            let mut changes = ChangeSet::default();
            changes.compare("state", current.state.code(), StatusState::Sent.code());
            audit::record(
                tx,
                &at,
                EntityKind::WeeklyStatus,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            statuses::fetch(tx, id)
        })
        .map(with_headline)
    }

    /// A new draft holding what `id` holds (its draft, notes and hidden items), to
    /// change what a sent status said in a new one.
    pub fn copy_status_to_new_draft(&self, id: &str) -> Result<SavedStatus> {
        self.write(|tx| {
            let source = statuses::fetch(tx, id)?;
            let edit = StatusEdit {
                notes: source.notes.clone(),
                hidden: source.hidden.clone(),
            };
            insert(tx, &source.content, &edit)
        })
        .map(with_headline)
    }
}

fn insert(
    tx: &crate::store::Tx<'_>,
    draft: &StatusDraft,
    edit: &StatusEdit,
) -> Result<SavedStatus> {
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    statuses::insert(tx, &id, draft, edit, &at)?;
    let mut changes = ChangeSet::default();
    changes.compare("week", "", draft.week.monday.to_string());
    changes.compare("title", "", draft.title.as_str());
    audit::record(
        tx,
        &at,
        EntityKind::WeeklyStatus,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    statuses::fetch(tx, &id)
}

/// JSON text of a note map or a key list, for the audit log's before and after.
fn json_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Fills in the headline of what is sent, which the table does not keep.
fn with_headline(mut status: SavedStatus) -> SavedStatus {
    status.shown_headline = status.shown().headline;
    status
}
