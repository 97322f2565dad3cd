//! Defining metrics through the store: the definition and its checks field by field,
//! watch and act levels that must come in the right order, and a metric from a template.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod metrics_common;

use metrics_common::{act, date, fields, portal_activation, watch, workspace};
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::metrics::{Direction, MetricDraft, MetricUnit, ThresholdLevel};
use rollplan_core::plan::UNKNOWN_OWNER_FIELD;

#[test]
fn a_metric_is_defined_with_its_owner_baseline_and_target_and_audited() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    assert_eq!(metric.owner_name, "Priya Nair");
    assert_eq!(metric.baseline.map(|b| b.value), Some(30.0));
    assert_eq!(metric.target.map(|t| t.date), Some(date("2026-12-31")));
    assert_eq!(store.list_metrics(&rollout).expect("list").len(), 1);
    let history = store
        .history(EntityKind::Metric, &metric.id)
        .expect("history");
    assert_eq!(history[0].action, AuditAction::Create);
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.field == "target" && c.new.as_deref() == Some("60 on 2026-12-31")));
    let mut edited = metric.draft();
    edited.target_value = Some(65.0);
    let updated = store
        .update_metric(&metric.id, metric.row_version, &edited)
        .expect("update");
    assert_eq!(updated.row_version, metric.row_version + 1);
    let stale = store
        .update_metric(&metric.id, metric.row_version, &edited)
        .expect_err("stale");
    assert_eq!(
        stale.code(),
        "conflict",
        "an edit from an old copy is refused"
    );
}

#[test]
fn a_target_in_the_wrong_direction_is_refused_on_the_target() {
    let (store, rollout) = workspace();
    let mut draft = portal_activation();
    draft.target_value = Some(25.0);
    let errors = fields(
        store
            .create_metric(&rollout, &draft)
            .expect_err("wrong way"),
    );
    assert_eq!(errors[0].field, "target_value");
    assert_eq!(
        errors[0].message,
        "Patient portal activation is better when higher, so the target (25%) cannot be below \
         the baseline (30%). Change the target, or the direction if higher is worse."
    );
    let lower = MetricDraft {
        name: "No-show rate".into(),
        direction: Direction::LowerIsBetter,
        baseline_value: Some(14.0),
        baseline_date: Some("2026-11-01".into()),
        target_value: Some(16.0),
        target_date: Some("2026-12-01".into()),
        ..MetricDraft::default()
    };
    let errors = fields(
        store
            .create_metric(&rollout, &lower)
            .expect_err("wrong way"),
    );
    assert!(
        errors[0]
            .message
            .contains("cannot be above the baseline (14%)"),
        "{:?}",
        errors
    );
    assert!(
        store.list_metrics(&rollout).expect("list").is_empty(),
        "nothing was written"
    );
}

#[test]
fn dates_percentages_and_owners_are_checked_field_by_field() {
    let (store, rollout) = workspace();
    let mut draft = portal_activation();
    draft.target_date = Some("2026-10-01".into());
    draft.baseline_value = Some(130.0);
    draft.owner = "Nobody Known".into();
    let errors = fields(store.create_metric(&rollout, &draft).expect_err("bad"));
    let field_names: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(field_names, ["baseline_value", UNKNOWN_OWNER_FIELD]);
    assert_eq!(
        errors[0].message,
        "A percentage is between 0 and 100: the baseline cannot be 130."
    );
    let mut draft = portal_activation();
    draft.target_date = Some("2026-10-01".into());
    let errors = fields(store.create_metric(&rollout, &draft).expect_err("bad"));
    assert_eq!(errors[0].field, "target_date");
    assert_eq!(
        errors[0].message,
        "The target date (2026-10-01) must come after the baseline date (2026-11-01)."
    );
    let mut draft = portal_activation();
    draft.baseline_date = None;
    let errors = fields(store.create_metric(&rollout, &draft).expect_err("bad"));
    assert_eq!(errors[0].field, "baseline_date");
    assert_eq!(errors[0].message, "Give the date of the baseline.");
    store
        .create_metric(&rollout, &portal_activation())
        .expect("first");
    let mut twin = portal_activation();
    twin.name = "patient PORTAL activation".into();
    let errors = fields(store.create_metric(&rollout, &twin).expect_err("twin"));
    assert_eq!(
        errors[0].message,
        "This rollout already has a metric called 'Patient portal activation'."
    );
}

#[test]
fn thresholds_must_put_watch_before_act() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    store
        .create_threshold(&metric.id, &watch(45.0))
        .expect("watch");
    let errors = fields(
        store
            .create_threshold(&metric.id, &act(50.0))
            .expect_err("above watch"),
    );
    assert_eq!(errors[0].field, "value");
    assert_eq!(
        errors[0].message,
        "When higher is better the act level must be below the watch level (45%), so that \
         watch comes before act; 50% is not."
    );
    let errors = fields(
        store
            .create_threshold(&metric.id, &act(45.0))
            .expect_err("equal"),
    );
    assert_eq!(
        errors[0].field, "value",
        "an act level equal to watch is refused too"
    );
    let act = store
        .create_threshold(&metric.id, &act(35.0))
        .expect("act below watch");
    assert_eq!(act.acted_by, "Priya Nair");
    let errors = fields(
        store
            .create_threshold(&metric.id, &watch(50.0))
            .expect_err("second watch"),
    );
    assert_eq!(errors[0].field, "level");
    let mut no_action = watch(40.0);
    no_action.action = " ".into();
    no_action.level = ThresholdLevel::Watch;
    let loaded = store.get_metric(&metric.id).expect("metric");
    let watch_id = loaded.watch.as_ref().expect("watch").id.clone();
    let errors = fields(
        store
            .update_threshold(&watch_id, 1, &no_action)
            .expect_err("no action"),
    );
    assert_eq!(errors[0].field, "action");
    assert_eq!(
        loaded.watch.as_ref().map(|t| t.acted_by.as_str()),
        Some("front-desk lead")
    );

    // Lower is better: act above watch.
    let lower = store
        .create_metric(
            &rollout,
            &MetricDraft {
                name: "No-show rate".into(),
                direction: Direction::LowerIsBetter,
                ..MetricDraft::default()
            },
        )
        .expect("no-show");
    store
        .create_threshold(&lower.id, &watch(12.0))
        .expect("watch");
    let errors = fields(
        store
            .create_threshold(&lower.id, &self::act(10.0))
            .expect_err("below"),
    );
    assert!(errors[0]
        .message
        .starts_with("When lower is better the act level must be above"));
    store
        .create_threshold(&lower.id, &self::act(15.0))
        .expect("act above watch");
    let mut turned = lower.draft();
    turned.direction = Direction::HigherIsBetter;
    let current = store.get_metric(&lower.id).expect("metric");
    let errors = fields(
        store
            .update_metric(&lower.id, current.row_version, &turned)
            .expect_err("turn"),
    );
    assert_eq!(
        errors[0].field, "direction",
        "turning the direction would invert the levels"
    );
}

#[test]
fn a_metric_from_a_template_comes_with_its_levels_and_actions() {
    use rollplan_core::metrics::{list_metric_templates, TemplateChoices};

    let (store, rollout) = workspace();
    let templates = list_metric_templates();
    let no_show = templates
        .iter()
        .find(|t| t.key == "no_show_rate")
        .expect("the no-show template");
    assert_eq!(no_show.direction, Direction::LowerIsBetter);
    assert_eq!(no_show.unit, MetricUnit::Percent);
    let metric = store
        .add_metric_from_template(
            &rollout,
            "no_show_rate",
            &TemplateChoices {
                owner: "Priya Nair".into(),
                baseline_value: Some(14.0),
                baseline_date: Some("2026-11-01".into()),
                target_value: Some(9.0),
                target_date: Some("2026-12-01".into()),
                act_level: Some(16.0),
                ..TemplateChoices::default()
            },
        )
        .expect("from the template");
    assert_eq!(metric.name, "No-show rate");
    assert_eq!(metric.owner_name, "Priya Nair");
    let watch = metric.watch.as_ref().expect("placed watch level");
    assert_eq!(
        (watch.value, watch.acted_by.as_str()),
        (14.0, "front-desk lead"),
        "watch follows the 14% baseline, not the template's fixed 12%"
    );
    let act = metric.act.as_ref().expect("chosen act level");
    assert_eq!(act.value, 16.0, "a chosen level replaces the suggestion");
    assert_eq!(act.action, "Add a second reminder 24 h before the visit");

    let wrong_way = store
        .add_metric_from_template(
            &rollout,
            "portal_activation",
            &TemplateChoices {
                baseline_value: Some(40.0),
                baseline_date: Some("2026-11-01".into()),
                target_value: Some(30.0),
                target_date: Some("2026-12-01".into()),
                ..TemplateChoices::default()
            },
        )
        .expect_err("a falling target for a rising metric");
    assert_eq!(fields(wrong_way)[0].field, "target_value");
    assert_eq!(
        store.list_metrics(&rollout).expect("list").len(),
        1,
        "nothing half-added"
    );
    let unknown = store
        .add_metric_from_template(&rollout, "happiness", &TemplateChoices::default())
        .expect_err("unknown");
    assert!(unknown
        .to_string()
        .starts_with("Unknown metric template 'happiness': use one of training_completion"));
}
