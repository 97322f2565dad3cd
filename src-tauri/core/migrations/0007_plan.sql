-- The rollout workspace: the plan (phases, tasks, milestones and their finish-to-start
-- dependencies), risks, decisions, communications, stakeholders and the scope-cut log.
-- Everything hangs off a rollout and goes with it when the rollout is purged.
-- Owners are people from the directory (owner_id); a person is never deleted, only
-- trashed or made inactive, so the reference stays readable.
CREATE TABLE plan_phases (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX plan_phases_by_name
    ON plan_phases (rollout_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE plan_tasks (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    phase_id    TEXT REFERENCES plan_phases (id) ON DELETE SET NULL,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'milestone')),
    owner_id    TEXT REFERENCES people (id),
    start_date  TEXT,
    due_date    TEXT,
    status      TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'blocked', 'done')),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    CHECK (start_date IS NULL OR due_date IS NULL OR due_date >= start_date)
) STRICT;

CREATE INDEX plan_tasks_by_rollout ON plan_tasks (rollout_id, deleted_at, due_date);

-- task_id cannot start before depends_on_id is finished.
CREATE TABLE plan_dependencies (
    task_id       TEXT NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    depends_on_id TEXT NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (task_id, depends_on_id),
    CHECK (task_id <> depends_on_id)
) STRICT;

CREATE INDEX plan_dependencies_by_predecessor ON plan_dependencies (depends_on_id);

CREATE TABLE risks (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    likelihood  INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact      INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    mitigation  TEXT NOT NULL DEFAULT '',
    owner_id    TEXT REFERENCES people (id),
    trigger     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigating', 'closed')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX risks_by_rollout ON risks (rollout_id, deleted_at);

CREATE TABLE decisions (
    id           TEXT PRIMARY KEY NOT NULL,
    rollout_id   TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    decided_on   TEXT NOT NULL,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    constraints  TEXT NOT NULL DEFAULT '',
    options      TEXT NOT NULL DEFAULT '',
    choice       TEXT NOT NULL DEFAULT '',
    rationale    TEXT NOT NULL DEFAULT '',
    decided_by   TEXT NOT NULL DEFAULT '',
    verification TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL DEFAULT 'not_yet_known'
                 CHECK (outcome IN ('not_yet_known', 'held', 'did_not_hold')),
    outcome_note TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX decisions_by_rollout ON decisions (rollout_id, deleted_at, decided_on);

CREATE TABLE communications (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    audience    TEXT NOT NULL CHECK (length(trim(audience)) > 0),
    channel     TEXT NOT NULL DEFAULT '',
    message     TEXT NOT NULL CHECK (length(trim(message)) > 0),
    send_on     TEXT NOT NULL,
    owner_id    TEXT REFERENCES people (id),
    sent_on     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX communications_by_rollout ON communications (rollout_id, deleted_at, send_on);

-- A person or a group; ADKAR stages are 1-5, NULL while not assessed.
CREATE TABLE stakeholders (
    id            TEXT PRIMARY KEY NOT NULL,
    rollout_id    TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    is_group      INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),
    person_id     TEXT REFERENCES people (id),
    notes         TEXT NOT NULL DEFAULT '',
    awareness     INTEGER CHECK (awareness BETWEEN 1 AND 5),
    desire        INTEGER CHECK (desire BETWEEN 1 AND 5),
    knowledge     INTEGER CHECK (knowledge BETWEEN 1 AND 5),
    ability       INTEGER CHECK (ability BETWEEN 1 AND 5),
    reinforcement INTEGER CHECK (reinforcement BETWEEN 1 AND 5),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    row_version   INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX stakeholders_by_rollout ON stakeholders (rollout_id, deleted_at);

-- One RACI letter per stakeholder and workstream.
CREATE TABLE stakeholder_raci (
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    workstream     TEXT NOT NULL CHECK (length(trim(workstream)) > 0),
    role           TEXT NOT NULL
                   CHECK (role IN ('responsible', 'accountable', 'consulted', 'informed')),
    position       INTEGER NOT NULL,
    PRIMARY KEY (stakeholder_id, workstream)
) STRICT;

CREATE TABLE scope_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    logged_on   TEXT NOT NULL,
    cut         TEXT NOT NULL CHECK (length(trim(cut)) > 0),
    reason      TEXT NOT NULL DEFAULT '',
    protected   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX scope_changes_by_rollout ON scope_changes (rollout_id, deleted_at, logged_on);
