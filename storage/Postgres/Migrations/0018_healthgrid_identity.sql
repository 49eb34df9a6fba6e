-- The identity map: an external identifier (a scheme naming the system and what it identifies, and the
-- id there) belongs to one customer, which the primary key holds.
CREATE TABLE healthgrid_identities (
    scheme      text        NOT NULL,
    external_id text        NOT NULL,
    customer_id text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    PRIMARY KEY (scheme, external_id)
);

CREATE INDEX healthgrid_identities_customer ON healthgrid_identities (customer_id);

-- Events whose customer could not be resolved, with the identifiers they carry ("scheme/id", tried in
-- order); a new mapping finds the events it resolves through the GIN index. Applied events leave.
CREATE TABLE healthgrid_parked_events (
    event_id  text        PRIMARY KEY,
    source    text        NOT NULL,
    refs      text[]      NOT NULL,
    reason    text        NOT NULL,
    parked_at timestamptz NOT NULL,
    payload   jsonb       NOT NULL
);

CREATE INDEX healthgrid_parked_events_refs ON healthgrid_parked_events USING gin (refs);
CREATE INDEX healthgrid_parked_events_parked ON healthgrid_parked_events (parked_at, event_id);
