//! The sample clinic's SOP library: procedures a clinic really runs, with revisions,
//! one in review, and some due or overdue for review.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::shift;
use crate::rollouts::Rollout;
use crate::sops::{
    approve_in, insert_link, insert_sop, update_in, Sop, SopDraft, SopException, SopRelation,
    SopStatus, Step,
};
use crate::{CoreError, Result};

fn step(role: &str, instruction: &str, quality_check: &str) -> Step {
    Step {
        // Given here rather than on save, so the sample's exceptions can name their step.
        id: uuid::Uuid::now_v7().to_string(),
        role: role.into(),
        instruction: instruction.into(),
        quality_check: quality_check.into(),
    }
}

fn exception(
    trigger: &str,
    action: &str,
    escalate_to: &str,
    within: &str,
    evidence: &str,
) -> SopException {
    SopException {
        trigger: trigger.into(),
        action: action.into(),
        escalate_to: escalate_to.into(),
        within: within.into(),
        evidence: evidence.into(),
        step_id: None,
    }
}

/// `draft` with each (exception, step) pair of `at` tied together: the exception applies
/// to that step (both 0-based).
fn attach(mut draft: SopDraft, at: &[(usize, usize)]) -> SopDraft {
    for &(exception, step) in at {
        let id = draft.steps.get(step).map(|s| s.id.clone());
        if let Some(e) = draft.exceptions.get_mut(exception) {
            e.step_id = id;
        }
    }
    draft
}

pub(super) fn seed(tx: &Transaction<'_>, rollouts: &[Rollout], today: NaiveDate) -> Result<()> {
    let day = |offset: i64| {
        shift(today, offset).ok_or_else(|| CoreError::Database("sample date out of range".into()))
    };

    let check_in = insert_sop(
        tx,
        &attach(
            SopDraft {
                code: "FD-012".into(),
                title: "Patient check-in and insurance verification".into(),
                purpose:
                    "Every patient is identified and their coverage verified before being roomed."
                        .into(),
                scope: "Front desk at Riverside and Northgate, all visit types.".into(),
                owner: "Priya Nair".into(),
                review_interval_months: 12,
                tags: vec!["front desk".into(), "EHR go-live".into()],
                steps: vec![
                    step(
                        "Front desk",
                        "Greet the patient and confirm two identifiers (name and date of birth).",
                        "",
                    ),
                    step(
                        "Front desk",
                        "Scan the insurance card and photo ID into the chart.",
                        "",
                    ),
                    step(
                        "Front desk",
                        "Run the real-time eligibility check.",
                        "Stop the line if coverage is inactive: do not room the patient.",
                    ),
                    step(
                        "Front desk",
                        "Collect the copay and offer portal sign-up.",
                        "",
                    ),
                ],
                exceptions: vec![
                    exception(
                        "Insurance cannot be verified",
                        "Offer a self-pay estimate; reschedule if the patient declines",
                        "Front-desk lead",
                        "15 minutes",
                        "Note in the encounter",
                    ),
                    exception(
                        "Patient arrives more than 15 minutes late",
                        "Offer the next open slot or a same-day work-in if the provider agrees",
                        "Charge nurse",
                        "5 minutes",
                        "Late-arrival log",
                    ),
                    exception(
                        "The EHR is down at check-in",
                        "Switch to the downtime check-in form (EHR-004)",
                        "Practice manager",
                        "Immediately",
                        "Paper forms scanned after recovery",
                    ),
                ],
                ..SopDraft::default()
            },
            &[(0, 2), (1, 0)],
        ),
    )?;
    let approved = approve_in(tx, &check_in, "Dr. Amara Okafor", day(-350)?)?.snapshot;
    let check_in = start_ehr_version_of_check_in(tx, &approved)?;

    let prior_auth = insert_sop(
        tx,
        &attach(SopDraft {
            code: "CL-020".into(),
            title: "Prior authorization requests".into(),
            purpose: "Requests reach the payer complete the first time, and no visit waits on a missing authorization.".into(),
            owner: "Rosa Martinez".into(),
            review_interval_months: 12,
            steps: vec![
                step("Scheduler", "Check the payer's prior-authorization list when booking imaging, procedures and specialty drugs.", ""),
                step("Referral coordinator", "Submit the request with clinical notes within one business day.", "Stop the line if notes are missing: ask the provider first."),
                step("Referral coordinator", "Record the authorization number and dates in the appointment.", ""),
            ],
            exceptions: vec![exception(
                "The authorization is denied",
                "Tell the provider the same day and offer a peer-to-peer review",
                "Provider",
                "1 business day",
                "Denial letter in the chart",
            )],
            ..SopDraft::default()
        }, &[(0, 1)]),
    )?;
    approve_in(tx, &prior_auth, "Dana Whitfield", day(-200)?)?;

    let downtime = insert_sop(
        tx,
        &SopDraft {
            code: "EHR-004".into(),
            title: "EHR downtime (planned and unplanned)".into(),
            purpose: "Patients are seen safely while the EHR is unavailable, and nothing is lost when it returns.".into(),
            owner: "Marcus Bell".into(),
            status: SopStatus::InReview,
            review_interval_months: 6,
            steps: vec![
                step("Practice manager", "Announce downtime on the overhead and the team chat.", ""),
                step("Front desk", "Print the day's schedule from the downtime report.", ""),
                step("MA", "Document vitals and rooming on the paper encounter form.", ""),
                step("Provider", "Write prescriptions on the paper pad; no controlled substances without the PDMP check.", "Stop the line for controlled substances."),
            ],
            ..SopDraft::default()
        },
    )?;

    let no_show = insert_sop(
        tx,
        &SopDraft {
            code: "FD-015".into(),
            title: "No-show and late-arrival follow-up".into(),
            owner: "Priya Nair".into(),
            review_interval_months: 6,
            steps: vec![
                step(
                    "Front desk",
                    "Call each no-show the same day and offer a new appointment.",
                    "",
                ),
                step(
                    "Front desk",
                    "After a third no-show in 12 months, send the attendance letter.",
                    "",
                ),
            ],
            ..SopDraft::default()
        },
    )?;
    approve_in(tx, &no_show, "Dana Whitfield", day(-200)?)?;

    seed_refills(tx, day(-420)?, day(-60)?)?;

    // The EHR go-live changes check-in and introduces the downtime procedure (both not
    // yet approved, so its readiness warns); the SMS pilot changes no-show follow-up.
    if let (Some(ehr), Some(sms)) = (rollouts.first(), rollouts.get(1)) {
        insert_link(tx, &check_in.id, &ehr.id, SopRelation::Changes)?;
        insert_link(tx, &downtime.id, &ehr.id, SopRelation::Introduces)?;
        insert_link(tx, &prior_auth.id, &ehr.id, SopRelation::Changes)?;
        insert_link(tx, &no_show.id, &sms.id, SopRelation::Changes)?;
    }
    Ok(())
}

/// Version 2 of check-in, written for the new EHR and not yet approved: the sample's
/// history then has something to compare.
fn start_ehr_version_of_check_in(tx: &Transaction<'_>, approved: &Sop) -> Result<Sop> {
    let mut draft = approved.draft();
    draft.steps.insert(
        1,
        step(
            "Front desk",
            "Check the kiosk queue for patients who pre-registered on the portal.",
            "",
        ),
    );
    if let Some(scan) = draft.steps.get_mut(2) {
        scan.instruction =
            "Scan the insurance card and photo ID into the new EHR's registration screen.".into();
    }
    update_in(tx, &approved.id, approved.row_version, &draft)
}

/// Prescription refills, approved twice: version 2 added the controlled-substance check
/// after a near miss, so the sample has a real change to compare.
fn seed_refills(
    tx: &Transaction<'_>,
    first_approved: NaiveDate,
    second_approved: NaiveDate,
) -> Result<()> {
    let refills = insert_sop(
        tx,
        &SopDraft {
            code: "CL-031".into(),
            title: "Prescription refill requests".into(),
            purpose: "Refill requests are answered within two business days, safely.".into(),
            scope: "Phone, portal and pharmacy fax requests, both sites.".into(),
            owner: "Grace Kim".into(),
            review_interval_months: 12,
            tags: vec!["clinical".into(), "portal".into()],
            steps: vec![
                step(
                    "Front desk",
                    "Route phone and fax requests to the refill pool in the EHR.",
                    "",
                ),
                step(
                    "MA",
                    "Check the last visit date and the medication list.",
                    "Stop the line if the last visit is over 12 months ago.",
                ),
                step("Provider", "Approve, deny or ask for a visit.", ""),
                step(
                    "MA",
                    "Tell the patient the outcome through their preferred channel.",
                    "",
                ),
            ],
            exceptions: vec![exception(
                "The patient has run out of a maintenance medication",
                "Flag as urgent; the provider answers the same day",
                "Charge nurse",
                "Same day",
                "Urgent flag in the refill pool",
            )],
            ..SopDraft::default()
        },
    )?;
    let first = approve_in(tx, &refills, "Dr. Amara Okafor", first_approved)?.snapshot;
    let mut draft = first.draft();
    draft.steps.insert(
        2,
        step(
            "MA",
            "For controlled substances, check the state prescription monitoring program (PDMP).",
            "Stop the line without a PDMP check on file.",
        ),
    );
    let second = update_in(tx, &first.id, first.row_version, &draft)?;
    approve_in(tx, &second, "Dr. Amara Okafor", second_approved)?;
    Ok(())
}
