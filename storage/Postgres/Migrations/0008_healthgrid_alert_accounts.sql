-- Account managers see their accounts' alerts: the alert list filters by account, so it gets a column and an index.
ALTER TABLE healthgrid_alerts ADD COLUMN account_id text;
UPDATE healthgrid_alerts SET account_id = document->>'accountId';
CREATE INDEX healthgrid_alerts_account ON healthgrid_alerts (account_id, updated_at DESC);
