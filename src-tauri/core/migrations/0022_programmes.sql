-- Programmes and waves: a programme groups rollouts that repeat one change site by site
-- ("EHR across ten sites"), each rollout one wave of it. Waves are numbered by go-live,
-- so the order is not stored. A rollout is a wave of at most one programme: the
-- rollout is the key of `programme_waves`. Removing a programme (`deleted_at`) leaves
-- its rows here so restoring it regroups its waves; while it is in the trash its
-- rollouts read as ungrouped.
CREATE TABLE programmes (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE programme_waves (
    rollout_id   TEXT PRIMARY KEY NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    added_at     TEXT NOT NULL
) STRICT;

CREATE INDEX programme_waves_by_programme ON programme_waves (programme_id);
