-- Go/no-go readiness criteria of a rollout, grouped by category; a hard gate must be
-- met before go-live.
CREATE TABLE readiness_criteria (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    category    TEXT NOT NULL CHECK (category IN ('people', 'process', 'technology', 'data', 'support')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'not_met' CHECK (status IN ('not_met', 'at_risk', 'met')),
    evidence    TEXT NOT NULL DEFAULT '',
    hard_gate   INTEGER NOT NULL DEFAULT 0 CHECK (hard_gate IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX readiness_criteria_by_rollout ON readiness_criteria (rollout_id, category, created_at);
