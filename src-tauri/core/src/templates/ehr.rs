//! EHR go-live: build and validation, testing, the super-user programme and training,
//! cutover, go-live with at-the-elbow support and a command centre, stabilization.

use super::{Content, Step, M, T};
use crate::readiness::ReadinessCategory::{Data, People, Process, Support, Technology};

const BUILD: &str = "Build & validation";
const TEST: &str = "Testing";
const TRAIN: &str = "Super-users & training";
const CUTOVER: &str = "Cutover";
const GO_LIVE: &str = "Go-live & at-the-elbow support";
const STABILIZE: &str = "Stabilization";

pub(super) const CONTENT: Content = Content {
    phases: &[BUILD, TEST, TRAIN, CUTOVER, GO_LIVE, STABILIZE],
    steps: &[
        Step(M, BUILD, "Project kickoff", -120, -120, &[]),
        Step(T, BUILD, "Confirm scope and go-live date with the vendor", -118, -112, &["Project kickoff"]),
        Step(T, BUILD, "Map current-state workflows (check-in, rooming, checkout, refills)", -115, -100, &["Project kickoff"]),
        Step(T, BUILD, "Design future-state workflows with their owners", -99, -85, &["Map current-state workflows (check-in, rooming, checkout, refills)"]),
        Step(T, BUILD, "Build scheduling templates and visit types", -84, -60, &["Design future-state workflows with their owners"]),
        Step(T, BUILD, "Build documentation templates", -84, -55, &["Design future-state workflows with their owners"]),
        Step(T, BUILD, "Build charge capture and the fee schedule", -84, -58, &["Design future-state workflows with their owners"]),
        Step(T, BUILD, "Build interfaces (lab, imaging, clearinghouse, HIE)", -110, -50, &["Confirm scope and go-live date with the vendor"]),
        Step(T, BUILD, "Provision user accounts and security roles", -50, -30, &["Design future-state workflows with their owners"]),
        Step(T, TEST, "Unit-test each build area", -54, -45, &["Build scheduling templates and visit types", "Build documentation templates", "Build charge capture and the fee schedule"]),
        Step(T, TEST, "Live-test interfaces", -49, -38, &["Build interfaces (lab, imaging, clearinghouse, HIE)"]),
        Step(T, TEST, "Integrated testing", -37, -30, &["Unit-test each build area", "Live-test interfaces"]),
        Step(M, TEST, "Integrated testing signed off (no open severity-1 defects)", -28, -28, &["Integrated testing"]),
        Step(T, TEST, "Test printers, scanners and signature pads in every room", -35, -21, &[]),
        Step(T, TEST, "Dress rehearsal of the new workflows", -16, -14, &["Integrated testing signed off (no open severity-1 defects)"]),
        Step(T, TRAIN, "Name super-users (about 1 per 8-10 users)", -90, -80, &[]),
        Step(T, TRAIN, "Train super-users", -60, -46, &["Name super-users (about 1 per 8-10 users)"]),
        Step(T, TRAIN, "Write tip sheets for each role", -50, -36, &["Design future-state workflows with their owners"]),
        Step(T, TRAIN, "Role-based end-user training", -35, -15, &["Train super-users", "Write tip sheets for each role"]),
        Step(T, TRAIN, "Proficiency checks for all end users", -14, -6, &["Role-based end-user training"]),
        Step(T, TRAIN, "Provider personalization sessions", -14, -4, &["Role-based end-user training"]),
        Step(M, TRAIN, "Training complete", -3, -3, &["Proficiency checks for all end users", "Provider personalization sessions"]),
        Step(T, CUTOVER, "Approve SOPs for check-in, scheduling, charge capture, refills and downtime", -40, -21, &["Design future-state workflows with their owners"]),
        Step(T, CUTOVER, "Agree reduced schedules (50% in week 1, 75% in week 2)", -45, -40, &[]),
        Step(T, CUTOVER, "Schedule at-the-elbow support for the first two weeks", -30, -21, &["Name super-users (about 1 per 8-10 users)"]),
        Step(T, CUTOVER, "Publish the command-centre roster and escalation tree", -14, -8, &[]),
        Step(T, CUTOVER, "Print downtime procedures and paper forms", -7, -5, &["Approve SOPs for check-in, scheduling, charge capture, refills and downtime"]),
        Step(M, CUTOVER, "Go/no-go meeting", -7, -7, &["Dress rehearsal of the new workflows"]),
        Step(T, CUTOVER, "Convert appointments and demographics", -10, -4, &["Integrated testing signed off (no open severity-1 defects)"]),
        Step(T, CUTOVER, "Validate the conversion with a sample audit", -3, -2, &["Convert appointments and demographics"]),
        Step(T, CUTOVER, "Abstract allergies, medications and problems for scheduled patients", -3, -1, &["Convert appointments and demographics"]),
        Step(M, GO_LIVE, "Go-live", 0, 0, &["Go/no-go meeting", "Training complete", "Validate the conversion with a sample audit"]),
        Step(T, GO_LIVE, "Command centre open, with daily huddles", 0, 13, &["Go-live"]),
        Step(T, GO_LIVE, "At-the-elbow support, weeks 1-2", 0, 13, &["Go-live"]),
        Step(T, GO_LIVE, "Triage the issue log daily", 0, 13, &["Go-live"]),
        Step(T, STABILIZE, "Review help-desk tickets per 100 users each week", 7, 42, &["Go-live"]),
        Step(T, STABILIZE, "Personalization refresher for providers below 70% of charts closed same day", 28, 35, &["Go-live"]),
        Step(M, STABILIZE, "Back to full schedules", 28, 28, &["Go-live"]),
        Step(M, STABILIZE, "Stabilization review: close the command centre", 60, 60, &["Review help-desk tickets per 100 users each week"]),
    ],
    criteria: &[
        (People, "All end users completed role-based training and passed the proficiency check", "Training lead", true),
        (People, "Super-users named and trained (about 1 per 8-10 users)", "Training lead", false),
        (People, "At-the-elbow support scheduled for the first two weeks", "Project manager", false),
        (People, "Command-centre roster and escalation tree published", "Project manager", false),
        (People, "Providers' personalization sessions done", "Physician champion", false),
        (Process, "SOPs for check-in, scheduling, charge capture, refills and downtime approved", "Practice manager", true),
        (Process, "New workflows walked through in a dress rehearsal", "Practice manager", false),
        (Process, "Reduced schedules agreed: 50% in week 1, 75% in week 2", "Medical director", false),
        (Technology, "Integrated testing signed off with no open severity-1 defects", "IT / interface analyst", true),
        (Technology, "Printers, scanners and signature pads tested in every room", "IT support lead", false),
        (Technology, "Interfaces (lab, imaging, clearinghouse, HIE) live-tested", "IT / interface analyst", false),
        (Technology, "User accounts and security roles provisioned", "IT security administrator", false),
        (Data, "Appointment and demographic conversion validated (sample audit)", "Data conversion lead", true),
        (Data, "Allergies, medications and problem lists abstracted for scheduled patients", "Nurse manager", false),
        (Data, "Legacy system read-only access confirmed", "IT / interface analyst", false),
        (Support, "Help-desk ticket routing ready", "Help-desk lead", false),
        (Support, "Daily huddle times set; issue log and triage categories agreed", "Project manager", false),
        (Support, "Downtime procedures and paper forms printed", "Practice manager", false),
    ],
    risks: &[
        ("Severity-1 defects still open at the go/no-go meeting", 3, 5, "Daily defect triage with the vendor from integrated testing on; a go/no-go rule agreed in advance", "More than one severity-1 defect open two weeks before go-live"),
        ("Providers lose productivity for longer than six weeks", 3, 4, "Personalization sessions before go-live; reduced schedules; a refresher at week 4", "Charts closed same day below 70% at week 4"),
        ("Not enough super-users on the floor in week 1", 2, 4, "Name backups; borrow super-users from the other site", "Fewer than 1 super-user per 10 users on any shift"),
        ("Interface to the lab not ready", 3, 3, "Manual results entry covered by an SOP until it is live", "Interface live test slips past integrated testing"),
        ("Staff skip training because of clinic workload", 3, 4, "Protected training time on the schedule; no training, no login", "Training completion below 80% three weeks before go-live"),
    ],
    comms: &[
        ("All staff", "Staff meeting", "Why we are changing EHRs, the go-live date and what it means for each role", -100),
        ("Patients", "Posters and portal message", "Visits may take a little longer during our system change; thank you for your patience", -21),
        ("Providers", "Email", "Personalization sessions: book your slot", -20),
        ("All staff", "Huddle", "Go/no-go decision and the week-1 plan: command centre, at-the-elbow support, reduced schedules", -6),
        ("All staff", "Daily huddle", "Go-live day: where to find help, how to log an issue", 0),
        ("Board", "Report", "Stabilization update: tickets, charts closed same day, productivity against baseline", 30),
    ],
};
