-- Configuration as data: every version of every area's document, never updated or deleted. The
-- newest version of an area is the one in force on every silo. Versions count up from 1 without
-- gaps, so the primary key is the optimistic-concurrency check: two writers of the version after
-- the same one cannot both succeed. Documents are json, not jsonb: they read back as written.

CREATE TABLE healthgrid_configuration (
    area          text        NOT NULL,
    version       bigint      NOT NULL CHECK (version > 0),
    document      json        NOT NULL,
    author        text        NOT NULL,
    reason        text,
    diff          json        NOT NULL,
    restored_from bigint,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (area, version)
);
