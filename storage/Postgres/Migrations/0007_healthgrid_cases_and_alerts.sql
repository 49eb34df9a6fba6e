-- Cases and alerts, projected by the grains that own them. The full document is kept as JSON;
-- the columns are what lists filter and sort on. version orders updates (older ones are ignored).

CREATE TABLE healthgrid_cases (
    case_id       text        PRIMARY KEY,
    customer_id   text        NOT NULL,
    account_id    text        NOT NULL,
    team          text,
    process_owner text,
    journey_stage text,
    status        text        NOT NULL,
    sla_state     text        NOT NULL,
    is_open       boolean     NOT NULL,
    next_due_at   timestamptz,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL,
    document      jsonb       NOT NULL
);

CREATE INDEX healthgrid_cases_customer ON healthgrid_cases (customer_id, updated_at DESC);
CREATE INDEX healthgrid_cases_team ON healthgrid_cases (team, is_open, next_due_at);
CREATE INDEX healthgrid_cases_owner ON healthgrid_cases (process_owner, is_open, next_due_at);
CREATE INDEX healthgrid_cases_open_due ON healthgrid_cases (next_due_at) WHERE is_open;

CREATE TABLE healthgrid_alerts (
    alert_id    text        PRIMARY KEY,
    type        text        NOT NULL,
    state       text        NOT NULL,
    audiences   text[]      NOT NULL,
    customer_id text,
    case_id     text,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    document    jsonb       NOT NULL
);

CREATE INDEX healthgrid_alerts_audiences ON healthgrid_alerts USING gin (audiences);
CREATE INDEX healthgrid_alerts_updated ON healthgrid_alerts (updated_at DESC);
CREATE INDEX healthgrid_alerts_customer ON healthgrid_alerts (customer_id, updated_at DESC);
