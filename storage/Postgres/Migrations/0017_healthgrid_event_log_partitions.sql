-- Retention: the event log becomes partitioned by the calendar month (UTC) in which each event was
-- received, so that a month past the retention window is dropped as a table instead of deleted row
-- by row. PostgreSQL partitions only on a stored column (not a generated one), so the journal writes
-- received_month itself; a unique key must contain the partition key, so event ids are unique per
-- month and the journal checks older months before inserting (see PostgresEventJournal).
ALTER TABLE healthgrid_event_log RENAME TO healthgrid_event_log_unpartitioned;
ALTER TABLE healthgrid_event_log_unpartitioned RENAME CONSTRAINT healthgrid_event_log_event_id TO healthgrid_event_log_unpartitioned_event_id;
ALTER INDEX healthgrid_event_log_stream RENAME TO healthgrid_event_log_unpartitioned_stream;

-- Identity columns on partitioned tables need PostgreSQL 17; a sequence does the same on 15.
CREATE SEQUENCE healthgrid_event_log_seq AS bigint;

CREATE TABLE healthgrid_event_log (
    seq            bigint      NOT NULL DEFAULT nextval('healthgrid_event_log_seq'),
    event_id       text        NOT NULL,
    stream_id      text        NOT NULL,
    received_at    timestamptz NOT NULL,
    received_month date        NOT NULL,
    payload        jsonb       NOT NULL,
    CONSTRAINT healthgrid_event_log_event_id UNIQUE (event_id, received_month),
    CONSTRAINT healthgrid_event_log_month CHECK (received_month = date_trunc('month', received_at AT TIME ZONE 'UTC')::date)
) PARTITION BY RANGE (received_month);

ALTER SEQUENCE healthgrid_event_log_seq OWNED BY healthgrid_event_log.seq;

-- Replay, export and erasure read a stream; text retention walks the log in sequence order.
CREATE INDEX healthgrid_event_log_stream ON healthgrid_event_log (stream_id, seq);
CREATE INDEX healthgrid_event_log_seq_order ON healthgrid_event_log (seq);

-- The month's partition, created when missing: by the journal before it writes a month's first event,
-- and by this migration for the months already in the log. Several silos may race; IF NOT EXISTS
-- settles most of it, and the journal takes a concurrent creation's error as success.
CREATE FUNCTION healthgrid_event_log_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF healthgrid_event_log FOR VALUES FROM (%L) TO (%L)',
        'healthgrid_event_log_' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date);
END
$$;

SELECT healthgrid_event_log_partition(m)
FROM (SELECT DISTINCT date_trunc('month', received_at AT TIME ZONE 'UTC')::date AS m FROM healthgrid_event_log_unpartitioned) months;

INSERT INTO healthgrid_event_log (seq, event_id, stream_id, received_at, received_month, payload)
SELECT seq, event_id, stream_id, received_at, date_trunc('month', received_at AT TIME ZONE 'UTC')::date, payload
FROM healthgrid_event_log_unpartitioned ORDER BY seq;

SELECT setval('healthgrid_event_log_seq', coalesce((SELECT max(seq) FROM healthgrid_event_log_unpartitioned), 0) + 1, false);

DROP TABLE healthgrid_event_log_unpartitioned;

-- How far text retention has walked the log (the last sequence number it looked at).
CREATE TABLE healthgrid_retention_progress (
    name     text   PRIMARY KEY,
    last_seq bigint NOT NULL
);

-- A dropped month takes the score history of its events (rows are written in about sequence order,
-- so a block-range index finds them for the cost of a few pages).
CREATE INDEX healthgrid_score_changes_seq ON healthgrid_score_changes USING brin (seq);

-- Resolved cases are let go some time after their last update.
CREATE INDEX healthgrid_cases_resolved ON healthgrid_cases (updated_at) WHERE NOT is_open;

-- Conversation ids are released some time after they were last claimed; ids claimed before this
-- migration count from now.
ALTER TABLE healthgrid_client_ids ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX healthgrid_client_ids_claimed ON healthgrid_client_ids (claimed_at) WHERE kind = 'interaction';
