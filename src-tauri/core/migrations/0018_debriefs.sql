-- Debriefs: after a go-live, a failed pilot or an incident, what we expected, what
-- happened, what broke, what we changed and the check we would add next time. What
-- broke and what changed link to records of the rollout (`links`, JSON array of
-- {kind, id}: task, risk, metric, decision); the actions that prevent a repeat are
-- tasks of the plan, by id (`action_task_ids`, JSON array), so they are planned,
-- owned and tracked like any other work.
CREATE TABLE debriefs (
    id              TEXT PRIMARY KEY NOT NULL,
    rollout_id      TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    held_on         TEXT NOT NULL,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    expected        TEXT NOT NULL DEFAULT '',
    happened        TEXT NOT NULL DEFAULT '',
    broke           TEXT NOT NULL DEFAULT '',
    changed         TEXT NOT NULL DEFAULT '',
    next_check      TEXT NOT NULL DEFAULT '',
    links           TEXT NOT NULL DEFAULT '[]',
    action_task_ids TEXT NOT NULL DEFAULT '[]',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX debriefs_by_rollout ON debriefs (rollout_id, held_on);
