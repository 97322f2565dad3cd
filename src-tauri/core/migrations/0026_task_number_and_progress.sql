-- A task's number and its progress, as people who know MS Project and Smartsheet work a
-- plan: "waits for 12", "40 % done".
--
-- The number is given once, in plan order, and never reused within the rollout (a
-- trashed task keeps its own), so the grid, a printed plan and last week's copy agree
-- on what "row 12" is. It is not unique in the schema: two team members may add a task
-- at the same moment on their own copies, and a row pulled from the team's server must
-- never be refused.
ALTER TABLE plan_tasks ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_tasks ADD COLUMN percent_complete INTEGER NOT NULL DEFAULT 0
    CHECK (percent_complete BETWEEN 0 AND 100);

UPDATE plan_tasks SET percent_complete = 100 WHERE status = 'done';

WITH numbered AS (
    SELECT t.id, row_number() OVER (
        PARTITION BY t.rollout_id
        ORDER BY t.deleted_at IS NOT NULL, ph.position IS NULL, ph.position,
                 coalesce(t.start_date, t.due_date) IS NULL, coalesce(t.start_date, t.due_date),
                 t.created_at, t.id
    ) AS n
    FROM plan_tasks t LEFT JOIN plan_phases ph ON ph.id = t.phase_id
)
UPDATE plan_tasks SET number = numbered.n FROM numbered WHERE numbered.id = plan_tasks.id;

CREATE INDEX plan_tasks_by_number ON plan_tasks (rollout_id, number);
