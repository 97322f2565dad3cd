-- The staff directory. Roles are a managed list (MA, RN, front desk, ...); people keep
-- their history when they leave: `active` goes false, nothing is deleted.
CREATE TABLE roles (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX roles_by_name ON roles (name COLLATE NOCASE);

CREATE TABLE people (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role_id     TEXT REFERENCES roles (id),
    department  TEXT NOT NULL DEFAULT '', -- department or site
    email       TEXT NOT NULL DEFAULT '',
    super_user  INTEGER NOT NULL DEFAULT 0 CHECK (super_user IN (0, 1)),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1
) STRICT;

-- One person per email address (ignoring case); people without one are matched by name.
CREATE UNIQUE INDEX people_by_email ON people (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX people_by_name ON people (name COLLATE NOCASE);

-- The roles a clinic starts with; the list is theirs to change.
INSERT INTO roles (id, name, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000001', 'Front desk', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ('00000000-0000-4000-8000-000000000002', 'Medical assistant (MA)', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ('00000000-0000-4000-8000-000000000003', 'Registered nurse (RN)', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ('00000000-0000-4000-8000-000000000004', 'Provider', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ('00000000-0000-4000-8000-000000000005', 'Biller / coder', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ('00000000-0000-4000-8000-000000000006', 'Scheduler', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ('00000000-0000-4000-8000-000000000007', 'Practice manager', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
