//! What the generated plans are made of: each kind of rollout's phases (from DOMAIN.md),
//! which of them come before go-live, and task titles a project manager would write,
//! with `{site}`, `{area}` and `{role}` filled in per task.

use crate::rollouts::RolloutKind;

/// A kind's phases in order; the first `before_go_live` of them end at go-live.
pub(super) struct PhaseSet {
    pub phases: &'static [(&'static str, &'static [&'static str])],
    pub before_go_live: usize,
}

pub(super) fn phases_of(kind: RolloutKind) -> &'static PhaseSet {
    match kind {
        RolloutKind::EhrGoLive => &EHR,
        RolloutKind::Automation => &AUTOMATION,
        RolloutKind::Policy => &POLICY,
        RolloutKind::WorkflowRedesign => &REDESIGN,
        RolloutKind::Other => &OTHER,
    }
}

pub(super) const AREAS: &[&str] = &[
    "scheduling templates and visit types",
    "documentation templates",
    "order sets",
    "charge capture and the fee schedule",
    "the lab interface",
    "the imaging interface",
    "the clearinghouse interface",
    "the HIE feed",
    "e-prescribing",
    "the patient portal",
    "in-basket routing",
    "the referral workflow",
    "the immunization registry feed",
    "health maintenance reminders",
    "security roles",
    "printer and label mappings",
    "problem list favorites",
    "decision support alerts",
];

pub(super) const NOTES: &[&str] = &[
    "Vendor analyst on site Tuesdays and Thursdays.",
    "Waiting on the clearinghouse test account.",
    "Covered in the Monday huddle; owner confirmed the date.",
    "Needs sign-off from the physician champion.",
    "Second attempt: the first run found 14 mismatches.",
    "Blocked until IT replaces the label printers.",
    "Tip sheet drafted; super-users reviewing.",
    "Reduced schedule agreed with the site lead.",
];

// Phase tables: a phase and its task titles together read better than rustfmt's layout.
#[rustfmt::skip]
const EHR: PhaseSet = PhaseSet {
    before_go_live: 5,
    phases: &[
        ("Discovery & selection", &[
            "Map current-state workflows at {site}",
            "Interview {role} staff at {site} about pain points",
            "Inventory devices and printers at {site}",
            "Confirm scope of {area} with the vendor",
            "Collect legacy reports {role} staff rely on",
        ]),
        ("Build & validation", &[
            "Build {area} for {site}",
            "Validate {area} with {role} leads",
            "Design future-state {area} with their owners",
            "Review {area} build with the vendor analyst",
            "Load {area} test data",
        ]),
        ("Testing", &[
            "Unit-test {area}",
            "Integrated test: {area} at {site}",
            "Retest {area} defects",
            "Test devices in every room at {site}",
            "Parallel run of {area} with {role} staff",
        ]),
        ("Super-users & training", &[
            "Train {site} super-users on {area}",
            "Role-based training: {role} at {site}",
            "Write the {role} tip sheet for {area}",
            "Proficiency checks: {role} at {site}",
            "Provider personalization sessions at {site}",
        ]),
        ("Cutover", &[
            "Convert appointments for {site}",
            "Abstract allergies and medications for {site}'s scheduled patients",
            "Print downtime forms for {site}",
            "Confirm reduced schedules at {site}",
            "Validate the {area} conversion with a sample audit",
        ]),
        ("Go-live & at-the-elbow support", &[
            "At-the-elbow support at {site}, {role} desks",
            "Daily huddle at {site}",
            "Triage the issue log for {area}",
            "Command-centre shift: {area}",
        ]),
        ("Stabilization", &[
            "Review help-desk tickets for {area}",
            "Refresher for {role} staff at {site}",
            "Fix the top {area} issues from the log",
            "Check charts closed same day at {site}",
        ]),
        ("Optimization", &[
            "Tune {area} with {role} feedback",
            "Retire legacy {area} reports",
            "Optimization session with {site} providers",
        ]),
    ],
};

#[rustfmt::skip]
const AUTOMATION: PhaseSet = PhaseSet {
    before_go_live: 1,
    phases: &[
        ("Baseline", &[
            "Pull eight weeks of baseline data for {site}",
            "Agree the target and thresholds with {role} leads",
            "Sign the vendor agreement and BAA",
            "Configure {area} for the pilot",
        ]),
        ("Pilot", &[
            "Pilot at {site}: week {n}",
            "Collect {role} feedback on the pilot",
            "Fix pilot issues in {area}",
        ]),
        ("Measure", &[
            "Weekly measurement against baseline at {site}",
            "Review exceptions with {role} staff",
        ]),
        ("Decide", &[
            "Scale, adjust or stop: steering review",
            "Write the decision up for the board",
        ]),
        ("Scale", &[
            "Roll out to {site}",
            "Train {role} staff at {site}",
            "Update the {site} check-in script",
        ]),
        ("Sustain", &[
            "Monthly check of the pilot metrics at {site}",
            "Hand ownership to the {site} practice manager",
        ]),
    ],
};

#[rustfmt::skip]
const POLICY: PhaseSet = PhaseSet {
    before_go_live: 4,
    phases: &[
        ("Draft", &[
            "Draft the policy section on {area}",
            "Collect current practice at {site}",
            "Check the draft against HIPAA and payer rules",
        ]),
        ("Review with owners", &[
            "Review the draft with {role} leads",
            "Compliance review",
            "Walk through the policy with {site}",
        ]),
        ("Approve", &[
            "Approval by the policy committee",
            "Publish the approved SOP",
        ]),
        ("Train and attest", &[
            "Train {role} staff at {site}",
            "Collect attestations at {site}",
            "Chase missing attestations: {role}",
        ]),
        ("Audit", &[
            "Audit adherence at {site}",
            "Report audit findings to the committee",
        ]),
    ],
};

#[rustfmt::skip]
const REDESIGN: PhaseSet = PhaseSet {
    before_go_live: 3,
    phases: &[
        ("Map current state", &[
            "Observe {role} work at {site} for a clinic session",
            "Time each step of the {site} visit",
            "Map handoffs between {role} staff",
        ]),
        ("Failure points", &[
            "List failure points at {site}",
            "Rank failure points with {role} staff",
        ]),
        ("Future state & controls", &[
            "Design the future state with {role} staff",
            "Write standard work for {role}",
            "Add a stop-the-line check at {site}",
        ]),
        ("PDSA cycles", &[
            "PDSA cycle {n} at {site}: plan",
            "PDSA cycle {n} at {site}: study the data",
            "PDSA cycle {n}: act on what was learned",
        ]),
        ("Spread", &[
            "Spread to {site}",
            "Coach {role} staff at {site}",
        ]),
    ],
};

#[rustfmt::skip]
const OTHER: PhaseSet = PhaseSet {
    before_go_live: 2,
    phases: &[
        ("Plan", &[
            "Agree the plan with {site}",
            "Get quotes from vendors",
            "Confirm the budget",
        ]),
        ("Prepare", &[
            "Prepare {site}",
            "Tell {role} staff what changes",
            "Order equipment for {site}",
        ]),
        ("Go-live", &[
            "Switch over at {site}",
            "Support {role} staff on the day",
        ]),
        ("Follow-up", &[
            "Collect feedback at {site}",
            "Close open issues",
        ]),
    ],
};
