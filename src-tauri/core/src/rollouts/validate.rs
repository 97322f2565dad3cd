//! Turns a [`RolloutDraft`] into values fit to store, or into messages for each field
//! that is not. All problems are reported at once so the form can mark every field.

use chrono::NaiveDate;

use super::{Phase, RolloutDraft, RolloutKind};
use crate::time::{date_text, parse_date};
use crate::{CoreError, FieldError, Result};

/// Longest rollout name we accept; longer ones no longer fit a sidebar or a report title.
pub const MAX_NAME_CHARS: usize = 120;
pub(crate) const MAX_SITE_CHARS: usize = 120;
pub(crate) const MAX_TEXT_CHARS: usize = 20_000;

/// A draft that passed validation.
pub(super) struct ValidRollout {
    pub name: String,
    pub kind: RolloutKind,
    pub goal: String,
    pub sites: Vec<String>,
    pub sponsor: String,
    pub owner: String,
    pub start_date: Option<NaiveDate>,
    pub go_live_date: Option<NaiveDate>,
    pub phase: Phase,
    pub scope_in: String,
    pub scope_out: String,
}

pub(super) fn validate(draft: &RolloutDraft) -> Result<ValidRollout> {
    let mut errors = Vec::new();

    let name = draft.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", "Give the rollout a name."));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            "name",
            format!("Keep the name under {MAX_NAME_CHARS} characters."),
        ));
    }

    let start_date = optional_date(&draft.start_date, "start_date", "start date", &mut errors);
    let go_live_date = optional_date(
        &draft.go_live_date,
        "go_live_date",
        "go-live date",
        &mut errors,
    );
    if let (Some(start), Some(go_live)) = (start_date, go_live_date) {
        if go_live < start {
            errors.push(FieldError::new(
                "go_live_date",
                format!(
                    "The go-live date cannot be before the start date ({}).",
                    date_text(start)
                ),
            ));
        }
    }

    let sites = clean_sites(&draft.sites, &mut errors);

    for (field, label, text) in [
        ("goal", "goal", &draft.goal),
        ("sponsor", "sponsor", &draft.sponsor),
        ("owner", "owner", &draft.owner),
        ("scope_in", "scope (in)", &draft.scope_in),
        ("scope_out", "scope (out)", &draft.scope_out),
    ] {
        if text.chars().count() > MAX_TEXT_CHARS {
            errors.push(FieldError::new(
                field,
                format!("The {label} is too long: keep it under {MAX_TEXT_CHARS} characters."),
            ));
        }
    }

    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    // Free text is kept as typed (the form saves while the person types, and trimming
    // would eat the space they just entered); only the name, a label, is trimmed.
    Ok(ValidRollout {
        name: name.to_owned(),
        kind: draft.kind,
        goal: draft.goal.clone(),
        sites,
        sponsor: draft.sponsor.clone(),
        owner: draft.owner.clone(),
        start_date,
        go_live_date,
        phase: draft.phase,
        scope_in: draft.scope_in.clone(),
        scope_out: draft.scope_out.clone(),
    })
}

/// An optional typed date of a form (empty is no date); a mistyped one is noted against
/// its field and gives `None`. Every date a rollout's plan is edited with — a rollout's
/// start and go-live, a task's start and due — is read here, so they all say the same.
pub(crate) fn optional_date(
    text: &Option<String>,
    field: &str,
    label: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    let parsed = parse_date(text);
    if parsed.is_none() {
        errors.push(FieldError::new(
            field,
            format!("The {label} '{text}' is not a date: use YYYY-MM-DD."),
        ));
    }
    parsed
}

/// A date a change cannot go without (the go-live a template plans back from, the new
/// go-live of a move): `missing` says what to give when the text is empty.
pub(crate) fn required_date(
    text: &str,
    field: &str,
    label: &str,
    missing: &str,
) -> Result<NaiveDate> {
    let mut errors = Vec::new();
    optional_date(&Some(text.to_owned()), field, label, &mut errors).ok_or_else(|| {
        if errors.is_empty() {
            CoreError::invalid(field, missing)
        } else {
            CoreError::Validation(errors)
        }
    })
}

/// Trims site names, drops empty ones and repeats (ignoring case), keeping the order.
fn clean_sites(sites: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for site in sites.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if site.chars().count() > MAX_SITE_CHARS {
            errors.push(FieldError::new(
                "sites",
                format!("Keep each site name under {MAX_SITE_CHARS} characters."),
            ));
        } else if !kept.iter().any(|k| k.eq_ignore_ascii_case(site)) {
            kept.push(site.to_owned());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str) -> RolloutDraft {
        RolloutDraft {
            name: name.into(),
            ..RolloutDraft::default()
        }
    }

    fn fields_in_error(draft: &RolloutDraft) -> Vec<String> {
        match validate(draft) {
            Err(CoreError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            Err(other) => panic!("expected a validation error, got {other}"),
            Ok(_) => Vec::new(),
        }
    }

    #[test]
    fn a_name_is_required_and_bounded() {
        assert_eq!(fields_in_error(&draft("   ")), ["name"]);
        assert_eq!(
            fields_in_error(&draft(&"x".repeat(MAX_NAME_CHARS + 1))),
            ["name"]
        );
        assert!(fields_in_error(&draft("SMS reminders")).is_empty());
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = RolloutDraft {
            start_date: Some("2027-13-01".into()),
            go_live_date: Some("tomorrow".into()),
            ..draft("")
        };
        assert_eq!(
            fields_in_error(&bad),
            ["name", "start_date", "go_live_date"],
            "the form must be able to mark every field in error"
        );
    }

    #[test]
    fn go_live_cannot_precede_start() {
        let backwards = RolloutDraft {
            start_date: Some("2027-03-01".into()),
            go_live_date: Some("2027-02-01".into()),
            ..draft("EHR go-live")
        };
        assert_eq!(fields_in_error(&backwards), ["go_live_date"]);
        let same_day = RolloutDraft {
            go_live_date: Some("2027-03-01".into()),
            ..backwards
        };
        assert!(
            fields_in_error(&same_day).is_empty(),
            "a one-day rollout is fine"
        );
    }

    #[test]
    fn empty_dates_mean_no_date() {
        let valid = validate(&RolloutDraft {
            start_date: Some("  ".into()),
            ..draft("Policy refresh")
        })
        .expect("valid");
        assert_eq!(valid.start_date, None);
    }

    #[test]
    fn sites_are_trimmed_and_deduplicated() {
        let valid = validate(&RolloutDraft {
            sites: vec![
                " Riverside ".into(),
                "".into(),
                "riverside".into(),
                "Northgate".into(),
            ],
            ..draft("Check-in redesign")
        })
        .expect("valid");
        assert_eq!(valid.sites, ["Riverside", "Northgate"]);
    }
}
