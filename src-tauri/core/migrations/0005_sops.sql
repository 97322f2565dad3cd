-- The SOP library. The working copy of an SOP lives in sops / sop_steps /
-- sop_exceptions; approving it freezes a revision (a JSON snapshot) that is never
-- changed afterwards. Editing an approved SOP starts the next version as a draft while
-- the approved revision stays in force.
CREATE TABLE sops (
    id                     TEXT PRIMARY KEY NOT NULL,
    code                   TEXT NOT NULL CHECK (length(trim(code)) > 0),
    title                  TEXT NOT NULL CHECK (length(trim(title)) > 0),
    purpose                TEXT NOT NULL DEFAULT '',
    scope                  TEXT NOT NULL DEFAULT '',
    owner                  TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'draft'
                           CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
    version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    effective_date         TEXT,
    review_interval_months INTEGER NOT NULL DEFAULT 12 CHECK (review_interval_months > 0),
    next_review_override   TEXT,
    tags                   TEXT NOT NULL DEFAULT '[]',
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    deleted_at             TEXT,
    row_version            INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX sops_by_code ON sops (code COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE sop_steps (
    sop_id        TEXT NOT NULL REFERENCES sops (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    role          TEXT NOT NULL CHECK (length(trim(role)) > 0),
    instruction   TEXT NOT NULL,
    quality_check TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sop_id, position)
) STRICT;

CREATE TABLE sop_exceptions (
    sop_id      TEXT NOT NULL REFERENCES sops (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    trigger     TEXT NOT NULL,
    action      TEXT NOT NULL,
    escalate_to TEXT NOT NULL DEFAULT '',
    within      TEXT NOT NULL DEFAULT '',
    evidence    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sop_id, position)
) STRICT;

CREATE TABLE sop_revisions (
    id             TEXT PRIMARY KEY NOT NULL,
    sop_id         TEXT NOT NULL REFERENCES sops (id),
    version        INTEGER NOT NULL,
    approved_by    TEXT NOT NULL,
    approved_at    TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    snapshot       TEXT NOT NULL, -- JSON of the SOP as approved, steps and exceptions included
    UNIQUE (sop_id, version)
) STRICT;

-- What surveyors rely on: an approved revision never changes.
CREATE TRIGGER sop_revisions_are_immutable BEFORE UPDATE ON sop_revisions
BEGIN
    SELECT RAISE(ABORT, 'approved SOP revisions cannot be changed');
END;

CREATE TRIGGER sop_revisions_are_kept BEFORE DELETE ON sop_revisions
BEGIN
    SELECT RAISE(ABORT, 'approved SOP revisions cannot be deleted');
END;

-- Full-text search over the working copy of each SOP (kept in step by the store).
CREATE VIRTUAL TABLE sop_search USING fts5 (
    sop_id UNINDEXED,
    code,
    title,
    purpose,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
