-- Training figures are counted from one pass over the records of the modules in view
-- (Home, readiness, the matrix's totals) and the due lists start from the records not
-- yet done of the modules due soon: both are ranges of training_records_by_module,
-- which holds the person too, so no table row is read.
CREATE INDEX training_records_by_module ON training_records (module_id, status, person_id);

-- A page of the matrix and a person's training read everything of a person's records
-- from this index alone; it replaces the one that covered the matrix's totals.
DROP INDEX training_records_by_person;
CREATE INDEX training_records_by_person
    ON training_records (person_id, module_id, status, completed_on, row_version, id);

-- Home counts every plan's open tasks past their due date, and its blocked tasks: both
-- are ranges of this index (a few hundred of 5,000 tasks on the large workspace).
CREATE INDEX plan_tasks_open ON plan_tasks (status, deleted_at, due_date, rollout_id);
