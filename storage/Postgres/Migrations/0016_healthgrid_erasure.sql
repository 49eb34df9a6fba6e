-- Erasure of a customer (DELETE /api/v1/customers/{id}) deletes its rows by customer id: the tables
-- that had no index on it get one.
CREATE INDEX healthgrid_client_ids_customer ON healthgrid_client_ids (customer_id);
CREATE INDEX healthgrid_continuity_run_customers_customer ON healthgrid_continuity_run_customers (customer_id);

-- An erasure also removes the id and details of the customer from the audit entries about it. The chain
-- covers the object and details of an entry by their SHA-256 digests, so an erased entry keeps the digests
-- of what it held and still verifies without the data.
ALTER TABLE healthgrid_audit_log
    ADD COLUMN erased         boolean NOT NULL DEFAULT false,
    ADD COLUMN object_digest  text,
    ADD COLUMN details_digest text;

-- Still append-only, with one exception the trigger checks itself: an erasure, which keeps every
-- chained field and stores the digests of the object and details it replaces (an entry erased before,
-- for another customer of the same import, keeps the digests it has).
CREATE OR REPLACE FUNCTION healthgrid_audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.erased
       AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
       AND NEW.ip IS NOT DISTINCT FROM OLD.ip AND NEW.previous_hash = OLD.previous_hash AND NEW.hash = OLD.hash
       AND NEW.object_digest = (CASE WHEN OLD.erased THEN OLD.object_digest ELSE encode(sha256(convert_to(OLD.object, 'UTF8')), 'hex') END)
       AND NEW.details_digest IS NOT DISTINCT FROM (CASE WHEN OLD.erased THEN OLD.details_digest ELSE encode(sha256(convert_to(OLD.details, 'UTF8')), 'hex') END)
    THEN
        RETURN NEW;
    END IF;

    RAISE EXCEPTION 'healthgrid_audit_log is append-only';
END
$$;
