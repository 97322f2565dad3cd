//! A rollout copied inside this workspace by the bundle's own two halves: what an
//! export reads, and what an import writes, in the caller's transaction. *Plan the next
//! wave* changes the values in between (new ids, moved dates, statuses reset), so there
//! is one path that knows every table of a rollout rather than a second copier that
//! would drift from it.

use chrono::NaiveDate;

use super::export::read_bundle;
use super::format::Bundle;
use super::import::merge;
use super::report::{BundleImportReport, BundleResolutions};
use crate::store::{Conn, Tx};
use crate::Result;

/// The rollout and everything it links to, as an export reads it (people as names and
/// roles: they are already here).
pub(crate) fn read_rollout_in(conn: &Conn, rollout_id: &str, today: NaiveDate) -> Result<Bundle> {
    read_bundle(conn, rollout_id, false, today)
}

/// Writes a bundle as an import does, in the caller's transaction. With no choices to
/// apply, a record that differs from one already here is refused as a conflict: a copy
/// with fresh ids only adds, and finds the workspace's shared records (modules, SOPs,
/// people) the same as they are.
pub(crate) fn write_rollout_in(tx: &Tx<'_>, bundle: Bundle) -> Result<BundleImportReport> {
    merge(tx, bundle, &BundleResolutions::default(), true)
}
