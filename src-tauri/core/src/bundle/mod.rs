//! The `.rollplan` bundle: one rollout and everything it links to as versioned JSON
//! (`docs/bundle.md` and `docs/bundle.schema.json` describe it), and its import, which
//! merges by id and reports what it added, skipped, updated or found in conflict.

mod directory;
mod export;
mod format;
mod import;
mod limits;
mod links;
mod parse;
mod record;
mod records;
mod references;
mod report;
mod sealed;

pub use format::*;
pub use parse::{bundle_text, read_bundle_bytes, read_bundle_file, MAX_BUNDLE_BYTES};
pub use report::{
    BundleConflict, BundleImportReport, BundleResolution, BundleResolutions, SectionCounts,
};
pub use sealed::{
    is_protected, needs_passphrase, protect_bundle, unprotect_bundle, MIN_PASSPHRASE_CHARS,
};

use crate::{CoreError, Result};

/// The bundle as the file holds it: pretty JSON with a final newline. Sections are
/// already in id order, so the same data always gives the same bytes.
pub fn bundle_to_json(bundle: &Bundle) -> Result<String> {
    let mut json = serde_json::to_string_pretty(bundle)
        .map_err(|e| CoreError::Database(format!("cannot write the bundle as JSON: {e}")))?;
    json.push('\n');
    Ok(json)
}
