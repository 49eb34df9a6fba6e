-- Each customer's next SLA timer (a deadline, warning or escalation step), kept current by the
-- projection flush. When a silo dies the survivors read the customers
-- whose timers are near and wake them at once, instead of leaving it to the next reminder tick.

CREATE TABLE healthgrid_customer_timers (
    customer_id text        PRIMARY KEY,
    next_at     timestamptz NOT NULL
);

CREATE INDEX healthgrid_customer_timers_next_at ON healthgrid_customer_timers (next_at);
