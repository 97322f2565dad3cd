-- Home's metrics needing attention read the latest value of every live metric (1,759 on
-- the extra-large workspace): each is one step down this index, which holds the value
-- too, rather than a step down metric_measurements_by_date and a read of the row for
-- its value (a page of a 1.4 GB file apiece). deleted_at is always NULL here; it is
-- listed so that SQLite sees the index answer the query's own `deleted_at IS NULL`.
CREATE INDEX metric_measurements_latest
    ON metric_measurements (metric_id, measured_on, value, deleted_at)
    WHERE deleted_at IS NULL;
