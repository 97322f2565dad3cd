//! The calendar as a calendar app reads it, through the `icalendar` parser: every event
//! says which rollout it belongs to and carries SEQUENCE and LAST-MODIFIED, which rise
//! when the record behind it changes; many training dues on one day come as one event.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use chrono::{DateTime, Utc};
use export_common::{fixture, python, today, Fixture};
use rollplan_core::export::rollout_ics;
use rollplan_core::plan::TaskKind;
use rollplan_core::training::{ModuleDraft, TrainingFormat};
use serde_json::Value;

const READ_CALENDAR: &str = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = []
for e in cal.walk("VEVENT"):
    modified = e.get("LAST-MODIFIED")
    events.append({
        "uid": str(e.get("UID")),
        "summary": str(e.get("SUMMARY")),
        "description": str(e.get("DESCRIPTION", "")),
        "start": e.decoded("DTSTART").isoformat(),
        "sequence": e.decoded("SEQUENCE") if "SEQUENCE" in e else None,
        "last_modified": modified.dt.isoformat() if modified is not None else None,
        "utc": modified is not None and modified.dt.utcoffset() is not None
            and modified.dt.utcoffset().total_seconds() == 0,
    })
print(json.dumps(events))
"#;

/// The fixture's calendar as icalendar parses it.
fn events(f: &Fixture) -> Vec<Value> {
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("rollout.ics");
    std::fs::write(&path, rollout_ics(&report, Utc::now())).expect("write");
    python(READ_CALENDAR, &[&path])
        .as_array()
        .expect("events")
        .clone()
}

fn event<'e>(events: &'e [Value], uid: &str) -> &'e Value {
    events
        .iter()
        .find(|e| e["uid"] == uid)
        .unwrap_or_else(|| panic!("no event {uid} in {events:?}"))
}

fn modified(event: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(event["last_modified"].as_str().expect("LAST-MODIFIED"))
        .expect("a timestamp")
        .with_timezone(&Utc)
}

#[test]
fn every_event_names_the_rollout_and_carries_sequence_and_last_modified() {
    let f = fixture();
    let rollout = f.store.get_rollout(&f.rollout).expect("rollout").name;
    let events = events(&f);
    assert!(
        events.len() >= 3,
        "the fixture has dated events: {events:?}"
    );
    for e in &events {
        assert!(
            e["summary"].as_str().expect("summary").contains(&rollout),
            "the summary names the rollout {rollout:?}: {e}"
        );
        assert!(e["sequence"].is_i64(), "the event has a SEQUENCE: {e}");
        assert!(
            e["utc"] == true,
            "the event has a LAST-MODIFIED in UTC: {e}"
        );
    }
}

#[test]
fn changing_a_record_raises_its_events_sequence() {
    let f = fixture();
    let task = f
        .store
        .rollout_report(&f.rollout, today())
        .expect("report")
        .tasks
        .into_iter()
        .find(|t| t.kind == TaskKind::Milestone)
        .expect("the fixture's go-live milestone");
    let uid = format!("task-{}@rollplan", task.id);
    let before = events(&f);
    let mut edit = task.draft();
    edit.title = "Go-live, all sites".into();
    f.store
        .update_task(&task.id, task.row_version, &edit)
        .expect("the milestone is renamed");
    let after = events(&f);
    let (old, new) = (event(&before, &uid), event(&after, &uid));
    assert!(
        new["sequence"].as_i64() > old["sequence"].as_i64(),
        "a changed milestone has a higher SEQUENCE: {old} then {new}"
    );
    assert!(
        modified(new) >= modified(old),
        "its LAST-MODIFIED is not earlier: {old} then {new}"
    );
    assert!(
        new["summary"]
            .as_str()
            .expect("summary")
            .contains("Go-live, all sites"),
        "the event shows the change: {new}"
    );
    assert_eq!(
        before.len(),
        after.len(),
        "the same events, updated rather than added"
    );
}

#[test]
fn many_training_dues_on_one_day_become_one_event_listing_them() {
    let f = fixture();
    let role = f
        .store
        .list_roles()
        .expect("roles")
        .into_iter()
        .find(|r| r.name == "Front desk")
        .expect("seeded role")
        .id;
    let require = |title: &str| {
        let module = f
            .store
            .create_training_module(&ModuleDraft {
                title: title.into(),
                format: TrainingFormat::TipSheet,
                duration_minutes: 10,
                description: String::new(),
            })
            .expect("module");
        f.store
            .add_requirement(&f.rollout, &role, &module.id, "2027-03-12", &[])
            .expect("requirement");
    };
    let titles = [
        "Check-in",
        "Eligibility",
        "Copays",
        "Portal sign-up",
        "Scanning",
    ];
    for title in titles {
        require(title);
    }
    let events = events(&f);
    let on_the_day: Vec<&Value> = events
        .iter()
        .filter(|e| e["start"] == "2027-03-12")
        .collect();
    assert_eq!(
        on_the_day.len(),
        1,
        "five dues on one day are one event: {on_the_day:?}"
    );
    let folded = on_the_day[0];
    assert_eq!(
        folded["uid"],
        format!("training-{}-20270312@rollplan", f.rollout),
        "its UID is the rollout's and the day's, stable from one export to the next"
    );
    let description = folded["description"].as_str().expect("description");
    for title in titles {
        assert!(
            description.contains(&format!("Front desk: {title}")),
            "the event lists {title}: {description}"
        );
    }
    let requirements = f.store.list_requirements(&f.rollout).expect("requirements");
    let latest = requirements
        .iter()
        .filter(|q| q.due_date.to_string() == "2027-03-12")
        .map(|q| q.updated_at.timestamp())
        .max()
        .expect("the day's requirements");
    assert!(
        modified(folded).timestamp() >= latest,
        "its LAST-MODIFIED is the latest of its dues: {folded}"
    );
    assert!(
        events
            .iter()
            .any(|e| e["start"] == "2027-03-08" && e["uid"] != folded["uid"]),
        "a day with one due keeps its own event"
    );

    require("Referrals");
    let after = self::events(&f);
    let refolded = event(&after, folded["uid"].as_str().expect("uid"));
    assert!(
        refolded["sequence"].as_i64() > folded["sequence"].as_i64(),
        "a due joining the day raises the event's SEQUENCE: {folded} then {refolded}"
    );
    assert!(
        refolded["description"]
            .as_str()
            .expect("description")
            .contains("Front desk: Referrals"),
        "and the event lists it: {refolded}"
    );
}
