//! The best few live records of a full-text search. An index ranks its matches alone,
//! and only the best of them are looked up in their tables for what a hit shows and to
//! leave out the trash: a common word matches thousands of records on a health group's
//! workspace, and joining every match before ranking took most of a search. The first
//! look-up takes a window a few times wider than the hits wanted, so a few in the trash
//! still leave enough; should it leave too few of a full window, every match is looked
//! up.

use crate::{CoreError, Result};

/// How many of the best-ranked matches are looked up at first for each hit wanted.
const CANDIDATES_PER_HIT: i64 = 4;

/// The best `wanted` live matches, best first (every one for a negative `wanted`).
/// `look_up(window)` answers with the live records among the index's `window`
/// best-ranked matches (all of them for a negative window), best first, and how many
/// matches it read from the index.
pub(crate) fn best_live<T>(
    wanted: i64,
    mut look_up: impl FnMut(i64) -> Result<(Vec<T>, usize)>,
) -> Result<Vec<T>> {
    if wanted < 0 {
        return Ok(look_up(-1)?.0);
    }
    let window = wanted.saturating_mul(CANDIDATES_PER_HIT);
    let (mut live, read) = look_up(window)?;
    if (live.len() as i64) < wanted && read as i64 >= window {
        live = look_up(-1)?.0;
    }
    live.truncate(usize::try_from(wanted).unwrap_or(usize::MAX));
    Ok(live)
}

/// `ids` as the JSON array a statement reads with `json_each`.
pub(crate) fn id_list<'a>(ids: impl Iterator<Item = &'a str>) -> Result<String> {
    serde_json::to_string(&ids.collect::<Vec<_>>())
        .map_err(|e| CoreError::Database(format!("cannot encode search hits: {e}")))
}
