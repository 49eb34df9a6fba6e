-- HealthGrid's append-only event log: every accepted event, once (event_id is the idempotency
-- key), in the stream of the grain that owns it. Grains replay their stream past their snapshot.
CREATE TABLE healthgrid_event_log (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text        NOT NULL,
    stream_id   text        NOT NULL,
    received_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL,
    CONSTRAINT healthgrid_event_log_event_id UNIQUE (event_id)
);

CREATE INDEX healthgrid_event_log_stream ON healthgrid_event_log (stream_id, seq);
