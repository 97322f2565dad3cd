-- Team mode: this file's link to a team server, the changes made here that the server has
-- not yet accepted, and the conflicts waiting for a person's decision. A file that never
-- joins a team keeps these tables empty; the capture triggers that fill the outbox are
-- written by rollplan-team when a workspace publishes or joins, from the tables it finds.

-- At most one row: the server (its address without any password), the team's workspace,
-- this copy's own id (so its own changes are not applied twice when pulled back), and how
-- far it has pulled. `applying` is set only inside the transaction that applies pulled
-- changes, so the capture triggers stay silent for them; a crash rolls it back with them.
CREATE TABLE team_link (
    id              INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    server          TEXT NOT NULL,
    workspace_id    TEXT NOT NULL,
    replica_id      TEXT NOT NULL,
    last_pulled_seq INTEGER NOT NULL DEFAULT 0,
    last_synced_at  TEXT,
    joined_at       TEXT NOT NULL,
    applying        INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1))
) STRICT;

-- Every local change in the order it was made: the changed fields as a JSON object (NULL
-- when the row was deleted) and the server sequence number this copy had pulled up to
-- when it was made. `change_id` is fixed here, so sending it again after a dropped
-- connection is recognised by the server and changes nothing.
CREATE TABLE team_outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id    TEXT NOT NULL UNIQUE DEFAULT (lower(
                     hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' ||
                     hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' ||
                     hex(randomblob(6)))),
    table_name   TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    fields       TEXT,
    based_on_seq INTEGER NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A field changed here and, since this copy last pulled, by someone else: both values,
-- who made theirs and when, until the person keeps one. Values are JSON.
CREATE TABLE team_conflicts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name     TEXT NOT NULL,
    row_id         TEXT NOT NULL,
    field          TEXT NOT NULL,
    mine           TEXT NOT NULL,
    theirs         TEXT NOT NULL,
    theirs_seq     INTEGER NOT NULL,
    theirs_by      TEXT NOT NULL,
    theirs_at      TEXT NOT NULL,
    theirs_deleted INTEGER NOT NULL DEFAULT 0 CHECK (theirs_deleted IN (0, 1)),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (table_name, row_id, field)
) STRICT;
