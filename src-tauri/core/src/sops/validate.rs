//! Checks on an SOP draft; every problem is reported at once, steps and exceptions by
//! their number as the person sees it.

use chrono::NaiveDate;

use super::SopDraft;
use crate::time::parse_date;
use crate::{CoreError, FieldError, Result};

pub(crate) const MAX_CODE_CHARS: usize = 20;
const MAX_INTERVAL_MONTHS: i64 = 60;

pub(super) struct ValidDates {
    pub effective_date: Option<NaiveDate>,
    pub next_review_override: Option<NaiveDate>,
}

pub(super) fn validate(draft: &SopDraft) -> Result<ValidDates> {
    let mut errors = Vec::new();
    let code = draft.code.trim();
    if code.is_empty() {
        errors.push(FieldError::new(
            "code",
            "Give the SOP a code, such as FD-012.",
        ));
    } else if code.chars().count() > MAX_CODE_CHARS
        || !code
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
    {
        errors.push(FieldError::new(
            "code",
            format!("Use up to {MAX_CODE_CHARS} letters, digits, '-' or '.', such as FD-012."),
        ));
    }
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new("title", "Give the SOP a title."));
    }
    if !(1..=MAX_INTERVAL_MONTHS).contains(&draft.review_interval_months) {
        errors.push(FieldError::new(
            "review_interval_months",
            format!("Review at least every {MAX_INTERVAL_MONTHS} months, and at most monthly."),
        ));
    }
    for (index, step) in draft.steps.iter().enumerate() {
        if step.role.trim().is_empty() {
            errors.push(FieldError::new(
                "steps",
                format!("Step {} has no role: say who does it.", index + 1),
            ));
        }
        if step.instruction.trim().is_empty() {
            errors.push(FieldError::new(
                "steps",
                format!("Step {} has no instruction.", index + 1),
            ));
        }
    }
    // Ids come from the saved copy or from the save itself, never from a person; a
    // repeated one would make "applies to step" ambiguous, so it is refused.
    for (index, step) in draft.steps.iter().enumerate() {
        if let Some(first) = draft.steps[..index].iter().position(|s| s.id == step.id) {
            errors.push(FieldError::new(
                "steps",
                format!(
                    "Steps {} and {} are the same step twice: remove one and save again.",
                    first + 1,
                    index + 1
                ),
            ));
        }
    }
    for (index, exception) in draft.exceptions.iter().enumerate() {
        if exception.trigger.trim().is_empty() || exception.action.trim().is_empty() {
            errors.push(FieldError::new(
                "exceptions",
                format!(
                    "Exception {} needs both what triggers it and what to do.",
                    index + 1
                ),
            ));
        }
    }
    let mut date = |field: &str, text: &Option<String>| {
        let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
        let parsed = parse_date(text);
        if parsed.is_none() {
            errors.push(FieldError::new(
                field,
                format!("'{text}' is not a date: use a date like 2027-03-01."),
            ));
        }
        parsed
    };
    let effective_date = date("effective_date", &draft.effective_date);
    let next_review_override = date("next_review_override", &draft.next_review_override);
    if errors.is_empty() {
        Ok(ValidDates {
            effective_date,
            next_review_override,
        })
    } else {
        Err(CoreError::Validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sops::Step;

    fn fields(draft: &SopDraft) -> Vec<String> {
        match validate(draft) {
            Err(CoreError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn bad_drafts_name_every_field() {
        let draft = SopDraft {
            code: "FD 012!".into(),
            review_interval_months: 0,
            steps: vec![Step {
                role: " ".into(),
                instruction: "Scan the card".into(),
                ..Step::default()
            }],
            ..SopDraft::default()
        };
        assert_eq!(
            fields(&draft),
            ["code", "title", "review_interval_months", "steps"]
        );
    }
}
