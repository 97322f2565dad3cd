//! The schema, as embedded SQL migrations applied in order. SQLite's `user_version`
//! records how many have run; a file with a higher number than we know was written by a
//! newer Rollplan and is refused before anything touches it.

use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_foundation.sql")),
    M::up(include_str!("../../migrations/0002_people.sql")),
    M::up(include_str!("../../migrations/0003_training.sql")),
    M::up(include_str!("../../migrations/0004_readiness.sql")),
    M::up(include_str!("../../migrations/0005_sops.sql")),
    M::up(include_str!(
        "../../migrations/0006_sop_links_and_reviews.sql"
    )),
    M::up(include_str!("../../migrations/0007_plan.sql")),
    M::up(include_str!("../../migrations/0008_metrics.sql")),
    M::up(include_str!("../../migrations/0009_training_by_module.sql")),
    M::up(include_str!(
        "../../migrations/0010_criterion_owner_and_evidence.sql"
    )),
    M::up(include_str!(
        "../../migrations/0011_schedule_from_links.sql"
    )),
    M::up(include_str!("../../migrations/0012_quarantined_rows.sql")),
    M::up(include_str!("../../migrations/0013_link_types.sql")),
    M::up(include_str!("../../migrations/0014_external_people.sql")),
    M::up(include_str!("../../migrations/0015_roster_memory.sql")),
    M::up(include_str!("../../migrations/0016_training_by_site.sql")),
    M::up(include_str!("../../migrations/0017_weekly_statuses.sql")),
    M::up(include_str!("../../migrations/0018_debriefs.sql")),
    M::up(include_str!("../../migrations/0019_team.sql")),
    M::up(include_str!("../../migrations/0020_pdsa_cycles.sql")),
    M::up(include_str!("../../migrations/0021_process_maps.sql")),
    M::up(include_str!("../../migrations/0022_programmes.sql")),
    M::up(include_str!("../../migrations/0023_owner_indexes.sql")),
    M::up(include_str!("../../migrations/0024_search.sql")),
    M::up(include_str!("../../migrations/0025_audit_author.sql")),
    M::up(include_str!(
        "../../migrations/0026_task_number_and_progress.sql"
    )),
    M::up(include_str!("../../migrations/0027_baselines.sql")),
    M::up(include_str!("../../migrations/0029_sop_search_rowids.sql")),
    M::up(include_str!("../../migrations/0030_undo.sql")),
    M::up(include_str!("../../migrations/0031_covering_indexes.sql")),
    M::up(include_str!(
        "../../migrations/0032_active_people_indexes.sql"
    )),
];

/// The schema version this build writes and understands.
pub const LATEST_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration applies cleanly to an empty database");
    }
}
