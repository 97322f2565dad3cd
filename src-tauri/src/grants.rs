//! The files a person chose in a dialog during this run, and nothing else, are the files
//! the window may open, show in their folder, or import from.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rollplan_core::{CoreError, ErrorPayload};

/// A bundle picked for import, read once so that the preview and the import see the
/// same bytes. `json` is empty while a protected bundle waits for its passphrase.
pub struct PendingBundle {
    pub bytes: Vec<u8>,
    pub json: Option<String>,
}

/// Held by Tauri for the life of the window.
#[derive(Default)]
pub struct FileGrants {
    exported: Mutex<HashSet<PathBuf>>,
    bundle: Mutex<Option<PendingBundle>>,
}

impl FileGrants {
    pub fn remember_export(&self, path: &Path) {
        if let Ok(mut exported) = self.exported.lock() {
            exported.insert(path.to_path_buf());
        }
    }

    /// The path, if this run exported it; refused otherwise.
    pub fn exported(&self, path: &str) -> Result<PathBuf, ErrorPayload> {
        let path = PathBuf::from(path);
        let known = self
            .exported
            .lock()
            .map(|exported| exported.contains(&path))
            .unwrap_or(false);
        if known {
            Ok(path)
        } else {
            Err(CoreError::invalid(
                "path",
                "Rollplan opens only files it exported in this session.",
            )
            .into())
        }
    }

    pub fn set_bundle(&self, bundle: PendingBundle) {
        if let Ok(mut pending) = self.bundle.lock() {
            *pending = Some(bundle);
        }
    }

    /// Runs `f` on the bundle picked last; refused when none is.
    pub fn with_bundle<T>(
        &self,
        f: impl FnOnce(&mut PendingBundle) -> Result<T, ErrorPayload>,
    ) -> Result<T, ErrorPayload> {
        let mut pending = self.bundle.lock().map_err(|_| {
            ErrorPayload::from(CoreError::invalid("bundle", "Choose the bundle again."))
        })?;
        match pending.as_mut() {
            Some(bundle) => f(bundle),
            None => Err(CoreError::invalid("bundle", "Choose a bundle to import first.").into()),
        }
    }

    /// Runs `f` on the text of the bundle picked last; refused while it is protected
    /// and not yet opened with its passphrase.
    pub fn with_bundle_text<T>(
        &self,
        f: impl FnOnce(&str) -> Result<T, ErrorPayload>,
    ) -> Result<T, ErrorPayload> {
        self.with_bundle(|bundle| match bundle.json.as_deref() {
            Some(json) => f(json),
            None => Err(rollplan_core::bundle::needs_passphrase().into()),
        })
    }

    pub fn clear_bundle(&self) {
        if let Ok(mut pending) = self.bundle.lock() {
            *pending = None;
        }
    }
}
