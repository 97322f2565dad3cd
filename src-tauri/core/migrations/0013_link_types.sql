-- A dependency's type and lag. The type says which end of the task waited for is tied
-- to which end of the waiting task: FS finish-to-start (every link so far), SS
-- start-to-start, FF finish-to-finish, SF start-to-finish, as Microsoft Project writes
-- them. The lag is in days after that end; negative is a lead. A year either way is the
-- most the app accepts, and the database holds it to that too.
ALTER TABLE plan_dependencies ADD COLUMN link_type TEXT NOT NULL DEFAULT 'FS'
    CHECK (link_type IN ('FS', 'SS', 'FF', 'SF'));
ALTER TABLE plan_dependencies ADD COLUMN lag_days INTEGER NOT NULL DEFAULT 0
    CHECK (lag_days BETWEEN -365 AND 365);
