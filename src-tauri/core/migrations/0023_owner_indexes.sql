-- A person's week reads what each person owns across every rollout: their tasks,
-- criteria, messages and metrics. Without these indexes each of those reads scans its
-- whole table, which on a project office's workspace (50,000 tasks) is what a person
-- would wait for.
CREATE INDEX plan_tasks_by_owner ON plan_tasks (owner_id, status) WHERE deleted_at IS NULL;
CREATE INDEX readiness_criteria_by_owner ON readiness_criteria (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX communications_by_owner ON communications (owner_id) WHERE deleted_at IS NULL AND sent_on IS NULL;
CREATE INDEX metrics_by_owner ON metrics (owner_id) WHERE deleted_at IS NULL;
