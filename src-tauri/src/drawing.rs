//! How the window's page is drawn.

use tauri::WebviewWindow;

/// The variable with which a person can choose WebKitGTK's drawing themselves.
#[cfg(target_os = "linux")]
const COMPOSITING_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// On Linux, WebKitGTK composites pages on the GPU by default, which keeps a backing
/// store for every layer: about 100 MB more for Rollplan's screens, which have no
/// animation or 3D to gain from it (and on many virtual machines and older drivers that
/// path draws a blank window). Rollplan's page is drawn in software instead.
///
/// This goes through WebKit's own setting, not `WEBKIT_DISABLE_COMPOSITING_MODE`: with
/// the variable, WebKitGTK opened the page about 450 ms late on a third of launches on
/// the development machine, and never with the setting. Someone who set the variable
/// (`=0` to use the graphics card) keeps what they chose. Elsewhere nothing changes.
pub fn draw_in_software(window: &WebviewWindow) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    if std::env::var_os(COMPOSITING_VARIABLE).is_none() {
        window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        })?;
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
}
