-- The Orleans ADO.NET providers read their SQL from this table by query key
-- (SELECT QueryKey, QueryText FROM OrleansQuery); the unquoted name folds to orleansquery.
CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text        NOT NULL
);
