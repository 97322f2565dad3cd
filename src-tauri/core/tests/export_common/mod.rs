//! A small rollout that uses every entity an export shows, on fixed dates, for the
//! export tests and their golden files. Every user-typed string goes through `text`, so
//! the escaping tests can fill the same rollout with hostile input.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

#[path = "../golden_files/mod.rs"]
mod golden_files;

use chrono::NaiveDate;
use rollplan_core::metrics::{
    Cadence, Direction, MeasurementDraft, MetricDraft, MetricUnit, ThresholdDraft, ThresholdLevel,
};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::{LinkType, TaskDraft, TaskKind, TaskStatus};
use rollplan_core::readiness::{
    CriterionDraft, CriterionStatus, ReadinessCategory, ReadinessPoint, ReadinessTrend, Verdict,
};
use rollplan_core::rollouts::{Phase, RolloutDraft, RolloutKind};
use rollplan_core::sops::{SopDraft, SopException, SopRelation, Step};
use rollplan_core::training::{ModuleDraft, TrainingFormat};
use rollplan_core::workspace::{
    Adkar, CommunicationDraft, DecisionDraft, Raci, RaciAssignment, RiskDraft, ScopeChangeDraft,
    StakeholderDraft,
};
use rollplan_core::Store;

/// The day every export of the fixture is made.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).expect("date")
}

/// The fixture's readiness trend, pinned. The trend is rebuilt from the audit log,
/// whose times are the real clock's, while the fixture is reported on a fixed day: left
/// alone, the golden files would change as the calendar moves past that day. These are
/// the weeks the fixture gives (training finishes on Feb 20), and the last point is the
/// report's own score, which `readiness_trend` always ends at.
pub fn pinned_trend() -> ReadinessTrend {
    let weeks = [
        ("2027-02-01", 40),
        ("2027-02-08", 40),
        ("2027-02-15", 40),
        ("2027-02-22", 60),
        ("2027-03-01", 60),
    ];
    ReadinessTrend::from_points(
        weeks
            .into_iter()
            .map(|(on, score)| ReadinessPoint {
                on: on.parse().expect("date"),
                score,
                verdict: Verdict::NoGo,
            })
            .collect(),
    )
}

pub struct Fixture {
    pub store: Store,
    pub rollout: String,
    pub sop: String,
}

/// The rollout with plain text.
pub fn fixture() -> Fixture {
    fixture_with(|s| s.to_owned())
}

/// The rollout with every typed string passed through `text`.
pub fn fixture_with(text: impl Fn(&str) -> String) -> Fixture {
    let t = &text;
    let store = Store::open_in_memory().expect("store");
    let role = store
        .list_roles()
        .expect("roles")
        .into_iter()
        .find(|r| r.name == "Front desk")
        .expect("seeded role")
        .id;
    let mut people = Vec::new();
    for name in ["Priya Nair", "Jordan Lee"] {
        people.push(
            store
                .create_person(&PersonDraft {
                    name: name.into(),
                    role_id: Some(role.clone()),
                    active: true,
                    ..PersonDraft::default()
                })
                .expect("person")
                .id,
        );
    }
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: t("SMS reminders"),
            kind: RolloutKind::Automation,
            goal: t("Cut no-shows with text reminders"),
            sites: vec![t("Northgate")],
            sponsor: t("Dr. Ortiz"),
            owner: t("Priya Nair"),
            start_date: Some("2027-02-01".into()),
            go_live_date: Some("2027-03-15".into()),
            phase: Phase::Preparing,
            scope_in: t("Appointment reminders"),
            scope_out: t("Two-way chat"),
        })
        .expect("rollout")
        .id;
    let build = store.create_phase(&rollout, &t("Build")).expect("phase").id;
    let task = |title: &str, kind, start: Option<&str>, due: &str, status, notes: &str| {
        store
            .create_task(
                &rollout,
                &TaskDraft {
                    title: t(title),
                    phase_id: Some(build.clone()),
                    kind,
                    owner: people[0].clone(),
                    start_date: start.map(str::to_owned),
                    due_date: Some(due.into()),
                    status,
                    notes: t(notes),
                    percent_complete: None,
                },
            )
            .expect("task")
            .id
    };
    let configure = task(
        "Configure templates",
        TaskKind::Task,
        Some("2027-02-01"),
        "2027-02-10",
        TaskStatus::Done,
        "Vendor portal",
    );
    let test = task(
        "Test with staff phones",
        TaskKind::Task,
        Some("2027-02-11"),
        "2027-02-26",
        TaskStatus::Doing,
        "",
    );
    let go_live = task(
        "Go-live",
        TaskKind::Milestone,
        None,
        "2027-03-15",
        TaskStatus::Todo,
        "",
    );
    store
        .add_dependency(&test, &configure, LinkType::FinishToStart, 0)
        .expect("dependency");
    store
        .add_dependency(&go_live, &test, LinkType::FinishToStart, 0)
        .expect("dependency");

    store
        .create_criterion(
            &rollout,
            &CriterionDraft {
                category: ReadinessCategory::Technology,
                title: t("Opt-out works"),
                owner: people[1].clone(),
                owner_role: "Interface analyst".into(),
                status: CriterionStatus::AtRisk,
                evidence: t("Test log"),
                evidence_link: "https://intranet.example/sms?doc=opt-out&v=2".into(),
                // Markup in a file name is escaped like any typed text.
                evidence_file: "Opt-out <test> log & \"results\".xlsx".into(),
                hard_gate: true,
            },
        )
        .expect("criterion");
    let module = store
        .create_training_module(&ModuleDraft {
            title: t("Reminder workflow"),
            format: TrainingFormat::TipSheet,
            duration_minutes: 15,
            description: t("Tip sheet"),
        })
        .expect("module")
        .id;
    store
        .add_requirement(&rollout, &role, &module, "2027-03-08", &[])
        .expect("requirement");
    store
        .complete_training(&module, &people[..1], "2027-02-20", None, today())
        .expect("completion");

    let metric = store
        .create_metric(
            &rollout,
            &MetricDraft {
                name: t("No-show rate"),
                definition: t("Appointments not attended"),
                unit: MetricUnit::Percent,
                direction: Direction::LowerIsBetter,
                data_source: t("PM report"),
                cadence: Cadence::Weekly,
                owner: people[0].clone(),
                baseline_value: Some(14.0),
                baseline_date: Some("2027-02-01".into()),
                target_value: Some(8.0),
                target_date: Some("2027-05-01".into()),
                ..MetricDraft::default()
            },
        )
        .expect("metric")
        .id;
    for (level, value, action) in [
        (ThresholdLevel::Watch, 12.0, "Check reminder logs"),
        (ThresholdLevel::Act, 15.0, "Call patients the day before"),
    ] {
        store
            .create_threshold(
                &metric,
                &ThresholdDraft {
                    level,
                    value,
                    action: t(action),
                    owner_role: t("front-desk lead"),
                    ..ThresholdDraft::default()
                },
            )
            .expect("threshold");
    }
    for (date, value) in [
        ("2027-02-08", 13.5),
        ("2027-02-15", 12.5),
        ("2027-02-22", 11.0),
    ] {
        store
            .record_measurement(
                &metric,
                &MeasurementDraft {
                    measured_on: date.into(),
                    value,
                    note: t("weekly pull"),
                    source: t("typed"),
                },
            )
            .expect("measurement");
    }
    store
        .create_risk(
            &rollout,
            &RiskDraft {
                title: t("Carrier filters texts"),
                likelihood: 3,
                impact: 4,
                mitigation: t("Register the sender"),
                owner: people[1].clone(),
                trigger: t("Delivery under 90%"),
                ..RiskDraft::default()
            },
        )
        .expect("risk");
    store
        .create_decision(
            &rollout,
            &DecisionDraft {
                decided_on: "2027-02-05".into(),
                title: t("Send 48 hours ahead"),
                constraints: t("Carrier rate limits"),
                options: t("24 h; 48 h"),
                choice: t("48 h"),
                rationale: t("Time to rebook"),
                decided_by: t("Steering committee"),
                verification: t("No-show rate by week"),
                ..DecisionDraft::default()
            },
        )
        .expect("decision");
    store
        .create_communication(
            &rollout,
            &CommunicationDraft {
                audience: t("Front desk"),
                channel: t("Huddle"),
                message: t("What changes on go-live day, and who to call"),
                send_on: "2027-03-10".into(),
                owner: people[0].clone(),
                sent_on: None,
            },
        )
        .expect("communication");
    store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: t("Northgate providers"),
                is_group: true,
                notes: t("Worried about callbacks"),
                raci: vec![RaciAssignment {
                    workstream: t("Cutover"),
                    role: Raci::Consulted,
                }],
                adkar: Adkar {
                    awareness: Some(4),
                    desire: Some(2),
                    ..Adkar::default()
                },
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    store
        .create_scope_change(
            &rollout,
            &ScopeChangeDraft {
                logged_on: "2027-02-12".into(),
                cut: t("Spanish templates"),
                reason: t("Translation not ready"),
                protected: t("The go-live date"),
            },
        )
        .expect("scope change");
    let sop = store
        .create_sop(&SopDraft {
            code: "FD-012".into(),
            title: t("Reminder opt-out"),
            purpose: t("Honour opt-outs the same day"),
            scope: t("Front desk"),
            owner: t("Priya Nair"),
            effective_date: Some("2027-02-15".into()),
            steps: vec![
                Step {
                    role: t("Front desk"),
                    instruction: t("Mark the opt-out in the PM system"),
                    quality_check: t("Opt-out flag shows"),
                    ..Step::default()
                },
                Step {
                    role: t("Lead"),
                    instruction: t("Review opt-outs weekly"),
                    quality_check: String::new(),
                    ..Step::default()
                },
            ],
            exceptions: vec![SopException {
                trigger: t("Patient asks twice"),
                action: t("Call the vendor"),
                escalate_to: t("Practice manager"),
                within: t("same day"),
                evidence: t("Ticket number"),
                ..SopException::default()
            }],
            ..SopDraft::default()
        })
        .expect("sop");
    let approved = store
        .approve_sop(&sop.id, sop.row_version, &t("Dr. Ortiz"), "2027-02-15")
        .expect("approve");
    store
        .link_sop_to_rollout(&approved.sop_id, &rollout, SopRelation::Introduces)
        .expect("link");
    Fixture {
        store,
        rollout,
        sop: sop.id,
    }
}

/// Compares `actual`, its ids numbered, with the golden file `tests/golden/NAME`.
pub fn assert_golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    golden_files::assert_matches_golden(&path, name, &golden_files::number_ids(actual));
}

/// The text of a PDF and its page count, through poppler's pdftotext and pdfinfo
/// (installed by scripts/setup.sh --test).
pub fn pdf_text_and_pages(pdf: &[u8]) -> (String, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let path = path.to_str().expect("path");
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .expect("pdftotext runs");
    assert!(text.status.success(), "pdftotext read the PDF");
    let info = std::process::Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo runs");
    assert!(info.status.success(), "pdfinfo read the PDF");
    let pages = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    (String::from_utf8_lossy(&text.stdout).into_owned(), pages)
}

/// Runs `script` with the system Python, which has the independent readers (openpyxl,
/// python-docx, icalendar; the `python3` on PATH may not), passing `args`, and reads the
/// JSON it prints.
pub fn python(script: &str, args: &[&std::path::Path]) -> serde_json::Value {
    let out = std::process::Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("/usr/bin/python3 runs (scripts/setup.sh --test installs its readers)");
    assert!(
        out.status.success(),
        "the Python reader failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}
