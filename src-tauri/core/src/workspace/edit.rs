//! What the checks of the rollout workspace's records share: dates typed as text and
//! 1-5 ratings.

use chrono::NaiveDate;

use crate::time::parse_date;
use crate::FieldError;

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
