-- Home's metrics needing attention read the latest value of every live metric (1,759 on
-- the extra-large workspace): each is one step down this index, which holds the value
-- too, rather than a step down metric_measurements_by_date and a read of the row for
-- its value (a page of a 1.4 GB file apiece). deleted_at is always NULL here; it is
-- listed so that SQLite sees the index answer the query's own `deleted_at IS NULL`.
CREATE INDEX metric_measurements_latest
    ON metric_measurements (metric_id, measured_on, value, deleted_at)
    WHERE deleted_at IS NULL;

-- The training due list starts from every record not yet done of the modules due soon
-- (54,000 of 400,000 on the extra-large workspace, a third of them due): this index
-- holds just those records, with everything the list shows of them, so none of their
-- rows is read. Its WHERE is the list's own, word for word, as SQLite requires.
CREATE INDEX training_records_open
    ON training_records (module_id, person_id, status, completed_on, row_version, id)
    WHERE status IN ('assigned', 'in_progress');
