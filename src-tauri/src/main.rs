// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    use_software_compositing();
    rollplan_lib::run();
}

/// On Linux, WebKitGTK composites pages on the GPU by default, which keeps a backing
/// store for every layer: about 100 MB more for Rollplan's screens, which have no
/// animation or 3D to gain from it (and on many virtual machines and older drivers that
/// path draws a blank window). Drawing in software keeps the window light. Set before
/// anything starts a thread or a web process; a value the person set wins.
fn use_software_compositing() {
    const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux") && std::env::var_os(VARIABLE).is_none() {
        std::env::set_var(VARIABLE, "1");
    }
}
