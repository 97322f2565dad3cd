//! Exports and bundle imports from the window. Paths never come from the webview: the
//! person picks them in a native dialog shown from here ([`crate::dialogs`]), and only
//! those files can then be opened, shown in their folder, or imported
//! ([`crate::grants`]). The export itself is the core's [`run_export`], the same code
//! the command line runs.

use std::path::Path;

use chrono::Utc;
use rollplan_core::bundle::{
    bundle_text, is_protected, read_bundle_bytes, BundleImportReport, BundleResolutions,
};
use rollplan_core::export::{
    check_export, export_file_name, run_export, ExportDetail, ExportFormat, ExportOutcome,
    ExportRequest, ExportStage, ExportSubject, PhiHit,
};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use super::{today, Reply};
use crate::dialogs;
use crate::grants::{FileGrants, PendingBundle};
use crate::state::AppState;

/// What the PHI check finds, before the person is asked where to save.
#[tauri::command(async)]
pub fn check_export_phi(
    state: State<'_, AppState>,
    subject: ExportSubject,
    format: ExportFormat,
) -> Reply<Vec<PhiHit>> {
    Ok(check_export(&*state.store()?, &subject, format, today())?)
}

/// How the person set up an export in the panel.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ExportOptions {
    /// "Export anyway" after seeing the PHI check's findings.
    pub force: bool,
    /// Bundles: people with their directory fields and training records.
    pub include_people: bool,
    /// Bundles: protect the file with this passphrase.
    pub passphrase: Option<String>,
    /// Rollout reports (PDF, HTML, Markdown): how much the report holds.
    pub detail: ExportDetail,
}

/// Asks where to save, then exports there, reporting each stage on `progress`.
/// `None` when the person cancelled the dialog.
#[tauri::command(async)]
pub fn export_to_file(
    app: AppHandle,
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    subject: ExportSubject,
    format: ExportFormat,
    options: ExportOptions,
    progress: Channel<ExportStage>,
) -> Reply<Option<ExportOutcome>> {
    let proposed = export_file_name(&*state.store()?, &subject, format)?;
    // No hold on the store while the dialog is open: the dialog needs the main thread,
    // which, if the window is closed meanwhile, waits for the commands holding the
    // store before the app exits.
    let Some(path) = dialogs::save_path(&app, &proposed, format) else {
        return Ok(None);
    };
    let request = ExportRequest {
        subject,
        format,
        path,
        force: options.force,
        // The save dialog has already asked before replacing a file.
        overwrite: true,
        include_people: options.include_people,
        passphrase: options.passphrase.filter(|p| !p.is_empty()),
        detail: options.detail,
    };
    let store = state.store()?;
    let outcome = run_export(&store, &request, today(), Utc::now(), &mut |stage| {
        // A closed window no longer listens; the export carries on regardless.
        let _ = progress.send(stage);
    })?;
    if outcome.written {
        grants.remember_export(&request.path);
    }
    Ok(Some(outcome))
}

/// Opens an exported file with the program the system uses for it.
#[tauri::command(async)]
pub fn open_export(app: AppHandle, grants: State<'_, FileGrants>, path: String) -> Reply<()> {
    let path = grants.exported(&path)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| opener_failed(&path, e))
}

/// Shows an exported file in the system's file manager.
#[tauri::command(async)]
pub fn show_export_in_folder(
    app: AppHandle,
    grants: State<'_, FileGrants>,
    path: String,
) -> Reply<()> {
    let path = grants.exported(&path)?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| opener_failed(&path, e))
}

fn opener_failed(path: &Path, error: tauri_plugin_opener::Error) -> rollplan_core::ErrorPayload {
    rollplan_core::CoreError::Io {
        context: format!("cannot open {}", path.display()),
        source: std::io::Error::other(error.to_string()),
    }
    .into()
}

/// A bundle the person picked, and what importing it would do — or, for a protected
/// bundle, that it needs its passphrase first.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ChosenBundle {
    pub file_name: String,
    pub protected: bool,
    /// `None` while a protected bundle waits for its passphrase.
    pub preview: Option<BundleImportReport>,
}

/// Asks for a `.rollplan` file and previews its import with no choices made yet.
/// `None` when the person cancelled the dialog.
#[tauri::command(async)]
pub fn choose_bundle(
    app: AppHandle,
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
) -> Reply<Option<ChosenBundle>> {
    let Some(path) = dialogs::open_bundle_path(&app) else {
        return Ok(None);
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = read_bundle_bytes(&path)?;
    grants.clear_bundle();
    if is_protected(&bytes) {
        grants.set_bundle(PendingBundle { bytes, json: None });
        return Ok(Some(ChosenBundle {
            file_name,
            protected: true,
            preview: None,
        }));
    }
    let json = bundle_text(bytes, None)?;
    let preview = state
        .store()?
        .preview_bundle_import(&json, &BundleResolutions::default())?;
    grants.set_bundle(PendingBundle {
        bytes: Vec::new(),
        json: Some(json),
    });
    Ok(Some(ChosenBundle {
        file_name,
        protected: false,
        preview: Some(preview),
    }))
}

/// Opens the picked protected bundle with its passphrase and previews its import.
#[tauri::command(async)]
pub fn unlock_bundle(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    passphrase: String,
) -> Reply<BundleImportReport> {
    let store = state.store()?;
    grants.with_bundle(|bundle| {
        let json = bundle_text(bundle.bytes.clone(), Some(&passphrase))?;
        let preview = store.preview_bundle_import(&json, &BundleResolutions::default())?;
        bundle.json = Some(json);
        Ok(preview)
    })
}

/// What importing the picked bundle would do with these choices; nothing is written.
#[tauri::command(async)]
pub fn preview_bundle(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    resolutions: BundleResolutions,
) -> Reply<BundleImportReport> {
    let store = state.store()?;
    grants.with_bundle_text(|json| Ok(store.preview_bundle_import(json, &resolutions)?))
}

/// Imports the picked bundle with these choices, all or nothing.
#[tauri::command(async)]
pub fn import_bundle(
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    resolutions: BundleResolutions,
) -> Reply<BundleImportReport> {
    let store = state.store()?;
    let report = grants.with_bundle_text(|json| Ok(store.import_bundle(json, &resolutions)?))?;
    grants.clear_bundle();
    Ok(report)
}
