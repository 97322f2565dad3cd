//! The native file dialogs, shown from Rust so that the webview never names a path:
//! Rollplan reads and writes only files the person picked in a dialog.
//!
//! End-to-end tests cannot click through a native dialog, so in a build with the
//! `test-hooks` feature (the one `scripts/test-all.sh` makes) two environment variables
//! answer for them: `ROLLPLAN_TEST_SAVE_DIR` (a save dialog answers with the proposed
//! file name in that folder) and `ROLLPLAN_TEST_OPEN_FILE` (an open dialog answers with
//! that file). Any other build, a release above all, has no such answer compiled in: a
//! dialog is always the person's choice there.

use std::path::PathBuf;

use rollplan_core::export::ExportFormat;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Asks where to save an export; `None` when the person cancelled.
pub fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    proposed_name: &str,
    format: ExportFormat,
) -> Option<PathBuf> {
    save_path_as(app, proposed_name, format.label(), format.extension())
}

/// Asks where to save a file of the kind `label` with `extension` (a weekly status as
/// email text, a Word document); `None` when the person cancelled.
pub fn save_path_as<R: Runtime>(
    app: &AppHandle<R>,
    proposed_name: &str,
    label: &str,
    extension: &str,
) -> Option<PathBuf> {
    #[cfg(feature = "test-hooks")]
    if let Some(dir) = std::env::var_os("ROLLPLAN_TEST_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(proposed_name));
    }
    app.dialog()
        .file()
        .set_title("Export")
        .set_file_name(proposed_name)
        .add_filter(label, &[extension])
        .blocking_save_file()
        .and_then(|chosen| chosen.into_path().ok())
}

/// Asks which bundle to import; `None` when the person cancelled.
pub fn open_bundle_path<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    #[cfg(feature = "test-hooks")]
    if let Some(file) = std::env::var_os("ROLLPLAN_TEST_OPEN_FILE") {
        return Some(PathBuf::from(file));
    }
    app.dialog()
        .file()
        .set_title("Import a Rollplan bundle")
        .add_filter(
            ExportFormat::Bundle.label(),
            &[ExportFormat::Bundle.extension()],
        )
        .blocking_pick_file()
        .and_then(|chosen| chosen.into_path().ok())
}
