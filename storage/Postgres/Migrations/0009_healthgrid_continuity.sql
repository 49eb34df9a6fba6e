-- Continuity planning. The dependency index: each customer's dependencies as of its profile version,
-- found by node (a run starts here instead of scanning every customer). Scenarios as planners saved
-- them, runs with their summary, and each run's customers in contact order. Documents are the API's
-- JSON; the columns beside them are what lists filter and sort by.

CREATE TABLE healthgrid_customer_dependencies (
    node_type          text             NOT NULL,
    node_id            text             NOT NULL,
    customer_id        text             NOT NULL,
    profile_version    bigint           NOT NULL,
    recovery_hours     double precision NOT NULL,
    degraded_tolerance double precision NOT NULL,
    PRIMARY KEY (node_type, node_id, customer_id)
);

CREATE INDEX healthgrid_customer_dependencies_customer ON healthgrid_customer_dependencies (customer_id, profile_version);

CREATE TABLE healthgrid_continuity_scenarios (
    scenario_id text        PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    document    jsonb       NOT NULL
);

CREATE TABLE healthgrid_continuity_runs (
    run_id       text        PRIMARY KEY,
    scenario_id  text        NOT NULL REFERENCES healthgrid_continuity_scenarios (scenario_id) ON DELETE CASCADE,
    status       text        NOT NULL,
    requested_at timestamptz NOT NULL,
    document     jsonb       NOT NULL
);

CREATE INDEX healthgrid_continuity_runs_scenario ON healthgrid_continuity_runs (scenario_id, requested_at DESC);

CREATE TABLE healthgrid_continuity_run_customers (
    run_id      text    NOT NULL REFERENCES healthgrid_continuity_runs (run_id) ON DELETE CASCADE,
    rank        integer NOT NULL,
    customer_id text    NOT NULL,
    document    jsonb   NOT NULL,
    PRIMARY KEY (run_id, rank)
);
