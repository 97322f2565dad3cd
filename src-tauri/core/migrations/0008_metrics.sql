-- Adoption metrics: each rollout's definitions (what is counted, unit, direction, cadence,
-- owner, baseline and target), a watch and an act threshold per metric with the action
-- each triggers, and the measurements over time. Everything goes with its rollout when
-- the rollout is purged; thresholds and measurements go with their metric.
CREATE TABLE metrics (
    id             TEXT PRIMARY KEY NOT NULL,
    rollout_id     TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    definition     TEXT NOT NULL DEFAULT '',
    numerator      TEXT NOT NULL DEFAULT '',
    denominator    TEXT NOT NULL DEFAULT '',
    unit           TEXT NOT NULL
                   CHECK (unit IN ('percent', 'count', 'minutes', 'hours', 'days', 'dollars', 'score')),
    direction      TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
    indicator      TEXT NOT NULL CHECK (indicator IN ('leading', 'lagging')),
    data_source    TEXT NOT NULL DEFAULT '',
    cadence        TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly', 'monthly')),
    owner_id       TEXT REFERENCES people (id),
    baseline_value REAL,
    baseline_date  TEXT,
    target_value   REAL,
    target_date    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    row_version    INTEGER NOT NULL DEFAULT 1,
    CHECK ((baseline_value IS NULL) = (baseline_date IS NULL)),
    CHECK ((target_value IS NULL) = (target_date IS NULL))
) STRICT;

CREATE UNIQUE INDEX metrics_by_name
    ON metrics (rollout_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX metrics_by_rollout ON metrics (rollout_id, deleted_at);

-- At most one live watch and one live act level per metric. Who acts is a person from
-- the directory (owner_id), a role in words (owner_role, "front-desk lead"), or both.
CREATE TABLE metric_thresholds (
    id          TEXT PRIMARY KEY NOT NULL,
    metric_id   TEXT NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
    level       TEXT NOT NULL CHECK (level IN ('watch', 'act')),
    value       REAL NOT NULL,
    action      TEXT NOT NULL CHECK (length(trim(action)) > 0),
    owner_id    TEXT REFERENCES people (id),
    owner_role  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX metric_thresholds_by_level
    ON metric_thresholds (metric_id, level) WHERE deleted_at IS NULL;

-- One live value per metric and date; the unique index is also the series' index
-- (latest value, chart range), so it only covers live rows.
CREATE TABLE metric_measurements (
    id          TEXT PRIMARY KEY NOT NULL,
    metric_id   TEXT NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value       REAL NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX metric_measurements_by_date
    ON metric_measurements (metric_id, measured_on) WHERE deleted_at IS NULL;
CREATE INDEX metric_measurements_by_metric ON metric_measurements (metric_id, deleted_at);
