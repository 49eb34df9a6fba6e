-- Read models projected by the customer grains: the directory behind lists and filters, the
-- account list, and the score history (the audit trail of every score change and its drivers).
-- Enums are stored by their API names (at_risk, platinum, …) so the tables read like the API.

CREATE TABLE healthgrid_customers (
    customer_id       text          PRIMARY KEY,
    account_id        text          NOT NULL,
    name              text          NOT NULL,
    tier              text          NOT NULL,
    segment           text          NOT NULL,
    region            text          NOT NULL,
    criticality       text          NOT NULL,
    revenue           numeric       NOT NULL,
    health            double precision        NOT NULL,
    band              text          NOT NULL,
    churn_probability double precision        NOT NULL,
    churn_level       text          NOT NULL,
    applied_seq       bigint        NOT NULL,
    profile_version   bigint        NOT NULL,
    updated_at        timestamptz   NOT NULL
);

CREATE INDEX healthgrid_customers_account ON healthgrid_customers (account_id, health, customer_id);
CREATE INDEX healthgrid_customers_band ON healthgrid_customers (band, health, customer_id);
CREATE INDEX healthgrid_customers_health ON healthgrid_customers (health, customer_id);

CREATE TABLE healthgrid_accounts (
    account_id      text        PRIMARY KEY,
    name            text        NOT NULL,
    account_manager text        NOT NULL,
    segment         text,
    region          text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE healthgrid_score_changes (
    customer_id  text        NOT NULL,
    seq          bigint      NOT NULL,
    event_id     text        NOT NULL,
    kind         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    score_before double precision      NOT NULL,
    score_after  double precision      NOT NULL,
    band_before  text        NOT NULL,
    band_after   text        NOT NULL,
    drivers      jsonb       NOT NULL,
    PRIMARY KEY (customer_id, seq)
);
