-- Rollouts: the unit of work. Dates are ISO-8601 (YYYY-MM-DD), timestamps UTC ISO-8601,
-- ids UUID text, and row_version grows by one on every update so that a later
-- optimistic "WHERE id = ? AND row_version = ?" can detect a concurrent edit.
CREATE TABLE rollouts (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind         TEXT NOT NULL
                 CHECK (kind IN ('ehr_go_live', 'automation', 'policy', 'workflow_redesign', 'other')),
    goal         TEXT NOT NULL DEFAULT '',
    sites        TEXT NOT NULL DEFAULT '[]', -- JSON array of site / department names
    sponsor      TEXT NOT NULL DEFAULT '',
    owner        TEXT NOT NULL DEFAULT '',
    start_date   TEXT,
    go_live_date TEXT,
    phase        TEXT NOT NULL
                 CHECK (phase IN ('planning', 'preparing', 'go_live', 'stabilizing', 'sustaining', 'closed')),
    scope_in     TEXT NOT NULL DEFAULT '',
    scope_out    TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,              -- set while the rollout is in the trash
    row_version  INTEGER NOT NULL DEFAULT 1,
    CHECK (start_date IS NULL OR go_live_date IS NULL OR go_live_date >= start_date)
) STRICT;

CREATE INDEX rollouts_by_go_live ON rollouts (deleted_at, go_live_date);

-- Every write, in the same transaction as the write. Rows outlive the entity they
-- describe (a purged rollout keeps its history), so there is no foreign key here.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'trash', 'restore', 'purge')),
    changes     TEXT NOT NULL DEFAULT '[]' -- JSON array of {field, old, new}
) STRICT;

CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, seq);
