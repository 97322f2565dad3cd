//! docs/bundle.schema.json describes what the exporter writes. A small validator of the
//! schema keywords the file uses (type, enum, const, required, properties,
//! additionalProperties, items, $ref, minimum/maximum, date formats) checks real
//! exports of the sample clinic against it; a full JSON Schema engine would pull in a
//! few dozen crates for the same answer.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use rollplan_core::bundle::bundle_to_json;
use rollplan_core::plan::TaskStatus;
use rollplan_core::rollouts::{Phase, RolloutKind};
use rollplan_core::Store;
use serde_json::Value;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/bundle.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file"))
        .expect("schema is JSON")
}

fn validate(schema: &Value, root: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return validate(&root["$defs"][name], root, value, path, errors);
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let fits =
            allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number"));
        if !fits {
            errors.push(format!("{path}: {actual} is not {allowed:?}"));
            return;
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            errors.push(format!("{path}: {value} is not one of {options:?}"));
        }
    }
    if let Some(expected) = schema.get("const") {
        if expected != value {
            errors.push(format!("{path}: {value} is not {expected}"));
        }
    }
    if let (Some(format), Some(text)) =
        (schema.get("format").and_then(Value::as_str), value.as_str())
    {
        let ok = match format {
            "date" => NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
            "date-time" => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            _ => true,
        };
        if !ok {
            errors.push(format!("{path}: '{text}' is not a {format}"));
        }
    }
    if let Some(number) = value.as_f64() {
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|min| number < min)
            || schema
                .get("maximum")
                .and_then(Value::as_f64)
                .is_some_and(|max| number > max)
        {
            errors.push(format!("{path}: {number} is out of range"));
        }
    }
    if let Value::Object(object) = value {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = key.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                errors.push(format!("{path}: missing {key}"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, item) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(property) => validate(property, root, item, &format!("{path}.{key}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: {key} is not in the schema"));
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (index, item) in items.iter().enumerate() {
            validate(item_schema, root, item, &format!("{path}[{index}]"), errors);
        }
    }
}

#[test]
fn exported_bundles_of_the_sample_clinic_match_the_schema() {
    let store = Store::open_in_memory().expect("store");
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let schema = schema();
    // Both rollouts waves of the sample's programme (the EHR go-live already is), so
    // the programme is checked too.
    let programme = store
        .find_programme(rollplan_core::demo::SAMPLE_PROGRAMME)
        .expect("the sample clinic's programme");
    for rollout in &rollouts[1..] {
        store
            .add_rollout_to_programme(&programme.id, &rollout.id)
            .expect("wave");
    }
    for rollout in &rollouts {
        // A draft and a sent status, so the weekly statuses are checked too.
        let draft = store
            .save_status(Some(&rollout.id), today, today)
            .expect("status");
        let sent = store
            .save_status(Some(&rollout.id), today, today)
            .expect("status");
        store
            .mark_status_sent(&sent.id, sent.row_version)
            .expect("sent");
        assert_eq!(draft.rollout_id.as_deref(), Some(rollout.id.as_str()));
        // And a debrief with a link and an action, so debriefs are checked too.
        let task = store.list_tasks(&rollout.id).expect("tasks").remove(0);
        store
            .create_debrief(
                &rollout.id,
                &rollplan_core::debriefs::DebriefDraft {
                    held_on: today.to_string(),
                    title: "Pilot week".into(),
                    broke_links: vec![rollplan_core::debriefs::DebriefLink {
                        kind: rollplan_core::debriefs::LinkKind::Task,
                        id: task.id,
                    }],
                    actions: vec![rollplan_core::debriefs::ActionDraft {
                        title: "Add the check".into(),
                        owner: "Dana Whitfield".into(),
                        due_date: today.to_string(),
                    }],
                    ..Default::default()
                },
            )
            .expect("debrief");
        for include_people in [false, true] {
            let bundle = store
                .export_bundle(&rollout.id, include_people, today)
                .expect("export");
            let json: Value =
                serde_json::from_str(&bundle_to_json(&bundle).expect("json")).expect("parse");
            let mut errors = Vec::new();
            validate(&schema, &schema, &json, "bundle", &mut errors);
            assert!(
                errors.is_empty(),
                "'{}' (people: {include_people}) breaks the schema: {errors:#?}",
                rollout.name
            );
        }
    }
}

#[test]
fn the_validator_catches_what_the_schema_forbids() {
    let store = Store::open_in_memory().expect("store");
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    let rollout = rollplan_core::demo::seed_sample_clinic(&store, today)
        .expect("demo")
        .remove(0);
    let bundle = store
        .export_bundle(&rollout.id, false, today)
        .expect("export");
    let mut json: Value =
        serde_json::from_str(&bundle_to_json(&bundle).expect("json")).expect("parse");
    json["tasks"][0]["status"] = Value::from("urgent");
    json["risks"][0]["surprise"] = Value::from(1);
    json.as_object_mut().expect("object").remove("metrics");
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, &json, "bundle", &mut errors);
    assert_eq!(errors.len(), 3, "each break is found: {errors:#?}");
}

#[test]
fn the_schema_lists_every_value_of_the_enums() {
    let schema = schema();
    let codes = |def: &str, field: &str| -> Vec<String> {
        schema["$defs"][def]["properties"][field]["enum"]
            .as_array()
            .expect("enum")
            .iter()
            .map(|v| v.as_str().expect("code").to_owned())
            .collect()
    };
    let all = |codes: Vec<&str>| codes.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        codes("rollout", "kind"),
        all(RolloutKind::ALL.iter().map(|k| k.code()).collect())
    );
    assert_eq!(
        codes("rollout", "phase"),
        all(Phase::ALL.iter().map(|p| p.code()).collect())
    );
    assert_eq!(
        codes("task", "status"),
        all(TaskStatus::ALL.iter().map(|s| s.code()).collect())
    );
}
