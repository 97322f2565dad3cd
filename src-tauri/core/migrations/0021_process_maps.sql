-- Process maps: an exception names the step it applies to, and an SOP can name the one
-- it replaces ("Check-in, paper" -> "Check-in, kiosk").

-- Steps are saved as a whole list, so their position is not who they are: each step
-- keeps an id of its own across saves, reorders and new versions, and an exception
-- points at that id. Steps written before this version get one now; a step that arrives
-- without one (an older bundle) gets one the next time its SOP is saved.
ALTER TABLE sop_steps ADD COLUMN step_id TEXT;
UPDATE sop_steps SET step_id = lower(hex(randomblob(16)));
-- Indexed but not unique: the core gives every step a fresh id, while a team copy
-- applies a teammate's save row by row (a row is a position), so a reorder passes
-- through a moment where two positions hold the same id.
CREATE INDEX sop_steps_by_step_id ON sop_steps (sop_id, step_id);

-- The step an exception applies to; NULL means the whole procedure. Deliberately not a
-- foreign key: when its step is removed the exception keeps the reference, is drawn
-- from the start of the map and flagged, and is never lost.
ALTER TABLE sop_exceptions ADD COLUMN step_id TEXT;

-- The SOP this one replaces, for the current-state / future-state comparison. Never
-- itself; the core refuses a chain that comes back round.
ALTER TABLE sops ADD COLUMN replaces_id TEXT REFERENCES sops (id) ON DELETE SET NULL
    CHECK (replaces_id IS NULL OR replaces_id <> id);
