//! Fifty rollouts of every kind, their go-lives spread from three years ago to two years
//! ahead, each in the phase its dates put it in; the largest — an EHR go-live across
//! every site — carries the 2,000-task plan.

use chrono::NaiveDate;

use super::people::SITES;
use super::rng::Rng;
use crate::demo::shift;
use crate::rollouts::{Phase, RolloutDraft, RolloutKind};
use crate::time::date_text;

/// The rollout with the largest plan, for exports at scale.
pub const LARGEST_ROLLOUT: &str = "Enterprise EHR go-live: all sites";

/// (name, with `{site}` for a site's own rollout, goal, scope in, scope out)
type Idea = (&'static str, &'static str, &'static str, &'static str);

// Tables of text: one row a line reads better than rustfmt's layout.
#[rustfmt::skip]
const EHR: &[Idea] = &[
    ("EHR go-live: {site}", "Move {site} from the legacy system to the group's EHR, with providers back to baseline productivity by week 6.", "Scheduling, registration, documentation, e-prescribing, charge capture.", "The lab interface moves to phase 2."),
    ("Patient portal module: {site}", "Raise portal activation at {site} from 22% to 50% of patients seen within six months.", "Portal sign-up at check-in, messaging, test results release.", "Online bill pay (next year)."),
    ("Scheduling module upgrade: {site}", "Book every visit type in the new templates with no double-booking errors.", "Templates, visit types, waitlist, recall lists.", "Group visits."),
];
#[rustfmt::skip]
const AUTOMATION: &[Idea] = &[
    ("SMS appointment reminders: {site}", "Cut the no-show rate at {site} from 14% to under 9% with two-way text reminders.", "Reminders 72 and 24 hours ahead; confirm and cancel replies update the schedule.", "Voice calls for patients without a mobile number."),
    ("Prior-auth automation: {site}", "Bring prior-auth turnaround under 48 hours for imaging and specialty drugs.", "Electronic submission for the five largest payers.", "Manual fax payers (reviewed quarterly)."),
    ("Eligibility checks at booking: {site}", "Verify coverage for every visit before the day, cutting registration denials by half.", "Batch checks two days ahead; flags on the schedule.", "Workers' compensation visits."),
    ("AI scribing pilot: {site}", "Cut time in notes per encounter from 19 to 14 minutes on the pilot panels.", "Ten volunteer providers, ambient capture with review before signing.", "Behavioral health visits."),
    ("Patient intake kiosks: {site}", "Bring check-in time under 8 minutes at {site}.", "Two kiosks in the lobby, insurance card scan, copay by card.", "Language options beyond English and Spanish (phase 2)."),
];
#[rustfmt::skip]
const POLICY: &[Idea] = &[
    ("HIPAA privacy policy refresh: {site}", "Every staff member trained and attested on the updated privacy policy before it takes effect.", "Minimum necessary, PHI release requests, breach reporting.", "Research disclosures (separate policy)."),
    ("Infection-control procedure: {site}", "Room turnover and hand hygiene audited at 95% adherence.", "Room cleaning between patients, sharps, hand hygiene audits.", "Sterilization (done by the surgical centre)."),
    ("Controlled-substance refill policy: {site}", "No controlled-substance refill without a PDMP check on file.", "Refill requests by phone, portal and pharmacy fax.", "Hospice patients (separate protocol)."),
];
#[rustfmt::skip]
const REDESIGN: &[Idea] = &[
    ("Split-flow triage: {site}", "Cut door-to-provider time at {site} by a third without adding staff.", "Low-acuity stream, results-waiting area, rapid rooming.", "Evening hours."),
    ("Open-access scheduling: {site}", "Third next available appointment under 3 days for established patients.", "Provider templates, same-day slots, backlog reduction.", "Specialty referrals."),
    ("Rooming standard work: {site}", "Every patient roomed with vitals, medication review and screening in under 10 minutes.", "MA rooming checklist, visual cues, huddles.", "Procedure visits."),
];
#[rustfmt::skip]
const OTHER: &[Idea] = &[
    ("Phone tree consolidation: {site}", "Callers reach the right desk in one transfer or fewer.", "Main line, after-hours routing, nurse line.", "Fax lines."),
    ("Interpreter services vendor change: {site}", "Video interpreting available within 2 minutes at every exam room at {site}.", "Video interpreting carts, scheduling of in-person interpreters.", "Sign language (current vendor stays)."),
    ("Telehealth platform change: {site}", "Every telehealth visit starts within 5 minutes of its time on the new platform.", "Video visits, waiting room, interpreter join.", "Group visits."),
    ("Supply ordering system: {site}", "No clinic session short of supplies; one order a week per site.", "Par levels, weekly ordering, receiving.", "Pharmacy stock."),
];

/// The phase a rollout is in, from where its go-live falls relative to today.
fn phase_for(days_from_go_live: i64) -> Phase {
    match days_from_go_live {
        d if d < -90 => Phase::Planning,
        d if d < -7 => Phase::Preparing,
        d if d <= 7 => Phase::GoLive,
        d if d <= 90 => Phase::Stabilizing,
        d if d <= 365 => Phase::Sustaining,
        _ => Phase::Closed,
    }
}

/// `count` rollout drafts (the first is the largest), dated around `today`.
pub(super) fn drafts(
    rng: &mut Rng,
    count: usize,
    today: NaiveDate,
    managers: &[String],
    sponsors: &[String],
) -> Vec<RolloutDraft> {
    let mut drafts = Vec::with_capacity(count);
    let go_live = shift(today, 100).unwrap_or(today);
    drafts.push(RolloutDraft {
        name: LARGEST_ROLLOUT.into(),
        kind: RolloutKind::EhrGoLive,
        goal: "One EHR across every site and the billing office, with no site below 90% of \
               its baseline visit volume by week 8."
            .into(),
        sites: SITES.iter().map(|s| (*s).to_owned()).collect(),
        sponsor: sponsors.first().cloned().unwrap_or_default(),
        owner: managers.first().cloned().unwrap_or_default(),
        start_date: shift(go_live, -560).map(date_text),
        go_live_date: Some(date_text(go_live)),
        phase: Phase::Preparing,
        scope_in: "Scheduling, registration, documentation, e-prescribing, charge capture, \
                   patient portal, lab and imaging interfaces."
            .into(),
        scope_out: "Dropped: the dental clinic (separate system). Protected: reduced schedules, \
                    50% in week 1 and 75% in week 2."
            .into(),
    });
    let kinds: [(RolloutKind, &[Idea]); 5] = [
        (RolloutKind::EhrGoLive, EHR),
        (RolloutKind::Automation, AUTOMATION),
        (RolloutKind::Policy, POLICY),
        (RolloutKind::WorkflowRedesign, REDESIGN),
        (RolloutKind::Other, OTHER),
    ];
    let others = count.saturating_sub(1).max(1) as i64;
    for index in 1..count {
        let (kind, ideas) = kinds[index % kinds.len()];
        // The n-th rollout of its kind: ideas in turn, each at another site, so that no
        // two rollouts share a name.
        let nth = index / kinds.len();
        let (name, goal, scope_in, scope_out) = ideas[nth % ideas.len()];
        let site = SITES[(nth + 3 * (index % kinds.len())) % SITES.len()];
        // Go-lives from three years ago to two years ahead, a little jittered.
        let offset = -1_095 + (index as i64 - 1) * 1_825 / others + rng.between(-20, 20);
        let go_live = shift(today, offset).unwrap_or(today);
        let fill = |text: &str| text.replace("{site}", site);
        drafts.push(RolloutDraft {
            name: fill(name),
            kind,
            goal: fill(goal),
            sites: vec![site.to_owned()],
            sponsor: sponsors[index % sponsors.len().max(1)].clone(),
            owner: managers[index % managers.len().max(1)].clone(),
            start_date: shift(go_live, -rng.between(120, 420)).map(date_text),
            go_live_date: Some(date_text(go_live)),
            phase: phase_for((today - go_live).num_days()),
            scope_in: scope_in.into(),
            scope_out: scope_out.into(),
        });
    }
    drafts
}
