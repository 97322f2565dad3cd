//! The desktop app: a thin Tauri shell over rollplan-core.

mod commands;
mod dialogs;
mod drawing;
mod grants;
mod info;
mod lifecycle;
mod screen_fit;
mod startup;
mod state;
mod team;

pub use commands::backups::BackupList;
pub use commands::export::{ChosenBundle, ExportOptions};
pub use commands::team::{JoinProgress, JoinedTeam, LeftTeam};
pub use commands::NAMES as COMMANDS;
pub use info::AppInfo;
pub use startup::StartupReport;
pub use team::chip::{Chip, ChipTone};
pub use team::{ConflictView, TeamView};

use lifecycle::{Lifecycle, SecondLaunch};
use tauri::{AppHandle, Emitter, Manager, RunEvent, WindowEvent};

/// The event telling the window that the start-up check found the database damaged.
const DATABASE_DAMAGED: &str = "database-damaged";

/// Starts the app: opens the database, then the window; closes the database before
/// it ends (see `lifecycle`).
pub fn run() {
    let startup = startup::Startup::now();
    let built = tauri::Builder::default()
        // First, so a second launch hands over to the running app before it opens
        // anything: one window on one database file.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            second_launch(app)
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
            let state = state::AppState::open(move |damage| {
                let _ = window.emit(DATABASE_DAMAGED, damage);
            });
            app.manage(team_mode(&state, app.handle().clone()));
            app.manage(state);
            read_home_ahead(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            // From here the app is on its way out: a launch that comes in now gets an
            // instance of its own once this one has closed its store.
            if matches!(event, WindowEvent::Destroyed) && window.label() == "main" {
                window.state::<Lifecycle>().begin_closing();
            }
        })
        .manage(startup)
        .manage(Lifecycle::default())
        .manage(grants::FileGrants::default())
        .invoke_handler(refusing_a_viewers_edits(commands::handler()))
        .build(tauri::generate_context!());
    let app = match built {
        Ok(app) => app,
        Err(error) => {
            eprintln!("Rollplan could not start: {error}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| match event {
        RunEvent::ExitRequested { .. } => app.state::<Lifecycle>().begin_closing(),
        RunEvent::Exit => exit(app),
        _ => {}
    });
}

/// Team mode for the opened workspace: its sync thread starts here when the file is
/// joined to a team and could be opened (a workspace that never joined one gets none).
fn team_mode(state: &state::AppState, app: AppHandle) -> team::Team {
    let db = state
        .location
        .as_ref()
        .map(|l| std::path::PathBuf::from(&l.path));
    let passwords = team::password::Passwords::new(Box::new(team::password::OsKeychain));
    let team = team::Team::new(db, passwords, move |event| {
        let _ = app.emit(event, ());
    });
    if state.store().is_ok() {
        team.start();
    }
    team
}

/// Home's figures read on a thread of their own while the window loads its page (see
/// `Store::read_home_ahead`); a failure here is Home's to show when it asks.
fn read_home_ahead(app: AppHandle) {
    std::thread::spawn(move || {
        if let Ok(store) = app.state::<state::AppState>().store() {
            let _ = store.read_home_ahead(commands::today());
        }
    });
}

/// The command handler, with a viewer's edits refused before they are written, in the
/// server's words ("You can view this workspace; ask … to make you an editor"), as
/// `view_only`: the form shows it at each field the person changed, as it shows a field
/// it refused, and Reload puts the fields back.
fn refusing_a_viewers_edits(
    handler: impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static,
) -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    move |invoke| {
        if team::writes::changes_workspace(invoke.message.command()) {
            let refusal = invoke
                .message
                .webview()
                .try_state::<team::Team>()
                .and_then(|team| team.may_write().err());
            if let Some(admin) = refusal {
                let error = rollplan_team::TeamError::ViewerOnly { admin };
                let payload: rollplan_core::ErrorPayload =
                    rollplan_core::CoreError::ViewOnly(error.to_string()).into();
                invoke.resolver.reject(payload);
                return true;
            }
        }
        handler(invoke)
    }
}

/// A launch handed over by the single-instance check.
fn second_launch(app: &AppHandle) {
    let Some(lifecycle) = app.try_state::<Lifecycle>() else {
        return;
    };
    match lifecycle.second_launch() {
        SecondLaunch::BringForward => {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }
        // `exit` starts it once the store is closed.
        SecondLaunch::RelaunchAfterClose => {}
        SecondLaunch::StartNow => start_next_instance(app),
    }
}

/// The one way out, on the main thread, for a closed window and a restart alike (Tauri
/// itself starts the next instance after this returns when a restart was asked).
fn exit(app: &AppHandle) {
    let lifecycle = app.state::<Lifecycle>();
    lifecycle.begin_closing();
    // Waits for the commands in flight: a restore finishes replacing the file first.
    if let Some(state) = app.try_state::<state::AppState>() {
        state.close();
    }
    // Only now may another instance become the one: the file is no longer held here.
    tauri_plugin_single_instance::destroy(app);
    if lifecycle.finish() {
        start_next_instance(app);
    }
}

/// Starts a fresh instance of the app, for a launch that came in while this one was
/// closing.
fn start_next_instance(app: &AppHandle) {
    let started = tauri::process::current_binary(&app.env())
        .and_then(|binary| std::process::Command::new(binary).spawn());
    if let Err(error) = started {
        eprintln!(
            "Rollplan could not start again for the launch that came in while it closed: {error}"
        );
    }
}
