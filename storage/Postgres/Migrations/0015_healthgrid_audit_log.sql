-- The audit log: who did what to which object, when, from where, with the change as JSON. Each row's
-- hash covers its fields and the previous row's hash (the chain `silo audit verify` recomputes), so a
-- changed, removed or inserted row is found. Append-only: updates, deletes and truncation are refused.
CREATE TABLE healthgrid_audit_log (
    seq           bigint      PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    object        text        NOT NULL,
    ip            text,
    details       text,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL
);

CREATE INDEX healthgrid_audit_log_actor ON healthgrid_audit_log (actor, seq);
CREATE INDEX healthgrid_audit_log_object ON healthgrid_audit_log (object text_pattern_ops, seq);
CREATE INDEX healthgrid_audit_log_at ON healthgrid_audit_log (at);

CREATE FUNCTION healthgrid_audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'healthgrid_audit_log is append-only';
END
$$;

CREATE TRIGGER healthgrid_audit_log_append_only BEFORE UPDATE OR DELETE ON healthgrid_audit_log
    FOR EACH ROW EXECUTE FUNCTION healthgrid_audit_log_refuse_change();
CREATE TRIGGER healthgrid_audit_log_no_truncate BEFORE TRUNCATE ON healthgrid_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION healthgrid_audit_log_refuse_change();
