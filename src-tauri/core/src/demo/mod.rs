//! The sample clinic: a realistic practice with rollouts under way, so a new user can
//! explore Rollplan before entering their own work. Each area of the app adds its part.

mod improvement;
pub mod large;
mod metrics;
mod plan;
mod readiness;
mod sops;
mod staff;
mod training;

use chrono::{Days, NaiveDate};

use crate::programmes::ProgrammeDraft;
use crate::rollouts::{insert_draft, Phase, Rollout, RolloutDraft, RolloutKind};
use crate::time::date_text;
use crate::{CoreError, Result, Store};

/// The clinic the sample data describes.
pub const SAMPLE_CLINIC: &str = "Riverside Family Health";

/// The sample clinic's programme, whose first wave is its EHR go-live.
pub const SAMPLE_PROGRAMME: &str = "EHR across the clinics";

/// Seeds the sample clinic into an empty database, dated around `today`, in one
/// transaction. A database that already holds rollouts is refused, so the sample never
/// mixes with real work.
pub fn seed_sample_clinic(store: &Store, today: NaiveDate) -> Result<Vec<Rollout>> {
    if store.count_rollouts()? > 0 {
        return Err(CoreError::Conflict(
            "This database already holds rollouts; the sample clinic is only added to an \
             empty database. Use a new file (--db PATH) to explore it."
                .into(),
        ));
    }
    let drafts = sample_rollouts(today);
    store.write(|tx| {
        staff::seed(tx)?;
        let rollouts = drafts
            .iter()
            .map(|draft| insert_draft(tx, draft))
            .collect::<Result<Vec<_>>>()?;
        training::seed(tx, &rollouts, today)?;
        readiness::seed(tx, &rollouts)?;
        sops::seed(tx, &rollouts, today)?;
        plan::seed(tx, &rollouts, today)?;
        metrics::seed(tx, &rollouts, today)?;
        if let Some(sms) = rollouts.get(1) {
            improvement::seed(tx, sms, today)?;
        }
        if let Some(ehr) = rollouts.first() {
            crate::programmes::seed_in(tx, &sample_programme(), &[ehr.id.as_str()])?;
        }
        Ok(rollouts)
    })
}

fn sample_rollouts(today: NaiveDate) -> Vec<RolloutDraft> {
    let day = |offset: i64| shift(today, offset).map(date_text);
    vec![
        RolloutDraft {
            name: "EHR go-live: Riverside & Northgate".into(),
            kind: RolloutKind::EhrGoLive,
            goal: "Move both clinics from paper superbills and the legacy practice-management \
                   system to one EHR, with providers back to baseline productivity by week 6."
                .into(),
            sites: vec![
                "Riverside Family Medicine".into(),
                "Northgate Pediatrics".into(),
                "Central billing office".into(),
            ],
            sponsor: "Dr. Amara Okafor, Chief Medical Officer".into(),
            owner: "Dana Whitfield, Practice Manager".into(),
            start_date: day(-75),
            go_live_date: day(52),
            phase: Phase::Preparing,
            scope_in: "Scheduling, registration and check-in; clinical documentation; \
                       e-prescribing; charge capture; patient portal sign-up at check-in."
                .into(),
            scope_out: "Dropped: the lab interface moves to phase 2 (vendor not ready; manual \
                        results entry covered by an SOP). Protected: reduced schedules — 50% in \
                        week 1, 75% in week 2."
                .into(),
        },
        RolloutDraft {
            name: "SMS appointment reminders".into(),
            kind: RolloutKind::Automation,
            goal: "Cut the no-show rate from 14% to under 9% with two-way text reminders \
                   72 and 24 hours before each visit."
                .into(),
            sites: vec!["Riverside Family Medicine".into()],
            sponsor: "Marcus Bell, Director of Operations".into(),
            owner: "Priya Nair, Front-desk Lead".into(),
            start_date: day(-40),
            go_live_date: day(-9),
            phase: Phase::Stabilizing,
            scope_in: "Pilot on two provider panels at Riverside; confirm / cancel replies \
                       update the schedule; Spanish and English messages."
                .into(),
            scope_out: "Voice-call reminders for patients without a mobile number (revisit after \
                        the 60-day review)."
                .into(),
        },
    ]
}

/// The programme the EHR go-live is the pilot wave of: the other clinics follow it.
fn sample_programme() -> ProgrammeDraft {
    ProgrammeDraft {
        name: SAMPLE_PROGRAMME.into(),
        description: "One EHR for every clinic of Riverside Family Health: Riverside and \
                      Northgate first, then the other sites in waves, each changed by what \
                      the last one's debrief found."
            .into(),
        owner: "Marcus Bell, Director of Operations".into(),
    }
}

/// `today` moved by `days` (negative: into the past).
fn shift(today: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        today.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_clinic_is_valid_and_dated_around_today() {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let seeded = seed_sample_clinic(&store, today).expect("the sample clinic seeds");
        assert_eq!(seeded.len(), 2);
        assert_eq!(store.list_sops().expect("sops").len(), 5);
        assert_eq!(
            store.sops_due_for_review(today, 30).expect("due").len(),
            2,
            "check-in falls due within the month and no-show follow-up is overdue"
        );
        let staff = store.list_people(true).expect("staff");
        assert_eq!(staff.len(), staff::STAFF.len());
        assert!(
            staff.iter().all(|p| p.role_id.is_some()),
            "every sample person has a known role"
        );
        assert!(staff
            .iter()
            .any(|p| p.email == "tomas.alvarez@riversidefh.org"));
        assert!(
            seeded
                .iter()
                .any(|r| r.days_to_go_live(today).is_some_and(|d| d > 0)),
            "one rollout is still ahead of its go-live"
        );
        assert!(
            seeded
                .iter()
                .any(|r| r.days_to_go_live(today).is_some_and(|d| d < 0)),
            "one rollout is past go-live, stabilizing"
        );
        let programmes = store.list_programmes().expect("programmes");
        assert_eq!(
            programmes
                .iter()
                .map(|p| {
                    let waves: Vec<&str> =
                        p.waves.iter().map(|w| w.rollout.name.as_str()).collect();
                    (p.programme.name.as_str(), waves)
                })
                .collect::<Vec<_>>(),
            [(SAMPLE_PROGRAMME, vec!["EHR go-live: Riverside & Northgate"])],
            "the EHR go-live is the first wave of the sample's programme"
        );
    }

    #[test]
    fn the_sample_never_mixes_with_real_work() {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        seed_sample_clinic(&store, today).expect("first seed");
        let error = seed_sample_clinic(&store, today).expect_err("a second seed is refused");
        assert_eq!(error.code(), "conflict");
        assert_eq!(
            store.count_rollouts().expect("count"),
            2,
            "nothing was added twice"
        );
    }
}
