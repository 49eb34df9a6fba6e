-- Client-chosen ids looked up across customers (case ids, conversation ids) belong to the first
-- customer that uses them: another customer's event with one is refused instead of moving it.
CREATE TABLE healthgrid_client_ids (
    kind        text NOT NULL,
    id          text NOT NULL,
    customer_id text NOT NULL,
    PRIMARY KEY (kind, id)
);

-- The cases already known keep their owners.
INSERT INTO healthgrid_client_ids (kind, id, customer_id)
SELECT 'case', case_id, customer_id FROM healthgrid_cases
ON CONFLICT DO NOTHING;
