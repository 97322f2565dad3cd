//! Structured damage to a JSON document, for fuzzing the bundle import: values deleted
//! or replaced, records duplicated, ids pointed elsewhere.

use proptest::prelude::*;
use serde_json::Value;

/// One structured change to the bundle's JSON.
#[derive(Debug, Clone)]
pub enum Mutation {
    Delete(usize),
    Replace(usize, Value),
    /// Replaces a string with another string, a number with another number, so the
    /// bundle still parses and the damage reaches the checks and the database.
    Retype(usize, String, f64),
    Duplicate(usize),
    /// Points an id or reference at another id of the bundle (any kind), or at none.
    Repoint(usize, usize, bool),
}

pub fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |x| x.is_finite())
            .prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        Just(Value::from(-1)),
        Just(Value::from(0)),
        Just(Value::from(1e300)),
        proptest::sample::select(vec![
            "",
            " ",
            "2026-02-30",
            "2026-13-01",
            "03/15/2026",
            "+002026-01-01",
            "262143-12-31",
            "urgent",
            "done",
            "milestone",
            "TakeTheirs",
            "percent",
            "\u{0}",
            "🙂",
            "00000000-0000-4000-8000-00000000dead",
            "rollplan-bundle",
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        (1usize..200_000).prop_map(|n| Value::from("x".repeat(n))),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "",
            " ",
            "\u{0}",
            "\t\n",
            "2026-02-30",
            "2026-13-01",
            "2026-1-1",
            "03/15/2026",
            "+002026-01-01",
            "-000001-01-01",
            "262143-12-31",
            "urgent",
            "done",
            "doing",
            "milestone",
            "percent",
            "dollars",
            "introduces",
            "retires",
            "approved",
            "🙂",
            "00000000-0000-4000-8000-00000000dead",
            "rollplan-bundle",
            "NULL",
            "'; DROP TABLE rollouts; --",
        ])
        .prop_map(String::from),
        any::<String>(),
        (1usize..100_000).prop_map(|n| "x".repeat(n)),
    ]
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<usize>().prop_map(Mutation::Delete),
        6 => (any::<usize>(), text(), any::<f64>().prop_filter("finite", |x| x.is_finite()))
            .prop_map(|(at, t, x)| Mutation::Retype(at, t, x)),
        4 => (any::<usize>(), any_value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        1 => any::<usize>().prop_map(Mutation::Duplicate),
        3 => (any::<usize>(), any::<usize>(), any::<bool>())
            .prop_map(|(at, to, dangling)| Mutation::Repoint(at, to, dangling)),
    ]
}

/// JSON pointers to every value in the document, the root excepted.
fn pointers(value: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(key, v)| {
            let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
            found.push(here.clone());
            pointers(v, here, found);
        }),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| {
            let here = format!("{at}/{i}");
            found.push(here.clone());
            pointers(v, here, found);
        }),
        _ => {}
    }
}

fn split(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').unwrap_or(("", pointer))
}

pub fn apply(document: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(document, String::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let pick = |i: usize| all[i % all.len()].clone();
    match mutation {
        Mutation::Delete(i) => {
            let pointer = pick(*i);
            let (parent, key) = split(&pointer);
            match document.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    if let Ok(index) = key.parse::<usize>() {
                        if index < items.len() {
                            items.remove(index);
                        }
                    }
                }
                _ => {}
            }
        }
        Mutation::Replace(i, value) => {
            if let Some(slot) = document.pointer_mut(&pick(*i)) {
                *slot = value.clone();
            }
        }
        Mutation::Retype(i, text, number) => match document.pointer_mut(&pick(*i)) {
            Some(slot @ Value::String(_)) => *slot = Value::from(text.as_str()),
            Some(slot @ Value::Number(_)) => {
                *slot = if number.fract() == 0.0 && number.abs() < 1e18 {
                    Value::from(*number as i64)
                } else {
                    Value::from(*number)
                }
            }
            Some(slot @ Value::Bool(_)) => *slot = Value::from(!slot.as_bool().unwrap_or(false)),
            _ => {}
        },
        Mutation::Duplicate(i) => {
            let pointer = pick(*i);
            let (parent, _) = split(&pointer);
            let copy = document.pointer(&pointer).cloned();
            if let (Some(Value::Array(items)), Some(copy)) = (document.pointer_mut(parent), copy) {
                items.push(copy);
            }
        }
        Mutation::Repoint(i, to, dangling) => {
            let ids: Vec<String> = all.iter().filter(|p| p.ends_with("id")).cloned().collect();
            if ids.is_empty() {
                return;
            }
            let target = if *dangling {
                Value::from("00000000-0000-4000-8000-00000000dead")
            } else {
                document
                    .pointer(&ids[to % ids.len()])
                    .cloned()
                    .unwrap_or(Value::Null)
            };
            if let Some(slot) = document.pointer_mut(&ids[i % ids.len()]) {
                *slot = target;
            }
        }
    }
}
