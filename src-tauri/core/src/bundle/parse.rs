//! Reading a bundle's text, refusing anything that is not a whole, valid bundle of a
//! version we understand before a single row is looked at.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::format::{Bundle, BUNDLE_FORMAT, BUNDLE_VERSION};
use super::limits::check_lengths;
use super::record::Record;
use super::sealed::{is_protected, needs_passphrase, unprotect_bundle};
use crate::plan::MAX_LAG_DAYS;
use crate::readiness::link_problem;
use crate::{CoreError, Result};

/// The largest bundle we read: a 2,000-task rollout with years of daily measurements is
/// a few megabytes, so anything near this is not a bundle, and is refused before it is
/// parsed (or, from a file, read).
pub const MAX_BUNDLE_BYTES: usize = 50 * 1024 * 1024;

/// Reads a bundle file, refusing one too large to be a bundle without reading it. A
/// passphrase-protected bundle is decrypted with `passphrase`, and refused without one
/// (the error's field is `passphrase`, so a caller knows to ask).
pub fn read_bundle_file(path: &Path, passphrase: Option<&str>) -> Result<String> {
    let bytes = read_bundle_bytes(path)?;
    bundle_text(bytes, passphrase)
}

/// A bundle's text from the bytes of its file: decrypted when it is protected.
pub fn bundle_text(bytes: Vec<u8>, passphrase: Option<&str>) -> Result<String> {
    if is_protected(&bytes) {
        return match passphrase {
            Some(passphrase) => unprotect_bundle(&bytes, passphrase),
            None => Err(needs_passphrase()),
        };
    }
    String::from_utf8(bytes)
        .map_err(|_| refused("The file is not text: it cannot be a Rollplan bundle."))
}

/// The bytes of a bundle file, refusing one too large to be a bundle without reading it.
pub fn read_bundle_bytes(path: &Path) -> Result<Vec<u8>> {
    let file = path.display().to_string();
    let io = |source| CoreError::Io {
        context: format!("cannot read {file}"),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BUNDLE_BYTES as u64 {
        return Err(too_large(size as usize));
    }
    std::fs::read(path).map_err(io)
}

/// The bundle in `json`, or a message saying exactly why it is refused.
pub(crate) fn parse_bundle(json: &str) -> Result<Bundle> {
    if json.len() > MAX_BUNDLE_BYTES {
        return Err(too_large(json.len()));
    }
    check_header(json)?;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let bundle: Bundle = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        refused(format!(
            "{path} (line {}, column {}): {}",
            inner.line(),
            inner.column(),
            plain(&inner)
        ))
    })?;
    check_unique_ids(&bundle)?;
    check_links(&bundle)?;
    check_lengths(&bundle)?;
    Ok(bundle)
}

/// An evidence link is one a colleague can follow: only http(s), as the app itself
/// allows, so no bundle can slip another kind of link into an exported report.
fn check_links(bundle: &Bundle) -> Result<()> {
    for criterion in &bundle.criteria {
        if let Some(problem) = link_problem(&criterion.evidence_link) {
            return Err(refused(format!(
                "criteria: the evidence_link of '{}' is not allowed. {problem}",
                criterion.title
            )));
        }
    }
    Ok(())
}

/// Just enough of the document to tell whether it is a bundle, and of which version.
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

fn check_header(json: &str) -> Result<()> {
    let header: Header = serde_json::from_str(json).map_err(|e| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Eof => refused(format!(
                "The bundle ends too early, at line {}, column {}: the file is incomplete \
                 (was it cut off while copying or downloading?).",
                e.line(),
                e.column()
            )),
            Category::Syntax => refused(format!(
                "This is not a Rollplan bundle: it is not valid JSON (line {}, column {}: {}).",
                e.line(),
                e.column(),
                plain(&e)
            )),
            Category::Data | Category::Io => {
                refused("This is not a Rollplan bundle: it holds no \"format\" field.")
            }
        }
    })?;
    if header.format.as_ref().and_then(Value::as_str) != Some(BUNDLE_FORMAT) {
        return Err(refused(format!(
            "This file is not a Rollplan bundle: its \"format\" is not \"{BUNDLE_FORMAT}\"."
        )));
    }
    match header.version.as_ref().and_then(Value::as_u64) {
        Some(version) if version > u64::from(BUNDLE_VERSION) => Err(refused(format!(
            "This bundle was written by a newer Rollplan (bundle version {version}; this \
             Rollplan reads up to version {BUNDLE_VERSION}). Update Rollplan to import it."
        ))),
        Some(version) if version >= 1 => Ok(()),
        _ => Err(refused(
            "The bundle's \"version\" is missing or not a whole number from 1 up.",
        )),
    }
}

/// serde_json's message without its own " at line X column Y" (we say where ourselves).
fn plain(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn check_unique_ids(bundle: &Bundle) -> Result<()> {
    unique(&bundle.phases)?;
    unique(&bundle.tasks)?;
    unique(&bundle.criteria)?;
    unique(&bundle.risks)?;
    unique(&bundle.decisions)?;
    unique(&bundle.communications)?;
    unique(&bundle.weekly_statuses)?;
    unique(&bundle.debriefs)?;
    unique(&bundle.pdsa_cycles)?;
    unique(&bundle.stakeholders)?;
    unique(&bundle.scope_changes)?;
    unique(&bundle.training_modules)?;
    unique(&bundle.training_requirements)?;
    unique(&bundle.metrics)?;
    unique(&bundle.metric_thresholds)?;
    unique(&bundle.metric_measurements)?;
    unique(&bundle.sops)?;
    unique(&bundle.sop_revisions)?;
    unique(&bundle.roles)?;
    unique(&bundle.people)?;
    unique(&bundle.training_records)?;
    let mut seen = BTreeSet::new();
    for dependency in &bundle.dependencies {
        if !seen.insert((&dependency.task_id, &dependency.depends_on_id)) {
            return Err(refused(format!(
                "dependencies: task {} is listed twice as depending on task {}.",
                dependency.task_id, dependency.depends_on_id
            )));
        }
        if dependency.lag_days.unsigned_abs() > MAX_LAG_DAYS.unsigned_abs() {
            return Err(refused(format!(
                "dependencies: task {} waits for task {} with a lag of {} days; a link's lag \
                 is at most {MAX_LAG_DAYS} days either way.",
                dependency.task_id, dependency.depends_on_id, dependency.lag_days
            )));
        }
    }
    Ok(())
}

fn unique<R: Record>(records: &[R]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for record in records {
        if !seen.insert(record.id()) {
            return Err(refused(format!(
                "{}: the id {} appears more than once ('{}'). Each id may appear once.",
                R::SECTION,
                record.id(),
                record.label()
            )));
        }
    }
    Ok(())
}

fn too_large(bytes: usize) -> CoreError {
    refused(format!(
        "The file is {} MB; a Rollplan bundle is never larger than {} MB, so this is not one.",
        bytes / (1024 * 1024),
        MAX_BUNDLE_BYTES / (1024 * 1024)
    ))
}

/// A refused bundle, in the import error's shape so the UI shows it like other imports.
pub(crate) fn refused(message: impl Into<String>) -> CoreError {
    CoreError::Import {
        file: "bundle".into(),
        row: None,
        column: None,
        message: message.into(),
    }
}
