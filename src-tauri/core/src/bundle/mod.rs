//! The `.rollplan` bundle: one rollout and everything it links to as versioned JSON
//! (`docs/bundle.md` and `docs/bundle.schema.json` describe it), and its import, which
//! merges by id and reports what it added, skipped, updated or found in conflict.
//!
//! A bundle is the tables' own rows, so unlike the aggregates it reads and writes raw
//! rows of many tables. Its SQL stays in three store-like files and nowhere else here:
//! `record.rs` (the generic bridge between a record and its table, versioned updates
//! included), `records.rs` (which table each section lives in, and the child tables)
//! and `queries.rs` (what an export takes, the directory lookups, reference checks and
//! the two relations without ids). The other files decide on the values they return.

mod copy;
mod directory;
mod export;
mod format;
mod import;
mod limits;
mod links;
mod parse;
mod queries;
mod record;
mod records;
mod references;
mod report;
mod sealed;
mod verdict;

pub(crate) use copy::{read_rollout_in, write_rollout_in};
pub use format::*;
pub use parse::{bundle_text, read_bundle_bytes, read_bundle_file, MAX_BUNDLE_BYTES};
pub use report::{
    BundleConflict, BundleImportReport, BundleResolution, BundleResolutions, SectionCounts,
};
pub use sealed::{
    is_protected, needs_passphrase, protect_bundle, unprotect_bundle, MIN_PASSPHRASE_CHARS,
};
pub use verdict::ReadinessChange;

use crate::{CoreError, Result};

/// The bundle as the file holds it: pretty JSON with a final newline. Sections are
/// already in id order, so the same data always gives the same bytes.
pub fn bundle_to_json(bundle: &Bundle) -> Result<String> {
    let mut json = serde_json::to_string_pretty(bundle)
        .map_err(|e| CoreError::Database(format!("cannot write the bundle as JSON: {e}")))?;
    json.push('\n');
    Ok(json)
}
