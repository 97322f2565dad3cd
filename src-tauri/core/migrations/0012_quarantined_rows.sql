-- Rows set aside by a repair because the record they belong to no longer exists (a
-- task of a deleted rollout, say). Each keeps every column as JSON so nothing a person
-- typed is lost; the repair's backup holds the database as it was before.
CREATE TABLE quarantined_rows (
    id             TEXT PRIMARY KEY,
    table_name     TEXT NOT NULL,
    row_json       TEXT NOT NULL,
    missing_parent TEXT NOT NULL,
    quarantined_at TEXT NOT NULL
) STRICT;
