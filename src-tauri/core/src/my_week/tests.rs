// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

use super::{week_around, WeekItem, WeekTiming};
use crate::people::PersonDraft;
use crate::plan::{TaskDraft, TaskStatus};
use crate::readiness::{CriterionDraft, CriterionStatus};
use crate::rollouts::{Phase, RolloutDraft};
use crate::workspace::CommunicationDraft;
use crate::{CoreError, Store};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Wednesday: the week runs from Monday Dec 7 to Sunday Dec 13.
const TODAY: &str = "2026-12-09";

struct Office {
    store: Store,
    dana: String,
    open: String,
    closed: String,
}

fn office() -> Office {
    let store = Store::open_in_memory().unwrap();
    let person = |name: &str| {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                ..PersonDraft::default()
            })
            .unwrap()
            .id
    };
    let dana = person("Dana Whitfield");
    person("Lee Park");
    let rollout = |name: &str, phase: Phase| {
        store
            .create_rollout(&RolloutDraft {
                name: name.into(),
                owner: "dana whitfield".into(),
                go_live_date: Some("2026-12-20".into()),
                phase,
                ..RolloutDraft::default()
            })
            .unwrap()
            .id
    };
    let open = rollout("Kiosk check-in", Phase::Preparing);
    let closed = rollout("Fax retirement", Phase::Closed);
    Office {
        store,
        dana,
        open,
        closed,
    }
}

fn task(office: &Office, rollout: &str, title: &str, owner: &str, due: &str, status: TaskStatus) {
    office
        .store
        .create_task(
            rollout,
            &TaskDraft {
                title: title.into(),
                owner: owner.into(),
                due_date: Some(due.into()),
                status,
                ..TaskDraft::default()
            },
        )
        .unwrap();
}

fn titles(office: &Office) -> Vec<(String, WeekTiming)> {
    let week = office.store.my_week(&office.dana, date(TODAY)).unwrap();
    week.tasks
        .into_iter()
        .map(|t| (t.title, t.timing))
        .collect()
}

#[test]
fn the_week_runs_monday_to_sunday() {
    assert_eq!(
        week_around(date(TODAY)),
        (date("2026-12-07"), date("2026-12-13"))
    );
    assert_eq!(
        week_around(date("2026-12-13")),
        (date("2026-12-07"), date("2026-12-13")),
        "Sunday ends its week"
    );
    assert_eq!(
        week_around(date("2026-12-14")),
        (date("2026-12-14"), date("2026-12-20")),
        "Monday starts one"
    );
}

#[test]
fn a_persons_week_holds_what_is_theirs_and_due_and_counts_it_once() {
    let o = office();
    let dana = "Dana Whitfield";
    task(
        &o,
        &o.open,
        "Print badges",
        dana,
        "2026-12-08",
        TaskStatus::Todo,
    );
    task(
        &o,
        &o.open,
        "Test the kiosk",
        dana,
        "2026-12-11",
        TaskStatus::Doing,
    );
    task(
        &o,
        &o.open,
        "Wire the lobby",
        dana,
        "2026-12-20",
        TaskStatus::Blocked,
    );
    task(
        &o,
        &o.open,
        "Train the float pool",
        dana,
        "2026-12-20",
        TaskStatus::Todo,
    );
    task(
        &o,
        &o.open,
        "Order paper",
        dana,
        "2026-12-10",
        TaskStatus::Done,
    );
    task(
        &o,
        &o.open,
        "Lee's own work",
        "Lee Park",
        "2026-12-10",
        TaskStatus::Todo,
    );
    task(
        &o,
        &o.closed,
        "Shred old forms",
        dana,
        "2026-12-08",
        TaskStatus::Todo,
    );
    o.store
        .create_criterion(
            &o.open,
            &CriterionDraft {
                title: "Kiosks tested at both desks".into(),
                owner: dana.into(),
                ..CriterionDraft::default()
            },
        )
        .unwrap();
    o.store
        .create_criterion(
            &o.open,
            &CriterionDraft {
                title: "Signage up".into(),
                owner: dana.into(),
                status: CriterionStatus::Met,
                ..CriterionDraft::default()
            },
        )
        .unwrap();
    for (audience, sent_on) in [("Front desk", None), ("Providers", Some("2026-12-08"))] {
        o.store
            .create_communication(
                &o.open,
                &CommunicationDraft {
                    audience: audience.into(),
                    message: "Kiosks start Monday".into(),
                    send_on: "2026-12-12".into(),
                    owner: dana.into(),
                    sent_on: sent_on.map(Into::into),
                    ..CommunicationDraft::default()
                },
            )
            .unwrap();
    }

    assert_eq!(
        titles(&o),
        vec![
            ("Print badges".into(), WeekTiming::Overdue),
            ("Test the kiosk".into(), WeekTiming::DueThisWeek),
            ("Wire the lobby".into(), WeekTiming::Blocked),
        ],
        "open tasks of Dana's due by Sunday or blocked; not done ones, not Lee's, not a closed rollout's"
    );
    let week = o.store.my_week(&o.dana, date(TODAY)).unwrap();
    let criteria: Vec<_> = week
        .criteria
        .iter()
        .map(|c| (c.title.as_str(), c.timing))
        .collect();
    assert_eq!(
        criteria,
        vec![("Kiosks tested at both desks", WeekTiming::Upcoming)],
        "a criterion not met, its go-live within four weeks"
    );
    let messages: Vec<_> = week
        .messages
        .iter()
        .map(|m| (m.audience.as_str(), m.timing))
        .collect();
    assert_eq!(messages, vec![("Front desk", WeekTiming::DueThisWeek)]);
    assert_eq!(
        (
            week.counts.overdue,
            week.counts.blocked,
            week.counts.due_this_week,
            week.counts.upcoming,
            week.counts.total
        ),
        (1, 1, 2, 1, 5),
        "each line counted once, by how it stands"
    );

    let panel: Vec<_> = o
        .store
        .open_tasks_of(&o.dana, date(TODAY))
        .unwrap()
        .into_iter()
        .map(|t| (t.title, t.timing))
        .collect();
    assert!(
        panel.contains(&("Train the float pool".into(), WeekTiming::Upcoming)),
        "the person's panel lists every open task, later ones too: {panel:?}"
    );
    assert_eq!(panel.len(), 4);
}

#[test]
fn ticking_off_writes_the_one_field_and_refuses_a_stale_line() {
    let o = office();
    task(
        &o,
        &o.open,
        "Test the kiosk",
        "Dana Whitfield",
        "2026-12-11",
        TaskStatus::Doing,
    );
    let week = o.store.my_week(&o.dana, date(TODAY)).unwrap();
    let line = &week.tasks[0];
    let item = WeekItem::Task {
        id: line.task_id.clone(),
        row_version: line.row_version,
    };
    o.store.complete_week_item(&item, date(TODAY)).unwrap();
    let done = o.store.get_task(&line.task_id).unwrap();
    assert_eq!(done.status, TaskStatus::Done);
    assert_eq!(done.title, "Test the kiosk", "nothing else changed");
    assert_eq!(done.due_date, Some(date("2026-12-11")));
    assert!(titles(&o).is_empty(), "a task done leaves the week");

    let again = o.store.complete_week_item(&item, date(TODAY));
    assert!(
        matches!(again, Err(CoreError::Conflict(_))),
        "the line was drawn before the task changed: {again:?}"
    );
}

#[test]
fn ticking_a_message_off_marks_it_sent_today() {
    let o = office();
    let message = o
        .store
        .create_communication(
            &o.open,
            &CommunicationDraft {
                audience: "Front desk".into(),
                message: "Kiosks start Monday".into(),
                send_on: "2026-12-08".into(),
                owner: "Dana Whitfield".into(),
                ..CommunicationDraft::default()
            },
        )
        .unwrap();
    let week = o.store.my_week(&o.dana, date(TODAY)).unwrap();
    assert_eq!(week.messages[0].timing, WeekTiming::Overdue);
    o.store
        .complete_week_item(
            &WeekItem::Message {
                id: message.id.clone(),
                row_version: message.row_version,
            },
            date(TODAY),
        )
        .unwrap();
    let sent = &o.store.list_communications(&o.open).unwrap()[0];
    assert_eq!(sent.sent_on, Some(date(TODAY)));
    assert_eq!(sent.message, "Kiosks start Monday");
    assert!(o
        .store
        .my_week(&o.dana, date(TODAY))
        .unwrap()
        .messages
        .is_empty());
}

#[test]
fn an_unknown_person_has_no_week() {
    let o = office();
    assert!(o.store.my_week("no-such-person", date(TODAY)).is_err());
}

#[test]
fn in_the_sample_clinic_the_practice_manager_chases_her_rollouts_training() {
    let store = Store::open_in_memory().unwrap();
    let today = date(TODAY);
    crate::demo::seed_sample_clinic(&store, today).unwrap();
    let dana = store
        .list_people(false)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Dana Whitfield")
        .unwrap();
    let week = store.my_week(&dana.id, today).unwrap();
    let ehr = store
        .list_rollouts()
        .unwrap()
        .into_iter()
        .find(|r| r.owner.starts_with("Dana Whitfield,"))
        .unwrap();
    assert!(
        week.training
            .iter()
            .any(|t| !t.own && t.rollout_id.as_deref() == Some(ehr.id.as_str())),
        "the EHR go-live's owner, written with her title, chases its training: {:?}",
        week.training
    );
    let mut records: Vec<&str> = week
        .training
        .iter()
        .map(|t| t.due.record_id.as_str())
        .collect();
    records.sort_unstable();
    records.dedup();
    assert_eq!(records.len(), week.training.len(), "each record once");
    assert_eq!(
        week.counts.total,
        (week.tasks.len()
            + week.criteria.len()
            + week.messages.len()
            + week.training.len()
            + week.measurements.len()
            + week.reviews.len()) as i64
    );
}
