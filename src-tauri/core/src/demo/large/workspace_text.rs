//! What the generated checklists, risks, decisions, messages and stakeholder groups
//! say: DOMAIN.md's go/no-go list and what project managers log around a go-live.

use crate::readiness::ReadinessCategory::{self, Data, People, Process, Support, Technology};
use crate::workspace::Raci;

// Tables of text: one row a line reads better than rustfmt's one field a line.

/// (category, criterion, hard gate), from DOMAIN.md's go/no-go list.
#[rustfmt::skip]
pub(super) const CRITERIA: &[(ReadinessCategory, &str, bool)] = &[
    (People, "All end users completed role-based training and passed the proficiency check", true),
    (People, "Super-users named and trained (about 1 per 8-10 users)", false),
    (People, "At-the-elbow support scheduled for the first two weeks", false),
    (People, "Command-centre roster and escalation tree published", false),
    (Process, "SOPs for check-in, scheduling, charge capture, refills and downtime approved", true),
    (Process, "New workflows walked through in a dress rehearsal", false),
    (Process, "Reduced schedules agreed: 50% in week 1, 75% in week 2", false),
    (Technology, "Integrated testing signed off with no open severity-1 defects", true),
    (Technology, "Printers, scanners and signature pads tested in every room", false),
    (Technology, "User accounts and security roles provisioned", false),
    (Data, "Appointment and demographic conversion validated (sample audit)", true),
    (Data, "Legacy read-only access confirmed", false),
    (Support, "Help-desk ticket routing ready", false),
    (Support, "Downtime procedures and paper forms printed", true),
];

/// (risk, likelihood, impact, mitigation, trigger)
#[rustfmt::skip]
pub(super) const RISKS: &[(&str, i64, i64, &str, &str)] = &[
    ("Interface defects not fixed before the go/no-go", 4, 5, "Vendor analyst on site twice a week; manual entry SOP as a fallback", "A severity-1 defect open 21 days before go-live"),
    ("Providers not back to baseline productivity by week 6", 3, 4, "Reduced schedules and personalization sessions", "Visit volume under 80% in week 4"),
    ("Super-users pulled back to their own work during go-live", 3, 3, "Backfill agreed with site leads in writing", "Fewer than 1 super-user per 10 users on a shift"),
    ("Training completion lags for part-time staff", 4, 3, "Evening and weekend sessions; e-learning first", "Completion under 80% two weeks out"),
    ("Patients confused by the new reminder texts", 2, 3, "Plain-language wording tested with the patient council", "Opt-out rate above 3%"),
    ("Payer rejects electronic prior-auth submissions", 2, 4, "Fax fallback kept for the first quarter", "Rejection rate above 10% in a week"),
    ("Conversion misses insurance details", 3, 4, "Sample audit of 200 records; fix at the source", "More than 2% mismatches in the audit"),
    ("Help desk overwhelmed in week 1", 4, 3, "Command centre with vendor staff; top issues on a tip sheet", "More than 12 tickets per 100 users per day"),
    ("Key analyst leaves mid-build", 2, 4, "Document the build; pair a second analyst", "Resignation or leave longer than two weeks"),
    ("Staff resistance at one site", 3, 3, "Site champion and listening sessions", "ADKAR desire below 3 at the site"),
];

/// (title, constraint, options, choice, rationale, verification)
#[rustfmt::skip]
pub(super) const DECISIONS: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("Go live on the planned date", "Interface testing behind by two weeks", "Delay six weeks; go live without the lab interface; go live with manual results entry", "Go live; enter lab results by hand under an SOP", "Keeps the date providers planned reduced schedules around", "No lab result unfiled for more than 24 hours in weeks 1-4"),
    ("Pilot on two provider panels first", "One lead free to support the pilot", "All panels; two panels; one panel", "Two panels", "Enough volume to see a change within four weeks", "Change visible in the weekly metric by week 4"),
    ("Keep the paper downtime kit", "New EHR has a read-only downtime viewer", "Viewer only; viewer and paper; paper only", "Viewer and paper", "Power cuts take the viewer down too", "Downtime drill completed in under 15 minutes"),
    ("Train super-users before everyone else", "Trainer time is limited", "All at once; super-users first; by site", "Super-users first", "They answer most questions at the elbow", "Super-users pass proficiency at 95%"),
    ("Scale to every site", "Pilot met its target for six weeks", "Scale; adjust and re-pilot; stop", "Scale", "Pilot results held through the holidays", "Target met at every site three months later"),
    ("Drop voice reminders from scope", "Per-call cost three times the texts", "Keep; drop; revisit after 60 days", "Revisit after 60 days", "Few patients without a mobile number", "Review held at day 60"),
];

/// (audience, channel, message, days from go-live)
#[rustfmt::skip]
pub(super) const COMMS: &[(&str, &str, &str, i64)] = &[
    ("All staff", "Email", "Why we are making this change, and the dates", -90),
    ("Providers", "Provider meeting", "Reduced schedules and personalization sessions", -60),
    ("Front desk and schedulers", "Huddle", "What changes at check-in and booking", -30),
    ("All staff", "Newsletter", "Training sign-up opens", -45),
    ("Super-users", "Teams channel", "Command-centre rota and escalation tree", -14),
    ("Patients", "Website and lobby signs", "Longer waits in the first two weeks", -10),
    ("All staff", "Email", "Go/no-go decision", -7),
    ("All staff", "Huddle", "Go-live day: where to get help", 0),
    ("Leadership", "Email", "Week 1 report: tickets, volume, issues", 7),
    ("All staff", "Newsletter", "What we fixed from your feedback", 30),
];

/// (group, workstreams with the group's RACI role in each)
#[rustfmt::skip]
pub(super) const GROUPS: &[(&str, &[(&str, Raci)])] = &[
    ("Providers", &[("Documentation build", Raci::Consulted), ("Go/no-go", Raci::Accountable)]),
    ("Front desk", &[("Check-in workflow", Raci::Responsible), ("Scheduling build", Raci::Consulted)]),
    ("Medical assistants", &[("Rooming workflow", Raci::Responsible)]),
    ("Nursing", &[("Refills and triage", Raci::Responsible), ("Training", Raci::Informed)]),
    ("Billing office", &[("Charge capture", Raci::Responsible)]),
    ("IT and the vendor", &[("Interfaces", Raci::Responsible), ("Cutover", Raci::Accountable)]),
    ("Site leads", &[("Reduced schedules", Raci::Accountable), ("Communications", Raci::Consulted)]),
    ("Patient council", &[("Patient communications", Raci::Consulted)]),
];
