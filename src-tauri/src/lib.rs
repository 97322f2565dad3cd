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
            commands::app_info,
            commands::list_rollouts,
            commands::list_trashed_rollouts,
            commands::get_rollout,
            commands::create_rollout,
            commands::update_rollout,
            commands::trash_rollout,
            commands::restore_rollout,
            commands::purge_rollout,
            commands::rollout_history,
            commands::seed_sample_clinic,
            commands::choose_database,
            commands::use_default_database,
            commands::restart_app,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Rollplan could not start: {error}");
        std::process::exit(1);
    }
}
