//! Each person's record per module: started, completed (when, verified by whom, with
//! what score) or waived (and why).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{RecordDraft, RecordStatus, TrainingRecord};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::rows;
use crate::time::{date_text, now, parse_date, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

impl Store {
    /// Updates one record; `today` bounds the completion date.
    pub fn update_training_record(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &RecordDraft,
        today: NaiveDate,
    ) -> Result<TrainingRecord> {
        self.write(|tx| {
            let current = fetch_record(tx, id)?;
            if current.row_version != expected_row_version {
                return Err(CoreError::Conflict(
                    "This training record was changed elsewhere; reload to see the latest.".into(),
                ));
            }
            write_record(tx, &current, draft, today)
        })
    }

    /// Marks a module completed for several people at once — a classroom session's
    /// sign-in sheet — in one transaction. People without a record get one.
    pub fn complete_training(
        &self,
        module_id: &str,
        person_ids: &[String],
        completed_on: &str,
        verified_by: Option<&str>,
        today: NaiveDate,
    ) -> Result<Vec<TrainingRecord>> {
        let draft = RecordDraft {
            status: RecordStatus::Completed,
            completed_on: Some(completed_on.to_owned()),
            verified_by: verified_by.map(str::to_owned),
            ..RecordDraft::default()
        };
        self.write(|tx| {
            person_ids
                .iter()
                .map(|person_id| complete_in(tx, person_id, module_id, &draft, today))
                .collect()
        })
    }
}

/// Records a completion inside a caller's transaction (the sample clinic's history).
pub(crate) fn complete_in(
    tx: &Transaction<'_>,
    person_id: &str,
    module_id: &str,
    draft: &RecordDraft,
    today: NaiveDate,
) -> Result<TrainingRecord> {
    let current = match find_record(tx, person_id, module_id)? {
        Some(record) => record,
        None => insert_record(tx, person_id, module_id)?,
    };
    write_record(tx, &current, draft, today)
}

struct ValidRecord {
    status: RecordStatus,
    completed_on: Option<NaiveDate>,
    verified_by: Option<String>,
    score: Option<f64>,
    waived_reason: String,
}

fn validate(conn: &Connection, draft: &RecordDraft, today: NaiveDate) -> Result<ValidRecord> {
    let mut errors = Vec::new();
    let completed_on = match draft
        .completed_on
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None if draft.status == RecordStatus::Completed => Some(today),
        None => None,
        Some(text) => match parse_date(text) {
            Some(date) if date > today => {
                errors.push(FieldError::new(
                    "completed_on",
                    format!("The completion date {} is in the future.", date_text(date)),
                ));
                None
            }
            Some(date) => Some(date),
            None => {
                errors.push(FieldError::new(
                    "completed_on",
                    format!("'{text}' is not a date: use a date like 2027-03-01."),
                ));
                None
            }
        },
    };
    if draft.status == RecordStatus::Waived && draft.waived_reason.trim().is_empty() {
        errors.push(FieldError::new(
            "waived_reason",
            "Say why the training is waived.",
        ));
    }
    if let Some(score) = draft.score {
        if !(0.0..=100.0).contains(&score) {
            errors.push(FieldError::new("score", "A score is between 0 and 100."));
        }
    }
    let verified_by = draft.verified_by.clone().filter(|id| !id.trim().is_empty());
    if let Some(id) = &verified_by {
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND deleted_at IS NULL)",
            params![id],
            |row| row.get(0),
        )?;
        if !known {
            errors.push(FieldError::new(
                "verified_by",
                "Choose who verified it from the directory.",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let completed = draft.status == RecordStatus::Completed;
    Ok(ValidRecord {
        status: draft.status,
        completed_on: completed.then_some(completed_on).flatten(),
        verified_by: if completed { verified_by } else { None },
        score: if completed { draft.score } else { None },
        waived_reason: if draft.status == RecordStatus::Waived {
            draft.waived_reason.trim().to_owned()
        } else {
            String::new()
        },
    })
}

fn write_record(
    tx: &Transaction<'_>,
    current: &TrainingRecord,
    draft: &RecordDraft,
    today: NaiveDate,
) -> Result<TrainingRecord> {
    let valid = validate(tx, draft, today)?;
    let mut changes = ChangeSet::default();
    let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let score = |s: Option<f64>| s.map(|s| s.to_string()).unwrap_or_default();
    changes.compare("status", current.status.code(), valid.status.code());
    changes.compare(
        "completed_on",
        date(current.completed_on),
        date(valid.completed_on),
    );
    changes.compare(
        "verified_by",
        current.verified_by.clone().unwrap_or_default(),
        valid.verified_by.clone().unwrap_or_default(),
    );
    changes.compare("score", score(current.score), score(valid.score));
    changes.compare(
        "waived_reason",
        current.waived_reason.as_str(),
        valid.waived_reason.as_str(),
    );
    if changes.is_empty() {
        return Ok(current.clone());
    }
    let at = timestamp_text(now());
    tx.execute(
        "UPDATE training_records SET status = ?1, completed_on = ?2, verified_by = ?3, score = ?4,
             waived_reason = ?5, updated_at = ?6, row_version = row_version + 1
         WHERE id = ?7",
        params![
            valid.status.code(),
            valid.completed_on.map(date_text),
            valid.verified_by,
            valid.score,
            valid.waived_reason,
            at,
            current.id
        ],
    )?;
    audit::record(
        tx,
        &at,
        EntityKind::TrainingRecord,
        &current.id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    fetch_record(tx, &current.id)
}

fn insert_record(tx: &Transaction<'_>, person_id: &str, module_id: &str) -> Result<TrainingRecord> {
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO training_records (id, person_id, module_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, person_id, module_id, at],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(failure, _) if failure.code == rusqlite::ErrorCode::ConstraintViolation => {
            CoreError::invalid("person_ids", "A person or module in the list no longer exists.")
        }
        other => other.into(),
    })?;
    audit::record(
        tx,
        &at,
        EntityKind::TrainingRecord,
        &id,
        AuditAction::Create,
        &[],
    )?;
    fetch_record(tx, &id)
}

fn find_record(
    conn: &Connection,
    person_id: &str,
    module_id: &str,
) -> Result<Option<TrainingRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {RECORD_COLUMNS} FROM training_records WHERE person_id = ?1 AND module_id = ?2"),
            params![person_id, module_id],
            record_from_row,
        )
        .optional()?)
}

const RECORD_COLUMNS: &str =
    "id, person_id, module_id, status, completed_on, verified_by, score, waived_reason, row_version";

fn fetch_record(conn: &Connection, id: &str) -> Result<TrainingRecord> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {RECORD_COLUMNS} FROM training_records WHERE id = ?1"),
        id,
        "Training record",
        record_from_row,
    )
}

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<TrainingRecord> {
    let status: String = row.get("status")?;
    Ok(TrainingRecord {
        id: row.get("id")?,
        person_id: row.get("person_id")?,
        module_id: row.get("module_id")?,
        status: status
            .parse::<RecordStatus>()
            .map_err(|_| rows::unreadable("status"))?,
        completed_on: rows::date(row, "completed_on")?,
        verified_by: row.get("verified_by")?,
        score: row.get("score")?,
        waived_reason: row.get("waived_reason")?,
        row_version: row.get("row_version")?,
    })
}
