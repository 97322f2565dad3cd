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
pub use commands::NAMES as COMMANDS;
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
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Rollplan could not start: {error}");
        std::process::exit(1);
    }
}
