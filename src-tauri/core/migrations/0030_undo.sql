-- Undo and redo of the app's own writes. Each user action the app carries out is one
-- step; while it runs, triggers that the app writes on its own connection (never in
-- this file, so the command line, a team's pulled changes and migrations are not
-- recorded) note for every row changed the statement that would put it back. Undoing a
-- step runs those statements newest first, and the same triggers then note what would
-- redo it. The rows themselves are plain SQL changes, so the team's capture and the
-- search index follow an undo as they follow any edit.
CREATE TABLE undo_steps (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    -- 'undo': done, can be undone (newest first); 'redo': undone, can be redone.
    stack      TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
    -- What the person did, in words ("Move 3 tasks"); empty while the step is open.
    label      TEXT NOT NULL DEFAULT '',
    -- The audit entries the step wrote: seq in (audit_from, audit_to].
    audit_from INTEGER NOT NULL,
    audit_to   INTEGER NOT NULL,
    -- Its rows of undo_log: n in (log_from, log_to]. One step records at a time, so a
    -- step's rows are consecutive; a range, rather than a step column with its index
    -- and foreign key, keeps an import's thousands of log rows to one append each.
    log_from   INTEGER NOT NULL,
    log_to     INTEGER NOT NULL,
    at         TEXT NOT NULL
) STRICT;

CREATE INDEX undo_steps_by_stack ON undo_steps (stack, id);

CREATE TABLE undo_log (
    n          INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    -- 'i' the row was inserted, 'u' updated, 'd' deleted.
    kind       TEXT NOT NULL CHECK (kind IN ('i', 'u', 'd')),
    -- SQL naming the row by its key as it stands after the change.
    target     TEXT NOT NULL,
    -- The row's row_version after the change (NULL for a deletion, or a table without
    -- one): an undo finds the row at this version or refuses.
    version    INTEGER,
    -- For 'u' the SET list that puts the old values back; for 'd' the INSERT that puts
    -- the row back; NULL for 'i' (deleting by target undoes it).
    inverse    TEXT
) STRICT;

-- An audit entry written by undoing or redoing a step says so ('undone', 'redone'),
-- so the history reads "Undone: …"; NULL for every other change.
ALTER TABLE audit_log ADD COLUMN reversal TEXT CHECK (reversal IN ('undone', 'redone'));
