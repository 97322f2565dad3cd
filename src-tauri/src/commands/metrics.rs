//! Adoption metrics: definitions with watch and act levels, measurements, status
//! against the thresholds and the line from baseline to target, charts, templates.

use rollplan_core::import::parse_table;
use rollplan_core::metrics::{
    list_metric_templates, Measurement, MeasurementDraft, MeasurementImportReport, Metric,
    MetricChart, MetricDraft, MetricStatus, MetricTemplate, QuickEntry, RecordedMeasurement,
    TemplateChoices, TemplateLevels, Threshold, ThresholdDraft,
};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_metrics(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<Metric>> {
    Ok(state.store()?.list_metrics(&rollout_id)?)
}

#[tauri::command(async)]
pub fn get_metric(state: State<'_, AppState>, id: String) -> Reply<Metric> {
    Ok(state.store()?.get_metric(&id)?)
}

#[tauri::command(async)]
pub fn create_metric(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: MetricDraft,
) -> Reply<Metric> {
    Ok(state.store()?.create_metric(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_metric(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: MetricDraft,
) -> Reply<Metric> {
    Ok(state
        .store()?
        .update_metric(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_metric(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_metric(&id)?)
}

#[tauri::command(async)]
pub fn restore_metric(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_metric(&id)?)
}

#[tauri::command(async)]
pub fn create_threshold(
    state: State<'_, AppState>,
    metric_id: String,
    draft: ThresholdDraft,
) -> Reply<Threshold> {
    Ok(state.store()?.create_threshold(&metric_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_threshold(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: ThresholdDraft,
) -> Reply<Threshold> {
    Ok(state
        .store()?
        .update_threshold(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_threshold(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_threshold(&id)?)
}

#[tauri::command(async)]
pub fn list_measurements(state: State<'_, AppState>, metric_id: String) -> Reply<Vec<Measurement>> {
    Ok(state.store()?.list_measurements(&metric_id)?)
}

#[tauri::command(async)]
pub fn record_measurement(
    state: State<'_, AppState>,
    metric_id: String,
    draft: MeasurementDraft,
) -> Reply<RecordedMeasurement> {
    Ok(state.store()?.record_measurement(&metric_id, &draft)?)
}

#[tauri::command(async)]
pub fn record_measurements(
    state: State<'_, AppState>,
    rollout_id: String,
    measured_on: String,
    entries: Vec<QuickEntry>,
) -> Reply<Vec<RecordedMeasurement>> {
    Ok(state
        .store()?
        .record_measurements(&rollout_id, &measured_on, &entries)?)
}

#[tauri::command(async)]
pub fn trash_measurement(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_measurement(&id)?)
}

#[tauri::command(async)]
pub fn restore_measurement(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_measurement(&id)?)
}

#[tauri::command(async)]
pub fn rollout_metric_statuses(
    state: State<'_, AppState>,
    rollout_id: String,
) -> Reply<Vec<MetricStatus>> {
    Ok(state
        .store()?
        .rollout_metric_statuses(&rollout_id, today())?)
}

#[tauri::command(async)]
pub fn metrics_needing_attention(
    state: State<'_, AppState>,
    rollout_id: Option<String>,
) -> Reply<Vec<MetricStatus>> {
    Ok(state
        .store()?
        .metrics_needing_attention(rollout_id.as_deref(), today())?)
}

#[tauri::command(async)]
pub fn metric_chart(state: State<'_, AppState>, metric_id: String) -> Reply<MetricChart> {
    Ok(state.store()?.metric_chart(&metric_id, today())?)
}

#[tauri::command(async)]
pub fn add_metric_from_template(
    state: State<'_, AppState>,
    rollout_id: String,
    template_key: String,
    choices: TemplateChoices,
) -> Reply<Metric> {
    Ok(state
        .store()?
        .add_metric_from_template(&rollout_id, &template_key, &choices)?)
}

/// The built-in metric templates.
#[tauri::command]
pub fn metric_templates() -> Vec<MetricTemplate> {
    list_metric_templates()
}

/// A template's watch and act levels placed from a baseline and target.
#[tauri::command]
pub fn metric_template_levels(
    template_key: String,
    baseline: Option<f64>,
    target: Option<f64>,
) -> Reply<TemplateLevels> {
    Ok(rollplan_core::metrics::metric_template_levels(
        &template_key,
        baseline,
        target,
    )?)
}

/// What importing the picked measurements file would do; writes nothing.
#[tauri::command(async)]
pub fn preview_measurement_import(
    state: State<'_, AppState>,
    rollout_id: String,
    file_name: String,
    contents: Vec<u8>,
) -> Reply<MeasurementImportReport> {
    let table = parse_table(&file_name, contents)?;
    Ok(state
        .store()?
        .preview_measurement_import(&rollout_id, &table)?)
}

/// Imports the picked measurements file: every row, or nothing when any row is wrong.
#[tauri::command(async)]
pub fn import_measurements(
    state: State<'_, AppState>,
    rollout_id: String,
    file_name: String,
    contents: Vec<u8>,
) -> Reply<MeasurementImportReport> {
    let table = parse_table(&file_name, contents)?;
    Ok(state.store()?.import_measurements(&rollout_id, &table)?)
}
