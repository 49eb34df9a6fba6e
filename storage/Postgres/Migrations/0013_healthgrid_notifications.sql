-- Notifications decided with alert changes (written in the projection flush's transaction, with the
-- alerts), and their delivery. The document is the whole record (the alert as decided, the timeline of
-- decisions and attempts); the columns are what the worker claims by and the delivery log filters by.

CREATE TABLE healthgrid_notifications (
    id            text        PRIMARY KEY,
    alert_id      text        NOT NULL,
    transition    text        NOT NULL,
    recipient     text        NOT NULL,
    contact_point text        NOT NULL,
    channel       text        NOT NULL,
    state         text        NOT NULL,
    severity      text        NOT NULL,
    due_at        timestamptz NOT NULL,
    decided_at    timestamptz NOT NULL,
    sent_at       timestamptz,
    claimed_until timestamptz,
    audiences     text[]      NOT NULL,
    account_id    text,
    document      jsonb       NOT NULL
);

CREATE INDEX healthgrid_notifications_due ON healthgrid_notifications (due_at) WHERE state IN ('pending', 'sending');
CREATE INDEX healthgrid_notifications_alert ON healthgrid_notifications (alert_id);
CREATE INDEX healthgrid_notifications_sent ON healthgrid_notifications (recipient, contact_point, sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX healthgrid_notifications_decided ON healthgrid_notifications (decided_at DESC);
