//! Automation rollout (SMS reminders, prior-auth automation, online scheduling):
//! baseline, pilot in one clinic or panel, measure, decide, scale, sustain. Go-live is
//! the day the pilot goes live.

use super::{Content, Step, M, T};
use crate::readiness::ReadinessCategory::{Data, People, Process, Support, Technology};

const BASELINE: &str = "Baseline";
const PILOT: &str = "Pilot";
const MEASURE: &str = "Measure & decide";
const SCALE: &str = "Scale";
const SUSTAIN: &str = "Sustain";

pub(super) const CONTENT: Content = Content {
    phases: &[BASELINE, PILOT, MEASURE, SCALE, SUSTAIN],
    steps: &[
        Step(T, BASELINE, "Pull 8 weeks of baseline data (e.g. no-show rate)", -42, -35, &[]),
        Step(T, BASELINE, "Choose the pilot clinic or provider panels", -40, -34, &[]),
        Step(T, BASELINE, "Set the target and the thresholds that trigger action", -33, -30, &["Pull 8 weeks of baseline data (e.g. no-show rate)"]),
        Step(T, PILOT, "Configure the vendor system and message wording", -30, -14, &["Choose the pilot clinic or provider panels"]),
        Step(T, PILOT, "Test with staff phones and test patients", -13, -7, &["Configure the vendor system and message wording"]),
        Step(T, PILOT, "Update the SOP and train the pilot team", -14, -3, &["Configure the vendor system and message wording"]),
        Step(M, PILOT, "Pilot go-live", 0, 0, &["Test with staff phones and test patients", "Update the SOP and train the pilot team", "Set the target and the thresholds that trigger action"]),
        Step(T, MEASURE, "Measure weekly against baseline and target", 7, 42, &["Pilot go-live"]),
        Step(T, MEASURE, "Collect staff and patient feedback", 14, 28, &["Pilot go-live"]),
        Step(M, MEASURE, "Decide: scale, adjust or stop", 45, 45, &["Measure weekly against baseline and target", "Collect staff and patient feedback"]),
        Step(T, SCALE, "Roll out to the remaining clinics", 46, 75, &["Decide: scale, adjust or stop"]),
        Step(T, SCALE, "Train the remaining teams", 46, 70, &["Decide: scale, adjust or stop"]),
        Step(T, SUSTAIN, "Hand the weekly metric to its owner", 76, 80, &["Roll out to the remaining clinics"]),
        Step(M, SUSTAIN, "90-day review", 90, 90, &["Hand the weekly metric to its owner"]),
    ],
    criteria: &[
        (Technology, "Messages tested end to end, including replies updating the schedule", "IT / interface analyst", true),
        (Process, "SOP updated for confirmations, cancellations and opt-outs", "Front-desk lead", true),
        (People, "Pilot team trained", "Front-desk lead", true),
        (Data, "Baseline measured for at least 4 weeks", "Practice manager", false),
        (Support, "Vendor support contact and escalation agreed", "Project manager", false),
    ],
    risks: &[
        ("Patients opt out or ignore the messages", 3, 4, "Plain-language wording in English and Spanish; front desk asks for consent at check-in", "Confirmation rate below 40% after two weeks"),
        ("Replies do not update the schedule", 2, 5, "Test every reply path before go-live; daily reconciliation during the pilot", "A cancelled slot still shows as booked"),
        ("Mobile numbers on file are out of date", 4, 3, "Verify the number at every check-in", "More than 10% of messages undeliverable"),
    ],
    comms: &[
        ("Pilot team", "Huddle", "What changes at the front desk and how replies reach the schedule", -10),
        ("Patients", "Check-in desk", "You will get text reminders; reply C to confirm or X to cancel", -3),
        ("Operations leadership", "Email", "Pilot results and the scale / adjust / stop recommendation", 45),
    ],
};
