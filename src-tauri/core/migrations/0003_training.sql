-- Training: modules, which roles need them for which rollout by when, and each
-- person's record per module. A record is per person and module, not per rollout:
-- a module completed once counts for every rollout that requires it.
CREATE TABLE training_modules (
    id               TEXT PRIMARY KEY NOT NULL,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    format           TEXT NOT NULL
                     CHECK (format IN ('e_learning', 'classroom', 'at_the_elbow', 'tip_sheet', 'proficiency_check')),
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    description      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    row_version      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE training_requirements (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    role_id     TEXT NOT NULL REFERENCES roles (id),
    module_id   TEXT NOT NULL REFERENCES training_modules (id),
    due_date    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX training_requirements_once
    ON training_requirements (rollout_id, role_id, module_id) WHERE deleted_at IS NULL;

CREATE TABLE training_records (
    id            TEXT PRIMARY KEY NOT NULL,
    person_id     TEXT NOT NULL REFERENCES people (id),
    module_id     TEXT NOT NULL REFERENCES training_modules (id),
    status        TEXT NOT NULL DEFAULT 'assigned'
                  CHECK (status IN ('assigned', 'in_progress', 'completed', 'waived')),
    completed_on  TEXT,
    verified_by   TEXT REFERENCES people (id),
    score         REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
    waived_reason TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    row_version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (person_id, module_id)
) STRICT;

-- Covers the matrix's totals (person, module, status) without touching the table rows.
CREATE INDEX training_records_by_person ON training_records (person_id, module_id, status);
