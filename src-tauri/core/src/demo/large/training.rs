//! Training at the scale of a health group: 40 modules, each required of every role by
//! the rollout that introduced it (due two weeks before its go-live), so every active
//! person holds a record for each — about 40,000. Records for training due long ago are
//! mostly completed and verified, with a few waived and a few still overdue; training due
//! soon is part done; training for later rollouts is mostly still assigned.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::people::{Staff, BILLING_OFFICE, SITES};
use super::rng::Rng;
use crate::people::find_role_by_name;
use crate::plan::add_days;
use crate::rollouts::Rollout;
use crate::time::date_text;
use crate::training::{
    assign_missing_records, complete_in, insert_module, insert_requirement, ModuleDraft,
    NewRequirement, RecordDraft, RecordStatus, TrainingFormat,
};
use crate::{CoreError, Result};

use TrainingFormat::{AtTheElbow, Classroom, ELearning, ProficiencyCheck, TipSheet};

/// (title, format, minutes)
#[rustfmt::skip]
const MODULES: &[(&str, TrainingFormat, i64)] = &[
    ("EHR basics and navigation", ELearning, 60),
    ("Front desk: scheduling, registration and check-in", Classroom, 300),
    ("Clinical documentation for MAs and nurses", Classroom, 420),
    ("Provider documentation and e-prescribing", Classroom, 480),
    ("Charge capture and end-of-day reconciliation", Classroom, 600),
    ("EHR proficiency check", ProficiencyCheck, 30),
    ("Two-way SMS reminders: front-desk tip sheet", TipSheet, 10),
    ("HIPAA privacy and security refresher", ELearning, 45),
    ("Minimum necessary and PHI release requests", ELearning, 30),
    ("Hand hygiene", ELearning, 20),
    ("Exam room turnover cleaning", AtTheElbow, 30),
    ("Sharps and biohazard waste", TipSheet, 10),
    ("EHR downtime drill", Classroom, 60),
    ("Patient portal: signing patients up", TipSheet, 10),
    ("Prior-auth work queue", Classroom, 90),
    ("AI scribing: reviewing the draft note", AtTheElbow, 60),
    ("Kiosk check-in: helping patients", AtTheElbow, 30),
    ("Eligibility checks at booking", ELearning, 30),
    ("Split-flow triage standard work", Classroom, 120),
    ("Open-access scheduling rules", Classroom, 60),
    ("Rooming standard work", AtTheElbow, 45),
    ("Controlled-substance refills and the PDMP", ELearning, 30),
    ("Medication reconciliation", ELearning, 40),
    ("Vaccine storage and cold chain", ELearning, 30),
    ("Respiratory illness screening", TipSheet, 10),
    ("Video interpreting carts", TipSheet, 10),
    ("Phone tree: transferring calls", TipSheet, 10),
    ("Workplace violence prevention", Classroom, 90),
    ("Fire safety and evacuation", ELearning, 30),
    ("De-escalation at the front desk", Classroom, 120),
    ("Denial management basics", Classroom, 120),
    ("Payment posting", AtTheElbow, 60),
    ("Referral tracking", ELearning, 45),
    ("Abnormal results follow-up", ELearning, 30),
    ("Chaperones for sensitive exams", ELearning, 20),
    ("Privacy incident reporting", ELearning, 20),
    ("In-basket management", AtTheElbow, 60),
    ("Order sets and favorites", Classroom, 90),
    ("Health maintenance reminders", ELearning, 30),
    ("Command-centre escalation tree", TipSheet, 10),
];

pub(super) fn seed(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    rollouts: &[Rollout],
    roles: &[&str],
    staff: &[Staff],
    trainers: &[String],
    today: NaiveDate,
) -> Result<()> {
    let mut role_ids = Vec::with_capacity(roles.len());
    for name in roles {
        let (id, _) = find_role_by_name(tx, name)?
            .ok_or_else(|| CoreError::Database(format!("the role {name} is missing")))?;
        role_ids.push(id);
    }
    // The group trains everyone on every module, whichever rollout introduced it: each
    // requirement names every site and the billing office, since most rollouts are at
    // one site and would otherwise reach only the people there.
    let everywhere: Vec<String> = SITES
        .iter()
        .chain([&BILLING_OFFICE])
        .map(|site| (*site).to_owned())
        .collect();
    let mut modules = Vec::with_capacity(MODULES.len());
    for (index, &(title, format, minutes)) in MODULES.iter().enumerate() {
        // The EHR curriculum comes with the largest rollout; the others are spread over
        // the rest.
        let rollout = match index {
            0..=5 => &rollouts[0],
            i => &rollouts[1 + (i * 7) % (rollouts.len() - 1).max(1)],
        };
        let module = insert_module(
            tx,
            &ModuleDraft {
                title: title.to_owned(),
                format,
                duration_minutes: minutes,
                description: format!("Introduced with {}.", rollout.name),
            },
        )?;
        let go_live = rollout.go_live_date.unwrap_or(today);
        let due = add_days(go_live, -14);
        for role in &role_ids {
            insert_requirement(
                tx,
                &NewRequirement {
                    rollout_id: &rollout.id,
                    role_id: role,
                    module_id: &module.id,
                    due,
                    sites: &everywhere,
                },
            )?;
        }
        modules.push((module.id, format, due));
    }
    assign_missing_records(tx)?;

    for person in staff.iter().filter(|p| p.active) {
        for (module, format, due) in &modules {
            let Some(draft) = progress(rng, *format, *due, trainers, today) else {
                continue;
            };
            complete_in(tx, &person.id, module, &draft, today)?;
        }
    }
    Ok(())
}

/// Where one person stands on one module, from how long ago it was due; `None` leaves
/// the record assigned.
fn progress(
    rng: &mut Rng,
    format: TrainingFormat,
    due: NaiveDate,
    trainers: &[String],
    today: NaiveDate,
) -> Option<RecordDraft> {
    let days_late = (today - due).num_days();
    let (completed, in_progress, waived) = match days_late {
        d if d > 60 => (0.92, 0.02, 0.02),
        d if d > 0 => (0.75, 0.08, 0.02),
        d if d > -90 => (0.4, 0.2, 0.01),
        _ => (0.05, 0.05, 0.0),
    };
    let roll = rng.unit();
    if roll < completed {
        let on = add_days(due, -rng.between(0, 60) + rng.between(0, 20)).min(today);
        Some(RecordDraft {
            status: RecordStatus::Completed,
            completed_on: Some(date_text(on)),
            verified_by: Some(rng.pick(trainers).clone()),
            score: (format == ProficiencyCheck).then(|| rng.between(72, 100) as f64),
            waived_reason: String::new(),
        })
    } else if roll < completed + in_progress {
        Some(RecordDraft {
            status: RecordStatus::InProgress,
            ..RecordDraft::default()
        })
    } else if roll < completed + in_progress + waived {
        Some(RecordDraft {
            status: RecordStatus::Waived,
            waived_reason: "Covered by equivalent training at a previous employer".into(),
            ..RecordDraft::default()
        })
    } else {
        None
    }
}
