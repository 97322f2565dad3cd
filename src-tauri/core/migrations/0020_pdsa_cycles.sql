-- Improvement cycles (PDSA: plan, do, study, act) on one metric of a rollout: the
-- change being tried, the prediction (the value expected by a date, and why), the Do
-- window when the change runs, and the Act decision (adopt, adapt or abandon) with its
-- rationale. Recording the Act writes an entry of the rollout's decision log; the
-- cycle keeps that decision's id. The Study is not stored: it is computed from the
-- metric's values in the Do window whenever a cycle is read.
CREATE TABLE pdsa_cycles (
    id                TEXT PRIMARY KEY NOT NULL,
    rollout_id        TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    metric_id         TEXT NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
    change            TEXT NOT NULL CHECK (length(trim(change)) > 0),
    prediction_value  REAL NOT NULL,
    prediction_date   TEXT NOT NULL,
    prediction_reason TEXT NOT NULL DEFAULT '',
    do_from           TEXT NOT NULL,
    do_to             TEXT NOT NULL CHECK (do_to >= do_from),
    act               TEXT CHECK (act IN ('adopt', 'adapt', 'abandon')),
    act_rationale     TEXT NOT NULL DEFAULT '',
    act_on            TEXT,
    decision_id       TEXT REFERENCES decisions (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    row_version       INTEGER NOT NULL DEFAULT 1,
    CHECK ((act IS NULL) = (act_on IS NULL))
) STRICT;

CREATE INDEX pdsa_cycles_by_metric ON pdsa_cycles (metric_id, do_from);
CREATE INDEX pdsa_cycles_by_rollout ON pdsa_cycles (rollout_id, do_to);
