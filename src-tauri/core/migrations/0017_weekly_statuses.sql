-- Weekly statuses: a dated record of what a manager sent (or is about to send) about one
-- rollout's week, or (rollout_id NULL) about every active rollout. `content` is the
-- draft as it was made (JSON), so a sent status reads the same whatever the records say
-- later; `notes` (JSON object: section code -> text, "summary" for the top) and
-- `hidden` (JSON array of item keys) are the manager's edits. A sent status never
-- changes again: the store refuses the update, and the trigger below stands behind it.
CREATE TABLE weekly_statuses (
    id          TEXT PRIMARY KEY NOT NULL,
    rollout_id  TEXT REFERENCES rollouts (id) ON DELETE CASCADE,
    week_monday TEXT NOT NULL,
    content     TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '{}',
    hidden      TEXT NOT NULL DEFAULT '[]',
    state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent')),
    sent_at     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    CHECK ((state = 'sent') = (sent_at IS NOT NULL))
) STRICT;

CREATE INDEX weekly_statuses_by_rollout ON weekly_statuses (rollout_id, week_monday);

CREATE TRIGGER weekly_statuses_sent_are_final
BEFORE UPDATE ON weekly_statuses
WHEN OLD.state = 'sent'
BEGIN
    SELECT RAISE(ABORT, 'a sent status never changes');
END;
