//! The sample clinic's training: role curricula for the EHR go-live (part done, some
//! overdue) and a tip sheet for the SMS reminder pilot.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::shift;
use crate::people::find_role_by_name;
use crate::rollouts::Rollout;
use crate::time::date_text;
use crate::training::{
    assign_missing_records, complete_in, insert_module, insert_requirement, ModuleDraft,
    NewRequirement, RecordDraft, RecordStatus, TrainingFormat,
};
use crate::{CoreError, Result};

const EHR_BASICS: &str = "EHR basics and navigation";
const FRONT_DESK: &str = "Front desk: scheduling, registration and check-in";
const CLINICAL: &str = "Clinical documentation for MAs and nurses";
const PROVIDER: &str = "Provider documentation and e-prescribing";
const BILLING: &str = "Charge capture and end-of-day reconciliation";
const PROFICIENCY: &str = "Proficiency check";
const SMS_TIP_SHEET: &str = "Two-way SMS reminders: front-desk tip sheet";

/// (title, format, minutes)
const MODULES: &[(&str, TrainingFormat, i64)] = &[
    (EHR_BASICS, TrainingFormat::ELearning, 60),
    (FRONT_DESK, TrainingFormat::Classroom, 300),
    (CLINICAL, TrainingFormat::Classroom, 420),
    (PROVIDER, TrainingFormat::Classroom, 480),
    (BILLING, TrainingFormat::Classroom, 600),
    (PROFICIENCY, TrainingFormat::ProficiencyCheck, 30),
    (SMS_TIP_SHEET, TrainingFormat::TipSheet, 10),
];

/// (role, module, due: days from today for the basics, from go-live otherwise)
/// (role, module, days before go-live it is due, the sites it is limited to: none for
/// wherever the rollout is). Billing's module is for the central billing office only.
const EHR_REQUIREMENTS: &[(&str, &str, i64, &[&str])] = &[
    ("Front desk", FRONT_DESK, -14, &[]),
    ("Scheduler", FRONT_DESK, -14, &[]),
    ("Medical assistant (MA)", CLINICAL, -14, &[]),
    ("Registered nurse (RN)", CLINICAL, -14, &[]),
    ("Provider", PROVIDER, -10, &[]),
    ("Biller / coder", BILLING, -14, &["Central billing office"]),
    ("Front desk", PROFICIENCY, -7, &[]),
    ("Medical assistant (MA)", PROFICIENCY, -7, &[]),
    ("Registered nurse (RN)", PROFICIENCY, -7, &[]),
    ("Provider", PROFICIENCY, -7, &[]),
];

const EVERY_ROLE: &[&str] = &[
    "Front desk",
    "Scheduler",
    "Medical assistant (MA)",
    "Registered nurse (RN)",
    "Provider",
    "Biller / coder",
    "Practice manager",
];

pub(super) fn seed(tx: &Transaction<'_>, rollouts: &[Rollout], today: NaiveDate) -> Result<()> {
    let (Some(ehr), Some(sms)) = (rollouts.first(), rollouts.get(1)) else {
        return Ok(());
    };
    let module_ids: Vec<(&str, String)> = MODULES
        .iter()
        .map(|&(title, format, minutes)| {
            let draft = ModuleDraft {
                title: title.to_owned(),
                format,
                duration_minutes: minutes,
                description: String::new(),
            };
            Ok((title, insert_module(tx, &draft)?.id))
        })
        .collect::<Result<_>>()?;
    let module = |title: &str| -> Result<&str> {
        module_ids
            .iter()
            .find(|(t, _)| *t == title)
            .map(|(_, id)| id.as_str())
            .ok_or_else(|| CoreError::Database(format!("sample module {title} missing")))
    };
    let role = |name: &str| -> Result<String> {
        find_role_by_name(tx, name)?
            .map(|(id, _)| id)
            .ok_or_else(|| CoreError::Database(format!("sample role {name} missing")))
    };
    let day = |base: NaiveDate, offset: i64| {
        shift(base, offset).ok_or_else(|| CoreError::Database("sample date out of range".into()))
    };

    // The basics were due last week: most people did them, a few are overdue.
    for role_name in EVERY_ROLE {
        insert_requirement(
            tx,
            &NewRequirement {
                rollout_id: &ehr.id,
                role_id: &role(role_name)?,
                module_id: module(EHR_BASICS)?,
                due: day(today, -5)?,
                sites: &[],
            },
        )?;
    }
    let go_live = ehr.go_live_date.unwrap_or(today);
    for &(role_name, title, offset, sites) in EHR_REQUIREMENTS {
        let sites: Vec<String> = sites.iter().map(|s| (*s).to_owned()).collect();
        insert_requirement(
            tx,
            &NewRequirement {
                rollout_id: &ehr.id,
                role_id: &role(role_name)?,
                module_id: module(title)?,
                due: day(go_live, offset)?,
                sites: &sites,
            },
        )?;
    }
    let sms_go_live = sms.go_live_date.unwrap_or(today);
    insert_requirement(
        tx,
        &NewRequirement {
            rollout_id: &sms.id,
            role_id: &role("Front desk")?,
            module_id: module(SMS_TIP_SHEET)?,
            due: day(sms_go_live, -3)?,
            sites: &[],
        },
    )?;
    assign_missing_records(tx)?;

    let trainer = tx.query_row(
        "SELECT id FROM people WHERE name = 'Grace Kim'",
        [],
        |row| row.get::<_, String>(0),
    )?;
    let staff: Vec<(String, bool, String)> = {
        let mut statement = tx.prepare(
            "SELECT p.id, p.super_user, r.name FROM people p JOIN roles r ON r.id = p.role_id
             WHERE p.active = 1 ORDER BY p.name",
        )?;
        let found = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
        found.collect::<rusqlite::Result<_>>()?
    };
    let completed = |on: NaiveDate, score: Option<f64>| RecordDraft {
        status: RecordStatus::Completed,
        completed_on: Some(date_text(on)),
        verified_by: Some(trainer.clone()),
        score,
        waived_reason: String::new(),
    };
    for (index, (person, super_user, role_name)) in staff.iter().enumerate() {
        let index = index as i64;
        if *super_user || index % 4 != 3 {
            complete_in(
                tx,
                person,
                module(EHR_BASICS)?,
                &completed(day(today, -6 - index % 5)?, None),
                today,
            )?;
        }
        let role_module = EHR_REQUIREMENTS
            .iter()
            .find(|(r, title, _, _)| r == role_name && *title != PROFICIENCY)
            .map(|(_, title, _, _)| *title);
        if let Some(title) = role_module {
            if *super_user || index % 3 == 0 {
                complete_in(
                    tx,
                    person,
                    module(title)?,
                    &completed(day(today, -2)?, None),
                    today,
                )?;
            }
        }
        if *super_user && role_name != "Scheduler" && role_name != "Biller / coder" {
            complete_in(
                tx,
                person,
                module(PROFICIENCY)?,
                &completed(day(today, -1)?, Some(94.0)),
                today,
            )?;
        }
        if role_name == "Front desk" && index % 5 != 4 {
            let draft = if index % 7 == 6 {
                RecordDraft {
                    status: RecordStatus::Waived,
                    waived_reason: "On leave during the pilot; briefed on return".into(),
                    ..RecordDraft::default()
                }
            } else {
                completed(day(sms_go_live, -4)?, None)
            };
            complete_in(tx, person, module(SMS_TIP_SHEET)?, &draft, today)?;
        }
    }
    Ok(())
}
