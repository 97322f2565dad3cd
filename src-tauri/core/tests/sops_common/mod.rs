//! Shared by the SOP tests: the front desk's check-in procedure, with two steps and
//! one exception.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

use chrono::NaiveDate;
use rollplan_core::sops::{SopDraft, SopException, Step};

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub fn check_in() -> SopDraft {
    SopDraft {
        code: "FD-012".into(),
        title: "Patient check-in and insurance verification".into(),
        purpose: "Every patient is identified and their coverage verified before being roomed."
            .into(),
        owner: "Priya Nair".into(),
        review_interval_months: 12,
        tags: vec!["front desk".into()],
        steps: vec![
            Step {
                role: "Front desk".into(),
                instruction: "Greet the patient and confirm two identifiers.".into(),
                ..Step::default()
            },
            Step {
                role: "Front desk".into(),
                instruction: "Scan the insurance card and run the eligibility check.".into(),
                quality_check: "Stop the line if eligibility is inactive.".into(),
                ..Step::default()
            },
        ],
        exceptions: vec![SopException {
            trigger: "Insurance cannot be verified".into(),
            action: "Offer self-pay estimate; reschedule if the patient declines".into(),
            escalate_to: "Front-desk lead".into(),
            within: "15 minutes".into(),
            evidence: "Note in the encounter".into(),
            ..SopException::default()
        }],
        ..SopDraft::default()
    }
}
