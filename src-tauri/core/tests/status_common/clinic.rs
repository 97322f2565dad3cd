//! The sample clinic with its week of Jan 11–17, 2027 staged for the status exports:
//! seeded on Monday Jan 4 (everything it records dated then), then a week's work done
//! through the core — a task completed, one blocked, a due date moved, a risk raised,
//! a message sent, a value past a threshold — and dated on Wednesday Jan 13.

use rollplan_core::metrics::{Direction, MeasurementDraft, MetricUnit, ThresholdLevel};
use rollplan_core::plan::TaskStatus;
use rollplan_core::rollouts::{Rollout, RolloutKind};
use rollplan_core::workspace::RiskDraft;
use rollplan_core::Store;

use super::date;

pub struct SampleWeek {
    pub store: Store,
    pub ehr: Rollout,
    _dir: tempfile::TempDir,
}

fn move_audit(db: &rusqlite::Connection, at: &str) {
    db.execute(
        "UPDATE audit_log SET at = ?1 WHERE at NOT LIKE '2027-01-%'",
        rusqlite::params![at],
    )
    .expect("move audit entries");
}

/// The sample clinic after its staged week.
pub fn sample_week() -> SampleWeek {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("clinic.db");
    let store = Store::open(&path).expect("store");
    let rollouts =
        rollplan_core::demo::seed_sample_clinic(&store, date("2027-01-04")).expect("demo");
    let db = rusqlite::Connection::open(&path).expect("raw");
    move_audit(&db, "2027-01-04T09:00:00.000Z");
    db.execute(
        "UPDATE rollouts SET created_at = '2027-01-04T09:00:00.000Z'",
        [],
    )
    .expect("creation");
    let ehr = rollouts
        .into_iter()
        .find(|r| r.kind == RolloutKind::EhrGoLive)
        .expect("EHR go-live");
    let tasks = store.list_tasks(&ehr.id).expect("tasks");
    let open: Vec<_> = tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Done && t.due_date.is_some())
        .collect();
    let change = |index: usize, edit: &dyn Fn(&mut rollplan_core::plan::TaskDraft)| {
        let task = open[index];
        let mut draft = task.draft();
        edit(&mut draft);
        store
            .update_task(&task.id, task.row_version, &draft)
            .expect("task edit");
    };
    change(0, &|d| d.status = TaskStatus::Done);
    change(1, &|d| d.status = TaskStatus::Blocked);
    change(2, &|d| {
        let due = d.due_date.as_deref().map(date).expect("due");
        d.due_date = Some((due + chrono::Duration::days(3)).to_string());
    });
    store
        .create_risk(
            &ehr.id,
            &RiskDraft {
                title: "Interface vendor misses the lab go-live date".into(),
                likelihood: 4,
                impact: 4,
                mitigation: "Paper lab requisitions for the first two weeks".into(),
                owner: "Dana Whitfield".into(),
                ..RiskDraft::default()
            },
        )
        .expect("risk");
    // A metric whose act level leaves room for a value past it.
    let (metric, worse) = store
        .list_metrics(&ehr.id)
        .expect("metrics")
        .into_iter()
        .find_map(|m| {
            let act = m.threshold(ThresholdLevel::Act)?.value;
            let worse = match m.direction {
                Direction::HigherIsBetter => act - 5.0,
                Direction::LowerIsBetter => act + 5.0,
            };
            let fits = worse >= 0.0 && (m.unit != MetricUnit::Percent || worse <= 100.0);
            fits.then_some((m, worse))
        })
        .expect("the EHR go-live has a metric with an act level");
    store
        .record_measurement(
            &metric.id,
            &MeasurementDraft {
                measured_on: "2027-01-15".into(),
                value: worse,
                ..MeasurementDraft::default()
            },
        )
        .expect("value");
    move_audit(&db, "2027-01-13T10:00:00.000Z");
    SampleWeek {
        store,
        ehr,
        _dir: dir,
    }
}
