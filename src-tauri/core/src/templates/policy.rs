//! Policy or SOP rollout: draft, review with owners, approve, train and attest, audit.
//! Go-live is the day the policy takes effect.

use super::{Content, Step, M, T};
use crate::readiness::ReadinessCategory::{People, Process, Support};

const DRAFT: &str = "Draft";
const REVIEW: &str = "Review";
const APPROVE: &str = "Approve";
const TRAIN: &str = "Train & attest";
const AUDIT: &str = "Audit";

pub(super) const CONTENT: Content = Content {
    phases: &[DRAFT, REVIEW, APPROVE, TRAIN, AUDIT],
    steps: &[
        Step(
            T,
            DRAFT,
            "Draft the policy and its SOP steps, with exceptions",
            -45,
            -31,
            &[],
        ),
        Step(
            T,
            REVIEW,
            "Review with process owners and front-line staff",
            -30,
            -22,
            &["Draft the policy and its SOP steps, with exceptions"],
        ),
        Step(
            T,
            REVIEW,
            "Compliance review",
            -24,
            -18,
            &["Draft the policy and its SOP steps, with exceptions"],
        ),
        Step(
            M,
            APPROVE,
            "Policy approved",
            -17,
            -17,
            &[
                "Review with process owners and front-line staff",
                "Compliance review",
            ],
        ),
        Step(
            T,
            TRAIN,
            "Write the tip sheet",
            -16,
            -12,
            &["Policy approved"],
        ),
        Step(
            T,
            TRAIN,
            "Train staff in huddles",
            -12,
            -3,
            &["Write the tip sheet"],
        ),
        Step(
            T,
            TRAIN,
            "Collect attestations from every affected role",
            -10,
            -1,
            &["Policy approved"],
        ),
        Step(
            M,
            TRAIN,
            "Policy in effect",
            0,
            0,
            &[
                "Train staff in huddles",
                "Collect attestations from every affected role",
            ],
        ),
        Step(
            T,
            AUDIT,
            "Spot-check adherence (10 charts or encounters a week)",
            7,
            35,
            &["Policy in effect"],
        ),
        Step(
            M,
            AUDIT,
            "30-day audit review",
            30,
            30,
            &["Policy in effect"],
        ),
        Step(
            T,
            AUDIT,
            "Set the annual review date",
            31,
            35,
            &["30-day audit review"],
        ),
    ],
    criteria: &[
        (
            Process,
            "Policy and SOP approved by their owners",
            "Compliance officer",
            true,
        ),
        (
            People,
            "Every affected staff member attested",
            "Practice manager",
            true,
        ),
        (
            Support,
            "Tip sheet posted where the work happens",
            "Training lead",
            false,
        ),
    ],
    risks: &[
        (
            "Staff keep the old workaround",
            3,
            3,
            "Huddle reminders in the first two weeks; spot checks with feedback",
            "Spot-check adherence below 90%",
        ),
        (
            "Attestations incomplete on the effective date",
            2,
            3,
            "Daily list of missing attestations to managers",
            "More than 10% missing a week before",
        ),
    ],
    comms: &[
        (
            "All affected staff",
            "Email",
            "What the policy changes, why, and when it takes effect",
            -14,
        ),
        (
            "All affected staff",
            "Huddle",
            "The policy is in effect today; where to find the SOP",
            0,
        ),
    ],
};
