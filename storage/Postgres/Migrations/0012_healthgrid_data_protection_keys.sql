-- The ASP.NET Core Data Protection key ring, shared by every silo: what encrypts the configuration's
-- secrets at rest and signs the acknowledge links in notifications. Rows are XML key elements, written
-- by the key manager, never updated.

CREATE TABLE healthgrid_data_protection_keys (
    id            bigserial PRIMARY KEY,
    friendly_name text      NOT NULL UNIQUE,
    xml           text      NOT NULL
);
