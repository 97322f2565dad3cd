-- Baselines: a rollout's plan dates frozen at one moment ("Signed-off plan"), so the plan
-- of today can be compared with the plan people agreed to. A baseline keeps the start
-- and due of every live task when it was set, and the rollout's go-live. Several are
-- kept per rollout; removing one sends it to the trash like any other record.
CREATE TABLE plan_baselines (
    id           TEXT PRIMARY KEY NOT NULL,
    rollout_id   TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    set_at       TEXT NOT NULL,
    go_live_date TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX plan_baselines_by_rollout ON plan_baselines (rollout_id, deleted_at, set_at);

-- One row per task that was live when the baseline was set. A task added later has
-- none; a task trashed since keeps its row (it counts as removed from the plan).
CREATE TABLE plan_baseline_tasks (
    baseline_id TEXT NOT NULL REFERENCES plan_baselines (id) ON DELETE CASCADE,
    task_id     TEXT NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    start_date  TEXT,
    due_date    TEXT,
    PRIMARY KEY (baseline_id, task_id)
) STRICT;

-- The baseline a rollout is compared with, when a person chose one. Without a row (or
-- when the chosen one is in the trash) the rollout compares with its latest live one.
CREATE TABLE plan_baseline_choices (
    rollout_id  TEXT PRIMARY KEY NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    baseline_id TEXT NOT NULL REFERENCES plan_baselines (id) ON DELETE CASCADE,
    updated_at  TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;
