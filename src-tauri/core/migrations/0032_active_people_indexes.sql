-- The training matrix's filters list the departments of the active people and count
-- the active people of each role: on the extra-large workspace a read of all 10,000
-- people's rows apiece, every time the Training page opens. These indexes hold just the
-- active people, each with the one column the filter wants, so each list is a walk down
-- an index and no person's row is read. Their WHERE is the lists' own, as SQLite
-- requires of a partial index it is to use; active and deleted_at are the same for
-- every entry, and listed so that SQLite sees the index answer the lists' own test of
-- them.
CREATE INDEX people_active_by_department
    ON people (department, active, deleted_at)
    WHERE deleted_at IS NULL AND active = 1;

CREATE INDEX people_active_by_role
    ON people (role_id, active, deleted_at)
    WHERE deleted_at IS NULL AND active = 1;
