-- SOP review cycles and the rollouts that introduce or change an SOP.

-- "Reviewed, no change": the last review restarts the cycle without a new version.
ALTER TABLE sops ADD COLUMN last_reviewed_on TEXT;

-- An SOP is introduced or changed by a rollout; the rollout page lists its SOPs and a
-- go-live with SOPs still in draft is a readiness warning.
CREATE TABLE sop_rollouts (
    sop_id     TEXT NOT NULL REFERENCES sops (id) ON DELETE CASCADE,
    rollout_id TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    relation   TEXT NOT NULL DEFAULT 'introduces' CHECK (relation IN ('introduces', 'changes')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (sop_id, rollout_id)
) STRICT;

CREATE INDEX sop_rollouts_by_rollout ON sop_rollouts (rollout_id);
