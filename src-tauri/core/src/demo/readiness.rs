//! The sample clinic's go-live criteria: the EHR go-live's checklist partly met seven
//! weeks out, and the SMS pilot's short list all met.

use rusqlite::Transaction;

use crate::readiness::{insert_criterion, CriterionDraft, CriterionStatus, ReadinessCategory};
use crate::rollouts::Rollout;
use crate::Result;

use CriterionStatus::{AtRisk, Met, NotMet};
use ReadinessCategory::{Data, People, Process, Support, Technology};

/// (category, criterion, owner, status, hard gate, evidence)
type Row = (
    ReadinessCategory,
    &'static str,
    &'static str,
    CriterionStatus,
    bool,
    &'static str,
);

const EHR: &[Row] = &[
    (
        People,
        "Super-users named and trained (about 1 per 8-10 users)",
        "Dana Whitfield",
        Met,
        false,
        "Roster of 5 super-users, trained Nov 12",
    ),
    (
        People,
        "At-the-elbow support scheduled for the first two weeks",
        "Marcus Bell",
        AtRisk,
        false,
        "Vendor confirmed week 1 only",
    ),
    (
        People,
        "Command-centre roster and escalation tree published",
        "Dana Whitfield",
        NotMet,
        false,
        "",
    ),
    (
        Process,
        "SOPs for check-in, scheduling, charge capture, refills and downtime approved",
        "Priya Nair",
        AtRisk,
        true,
        "3 of 5 approved",
    ),
    (
        Process,
        "New workflows walked through in a dress rehearsal",
        "Dana Whitfield",
        NotMet,
        false,
        "Dress rehearsal booked two weeks before go-live",
    ),
    (
        Process,
        "Reduced schedules agreed: 50% in week 1, 75% in week 2",
        "Dr. Amara Okafor",
        Met,
        false,
        "Agreed at the provider meeting",
    ),
    (
        Technology,
        "Integrated testing signed off with no open severity-1 defects",
        "Kevin O'Brien",
        AtRisk,
        true,
        "2 severity-1 defects open (lab results routing)",
    ),
    (
        Technology,
        "Printers, scanners and signature pads tested in every room",
        "Luis Ortega",
        NotMet,
        false,
        "",
    ),
    (
        Technology,
        "User accounts and security roles provisioned",
        "Marcus Bell",
        Met,
        false,
        "Provisioning report, Nov 18",
    ),
    (
        Data,
        "Appointment and demographic conversion validated (sample audit)",
        "Rosa Martinez",
        AtRisk,
        true,
        "First sample: 2% mismatched insurance",
    ),
    (
        Data,
        "Legacy read-only access confirmed",
        "Marcus Bell",
        Met,
        false,
        "",
    ),
    (
        Support,
        "Help-desk ticket routing ready",
        "Marcus Bell",
        NotMet,
        false,
        "",
    ),
    (
        Support,
        "Downtime procedures and paper forms printed",
        "Priya Nair",
        NotMet,
        true,
        "",
    ),
];

const SMS: &[Row] = &[
    (
        Technology,
        "Two-way replies update the schedule",
        "Priya Nair",
        Met,
        true,
        "Tested with 20 appointments",
    ),
    (
        Process,
        "Script for patients who reply STOP",
        "Priya Nair",
        Met,
        false,
        "",
    ),
    (
        Data,
        "Mobile numbers verified for the pilot panels",
        "Carlos Diaz",
        Met,
        true,
        "94% of patients with a mobile number",
    ),
];

/// Where the evidence of some met criteria lives: (criterion, link, file name).
const EVIDENCE: &[(&str, &str, &str)] = &[
    (
        "Super-users named and trained (about 1 per 8-10 users)",
        "",
        "Super-user roster and sign-in sheet, Nov 12.pdf",
    ),
    (
        "Reduced schedules agreed: 50% in week 1, 75% in week 2",
        "https://intranet.riversidefamily.org/ehr-go-live/provider-meeting-minutes",
        "",
    ),
    (
        "User accounts and security roles provisioned",
        "https://intranet.riversidefamily.org/ehr-go-live/provisioning",
        "Provisioning report 2026-11-18.xlsx",
    ),
    (
        "Two-way replies update the schedule",
        "",
        "SMS reply test log.xlsx",
    ),
];

pub(super) fn seed(tx: &Transaction<'_>, rollouts: &[Rollout]) -> Result<()> {
    for (rollout, rows) in rollouts.iter().zip([EHR, SMS]) {
        for &(category, title, owner, status, hard_gate, evidence) in rows {
            let (link, file) = EVIDENCE
                .iter()
                .find(|(criterion, _, _)| *criterion == title)
                .map_or(("", ""), |&(_, link, file)| (link, file));
            let draft = CriterionDraft {
                category,
                title: title.to_owned(),
                owner: owner.to_owned(),
                status,
                evidence: evidence.to_owned(),
                evidence_link: link.to_owned(),
                evidence_file: file.to_owned(),
                hard_gate,
                ..CriterionDraft::default()
            };
            insert_criterion(tx, &rollout.id, &draft)?;
        }
    }
    Ok(())
}
