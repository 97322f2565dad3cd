//! The desktop app: a thin Tauri shell over rollplan-core.

mod commands;
mod dialogs;
mod drawing;
mod grants;
mod info;
mod screen_fit;
mod startup;
mod state;

pub use commands::backups::BackupList;
pub use commands::export::{ChosenBundle, ExportOptions};
pub use info::AppInfo;
pub use startup::StartupReport;

use tauri::{Emitter, Manager};

/// The event telling the window that the start-up check found the database damaged.
const DATABASE_DAMAGED: &str = "database-damaged";

/// Starts the app: opens the database, then the window.
pub fn run() {
    let startup = startup::Startup::now();
    let result = tauri::Builder::default()
        // First, so a second launch hands over to the running app before it opens
        // anything: one window on one database file.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // The database is opened once the single-instance check has let this launch
        // through: a second launch hands over without touching the file.
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                drawing::draw_in_software(&window)?;
                screen_fit::fit_to_work_area(&window)?;
            }
            let window = app.handle().clone();
            app.manage(state::AppState::open(move |damage| {
                let _ = window.emit(DATABASE_DAMAGED, damage);
            }));
            Ok(())
        })
        .manage(startup)
        .manage(grants::FileGrants::default())
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::first_screen_shown,
            commands::rollouts::list_rollouts,
            commands::rollouts::list_trashed_rollouts,
            commands::rollouts::get_rollout,
            commands::rollouts::create_rollout,
            commands::rollouts::update_rollout,
            commands::rollouts::trash_rollout,
            commands::rollouts::restore_rollout,
            commands::rollouts::purge_rollout,
            commands::rollouts::rollout_history,
            commands::rollouts::seed_sample_clinic,
            commands::app::choose_database,
            commands::app::use_default_database,
            commands::app::restart_app,
            commands::people::list_people,
            commands::people::create_person,
            commands::people::update_person,
            commands::people::trash_person,
            commands::people::restore_person,
            commands::people::person_history,
            commands::people::list_roles,
            commands::people::create_role,
            commands::people::preview_roster,
            commands::people::import_roster,
            commands::training::list_training_modules,
            commands::training::create_training_module,
            commands::training::update_training_module,
            commands::training::list_requirements,
            commands::training::add_requirement,
            commands::training::remove_requirement,
            commands::training::training_matrix,
            commands::training::rollout_training_completion,
            commands::training::update_training_record,
            commands::training::complete_training,
            commands::training::training_due,
            commands::training::person_training,
            commands::training::trash_training_module,
            commands::training::restore_training_module,
            commands::training::restore_requirement,
            commands::readiness::list_criteria,
            commands::readiness::create_criterion,
            commands::readiness::update_criterion,
            commands::readiness::criterion_history,
            commands::readiness::trash_criterion,
            commands::readiness::restore_criterion,
            commands::readiness::rollout_readiness,
            commands::readiness::rollout_statuses,
            commands::sops::list_sops,
            commands::sops::list_trashed_sops,
            commands::sops::get_sop,
            commands::sops::create_sop,
            commands::sops::update_sop,
            commands::sops::approve_sop,
            commands::sops::mark_sop_reviewed,
            commands::sops::trash_sop,
            commands::sops::restore_sop,
            commands::sops::purge_sop,
            commands::sops::sop_history,
            commands::sops::sop_revisions,
            commands::sops::sop_in_force_on,
            commands::sops::compare_sop_versions,
            commands::sops::search_sops,
            commands::sops::sops_due_for_review,
            commands::sops::link_sop_to_rollout,
            commands::sops::unlink_sop_from_rollout,
            commands::sops::sops_for_rollout,
            commands::sops::rollouts_for_sop,
            commands::plan::plan_view,
            commands::plan::create_phase,
            commands::plan::rename_phase,
            commands::plan::trash_phase,
            commands::plan::restore_phase,
            commands::plan::create_task,
            commands::plan::update_task,
            commands::plan::trash_task,
            commands::plan::restore_task,
            commands::plan::list_trashed_tasks,
            commands::plan::task_history,
            commands::plan::add_dependency,
            commands::plan::remove_dependency,
            commands::plan::preview_go_live_move,
            commands::plan::move_go_live,
            commands::plan::undo_plan_dates,
            commands::plan::preview_task_save,
            commands::plan::save_task,
            commands::plan::set_schedule_mode,
            commands::plan::preview_task_import,
            commands::plan::import_tasks,
            commands::workspace::rollout_overview,
            commands::workspace::list_risks,
            commands::workspace::risk_heat_map,
            commands::workspace::create_risk,
            commands::workspace::update_risk,
            commands::workspace::trash_risk,
            commands::workspace::restore_risk,
            commands::workspace::list_decisions,
            commands::workspace::create_decision,
            commands::workspace::update_decision,
            commands::workspace::trash_decision,
            commands::workspace::restore_decision,
            commands::workspace::list_communications,
            commands::workspace::create_communication,
            commands::workspace::update_communication,
            commands::workspace::trash_communication,
            commands::workspace::restore_communication,
            commands::workspace::list_stakeholders,
            commands::workspace::adkar_barriers,
            commands::workspace::create_stakeholder,
            commands::workspace::update_stakeholder,
            commands::workspace::trash_stakeholder,
            commands::workspace::restore_stakeholder,
            commands::workspace::list_scope_changes,
            commands::workspace::create_scope_change,
            commands::workspace::update_scope_change,
            commands::workspace::trash_scope_change,
            commands::workspace::restore_scope_change,
            commands::rollouts::list_templates,
            commands::rollouts::create_rollout_from_template,
            commands::rollouts::check_template_runway,
            commands::metrics::list_metrics,
            commands::metrics::list_trashed_metrics,
            commands::metrics::get_metric,
            commands::metrics::create_metric,
            commands::metrics::update_metric,
            commands::metrics::trash_metric,
            commands::metrics::restore_metric,
            commands::metrics::create_threshold,
            commands::metrics::update_threshold,
            commands::metrics::trash_threshold,
            commands::metrics::restore_threshold,
            commands::metrics::list_measurements,
            commands::metrics::record_measurement,
            commands::metrics::record_measurements,
            commands::metrics::update_measurement,
            commands::metrics::trash_measurement,
            commands::metrics::restore_measurement,
            commands::metrics::rollout_metric_statuses,
            commands::metrics::metrics_needing_attention,
            commands::metrics::metric_chart,
            commands::metrics::add_metric_from_template,
            commands::metrics::metric_templates,
            commands::metrics::metric_template_levels,
            commands::metrics::preview_measurement_import,
            commands::metrics::import_measurements,
            commands::backups::list_backups,
            commands::backups::back_up_now,
            commands::backups::restore_backup,
            commands::backups::restore_latest_backup,
            commands::export::check_export_phi,
            commands::export::export_to_file,
            commands::export::open_export,
            commands::export::show_export_in_folder,
            commands::export::choose_bundle,
            commands::export::unlock_bundle,
            commands::export::preview_bundle,
            commands::export::import_bundle,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Rollplan could not start: {error}");
        std::process::exit(1);
    }
}
