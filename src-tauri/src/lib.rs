//! The desktop app: a thin Tauri shell over rollplan-core.

mod commands;
mod info;
mod state;

pub use info::AppInfo;

/// Starts the app: opens the database, then the window.
pub fn run() {
    let result = tauri::Builder::default()
        .manage(state::AppState::open())
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
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
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Rollplan could not start: {error}");
        std::process::exit(1);
    }
}
