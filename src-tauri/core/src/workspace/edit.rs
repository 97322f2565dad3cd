//! What every record of the rollout workspace shares: the checks before an edit, dates
//! typed as text, 1-5 ratings, and trash and restore.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};

use crate::audit::EntityKind;
use crate::store::trash;
use crate::time::parse_date;
use crate::{CoreError, FieldError, Result};

/// A required ISO date; a missing or mistyped one is noted against its field.
pub(crate) fn required_date(
    text: &str,
    field: &str,
    label: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, format!("Give the {label}.")));
        return None;
    }
    let parsed = parse_date(text);
    if parsed.is_none() {
        errors.push(FieldError::new(
            field,
            format!("The {label} '{text}' is not a date: use YYYY-MM-DD."),
        ));
    }
    parsed
}

/// A rating on the 1-5 scale; `scale` says what 1 and 5 mean ("1 (rare) to 5 (almost
/// certain)").
pub(crate) fn rating(
    value: i64,
    field: &str,
    label: &str,
    scale: &str,
    errors: &mut Vec<FieldError>,
) {
    if !(1..=5).contains(&value) {
        errors.push(FieldError::new(
            field,
            format!("{label} is rated {scale}; {value} is off the scale."),
        ));
    }
}

/// Refuses work on a rollout that does not exist.
pub(crate) fn require_rollout(tx: &Transaction<'_>, rollout_id: &str) -> Result<()> {
    crate::plan::require_rollout(tx, rollout_id)
}

/// Moves the row `id` of `table` to the trash or back, with its audit entry.
pub(crate) fn set_trashed(
    tx: &Transaction<'_>,
    table: &'static str,
    kind: EntityKind,
    entity: &'static str,
    id: &str,
    trashed: bool,
) -> Result<()> {
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        params![id],
        |row| row.get(0),
    )?;
    if !exists {
        return Err(CoreError::NotFound {
            entity,
            id: id.to_owned(),
        });
    }
    trash::set_trashed(tx, table, kind, id, trashed).map(drop)
}
