-- What a person told a roster import about values in the HR file, remembered for next
-- month's file: which role a job title means ("Medical Assistant II" -> the MA role),
-- and whether an employment status Rollplan does not know means still working here.
CREATE TABLE roster_title_roles (
    title      TEXT PRIMARY KEY NOT NULL COLLATE NOCASE CHECK (length(trim(title)) > 0),
    role_id    TEXT NOT NULL REFERENCES roles (id),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE roster_status_meanings (
    status     TEXT PRIMARY KEY NOT NULL COLLATE NOCASE CHECK (length(trim(status)) > 0),
    active     INTEGER NOT NULL CHECK (active IN (0, 1)),
    updated_at TEXT NOT NULL
) STRICT;
