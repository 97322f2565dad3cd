//! Adding a metric from each template as a practice manager does: a baseline and target
//! of their own, *Who acts* as they would write it, and levels that follow the baseline.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use rollplan_core::metrics::{
    list_metric_templates, Direction, MeasurementDraft, MetricState, MetricTemplate, MetricUnit,
    TemplateChoices, ACTED_BY_FIELD,
};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::UNKNOWN_OWNER_FIELD;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, FieldError, Store};

fn workspace() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    for name in ["Priya Nair", "Grace Kim"] {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                ..PersonDraft::default()
            })
            .expect("person");
    }
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            go_live_date: Some("2026-09-01".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn fields(error: CoreError) -> Vec<FieldError> {
    match error {
        CoreError::Validation(fields) => fields,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A realistic start and goal for a template, the good way round: a clinic part of the
/// way there, aiming clearly better.
fn baseline_and_target(template: &MetricTemplate) -> (f64, f64) {
    match (template.unit, template.direction) {
        (MetricUnit::Percent, Direction::HigherIsBetter) => (62.0, 90.0),
        (MetricUnit::Percent, Direction::LowerIsBetter) => (14.0, 9.0),
        (MetricUnit::Score, _) => (3.2, 4.0),
        (_, Direction::LowerIsBetter) => (30.0, 18.0),
        (_, Direction::HigherIsBetter) => (40.0, 60.0),
    }
}

fn choices(baseline: f64, target: f64, acted_by: &str) -> TemplateChoices {
    TemplateChoices {
        owner: "Priya Nair".into(),
        baseline_value: Some(baseline),
        baseline_date: Some("2026-06-01".into()),
        target_value: Some(target),
        target_date: Some("2026-12-01".into()),
        acted_by: acted_by.into(),
        ..TemplateChoices::default()
    }
}

fn record(store: &Store, metric_id: &str, on: &str, value: f64) {
    store
        .record_measurement(
            metric_id,
            &MeasurementDraft {
                measured_on: on.into(),
                value,
                ..MeasurementDraft::default()
            },
        )
        .expect("a value");
}

#[test]
fn every_template_is_accepted_with_levels_placed_from_its_baseline() {
    let templates = list_metric_templates();
    for template in &templates {
        let (store, rollout) = workspace();
        let (baseline, target) = baseline_and_target(template);
        let metric = store
            .add_metric_from_template(
                &rollout,
                &template.key,
                &choices(baseline, target, &template.acted_by_role),
            )
            .unwrap_or_else(|e| panic!("{}: refused: {e}", template.key));
        let (watch, act) = (
            metric.watch.as_ref().expect("watch").value,
            metric.act.as_ref().expect("act").value,
        );
        assert_eq!(
            watch, baseline,
            "{}: watch sits at the baseline",
            template.key
        );
        assert!(
            template.direction.is_worse(act, watch),
            "{}: act ({act}) lies past watch ({watch})",
            template.key
        );
        assert_eq!(
            metric.act.as_ref().map(|t| t.acted_by.as_str()),
            Some(template.acted_by_role.as_str()),
            "{}: the template's role acts",
            template.key
        );

        let status = |on: &str| store.metric_status(&metric.id, day(on)).expect("status");
        assert_eq!(
            status("2026-06-02").state,
            MetricState::NoData,
            "{}: a new metric with no values has no data, never act",
            template.key
        );
        record(&store, &metric.id, "2026-06-01", baseline);
        assert_eq!(
            status("2026-06-02").state,
            MetricState::OnTrack,
            "{}: a first value at the baseline, on the baseline date, is on the line",
            template.key
        );
        record(&store, &metric.id, "2026-07-06", baseline);
        let stalled = status("2026-07-07");
        assert_eq!(
            stalled.state,
            MetricState::Watch,
            "{}: still at the baseline five weeks on is behind the line, not on track \
             and not act: {}",
            template.key,
            stalled.reason
        );
        let attention = store
            .metrics_needing_attention(Some(&rollout), day("2026-07-07"))
            .expect("attention");
        assert_eq!(attention.len(), 1, "{}: listed once", template.key);
        let worse = match template.direction {
            Direction::HigherIsBetter => act - (watch - act),
            Direction::LowerIsBetter => act + (act - watch),
        };
        record(&store, &metric.id, "2026-07-13", worse);
        assert_eq!(
            status("2026-07-14").state,
            MetricState::Act,
            "{}: a value past the act level is act",
            template.key
        );
    }
}

#[test]
fn levels_set_by_hand_replace_the_placed_ones() {
    let (store, rollout) = workspace();
    let metric = store
        .add_metric_from_template(
            &rollout,
            "charts_closed_same_day",
            &TemplateChoices {
                watch_level: Some(60.0),
                act_level: Some(50.0),
                ..choices(62.0, 90.0, "")
            },
        )
        .expect("from the template");
    assert_eq!(
        (
            metric.watch.expect("watch").value,
            metric.act.expect("act").value
        ),
        (60.0, 50.0)
    );
}

#[test]
fn who_acts_may_be_a_role_a_person_or_both() {
    let (store, rollout) = workspace();
    let cases = [
        (
            "charts_closed_same_day",
            "physician champion",
            None,
            "physician champion",
        ),
        (
            "no_show_rate",
            "Priya Nair, front-desk lead",
            Some("Priya Nair"),
            "Priya Nair, front-desk lead",
        ),
        (
            "proficiency_pass_rate",
            "Grace Kim",
            Some("Grace Kim"),
            "Grace Kim, training lead",
        ),
        (
            "portal_activation",
            "Dr. Amara Okafor, CMO",
            None,
            "Dr. Amara Okafor, CMO",
        ),
        ("denial_rate", "", None, "billing lead"),
    ];
    for (key, typed, person, shown) in cases {
        let template = list_metric_templates()
            .into_iter()
            .find(|t| t.key == key)
            .expect("template");
        let (baseline, target) = baseline_and_target(&template);
        let metric = store
            .add_metric_from_template(&rollout, key, &choices(baseline, target, typed))
            .unwrap_or_else(|e| panic!("{typed:?} is accepted as who acts: {e}"));
        let watch = metric.watch.expect("watch");
        assert_eq!(
            (
                (!watch.owner_name.is_empty()).then_some(watch.owner_name.as_str()),
                watch.acted_by.as_str()
            ),
            (person, shown),
            "{typed:?} reads as the person and role the manager meant"
        );
    }
}

#[test]
fn a_refusal_lands_on_the_field_it_is_about() {
    let (store, rollout) = workspace();
    store
        .create_person(&PersonDraft {
            name: "Grace Kim".into(),
            ..PersonDraft::default()
        })
        .expect("a second Grace Kim");
    let errors = fields(
        store
            .add_metric_from_template(
                &rollout,
                "training_completion",
                &choices(62.0, 90.0, "Grace Kim"),
            )
            .expect_err("two people are called Grace Kim"),
    );
    assert_eq!(
        errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
        [ACTED_BY_FIELD],
        "the ambiguity is about who acts, not the metric's owner (valid)"
    );

    let errors = fields(
        store
            .add_metric_from_template(
                &rollout,
                "training_completion",
                &TemplateChoices {
                    watch_level: Some(140.0),
                    act_level: Some(50.0),
                    ..choices(62.0, 90.0, "")
                },
            )
            .expect_err("a percentage over 100"),
    );
    assert_eq!(errors[0].field, "watch_level", "{errors:?}");

    let errors = fields(
        store
            .add_metric_from_template(
                &rollout,
                "training_completion",
                &TemplateChoices {
                    owner: "Dr. Amara Okafor".into(),
                    ..choices(62.0, 90.0, "physician champion")
                },
            )
            .expect_err("the owner is a directory person"),
    );
    assert_eq!(
        errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
        [UNKNOWN_OWNER_FIELD],
        "an unknown owner is offered to the directory; who acts is fine as a role"
    );
    assert!(
        store.list_metrics(&rollout).expect("list").is_empty(),
        "nothing half-added"
    );
}
