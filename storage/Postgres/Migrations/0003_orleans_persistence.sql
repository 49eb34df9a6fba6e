-- Grain state for Orleans' ADO.NET grain storage provider. A row per grain (service, type, key);
-- version is the ETag: a write must present the version it read, or insert when it read nothing.
-- Every query answers exactly one row so that the provider can tell a conflict from success.

CREATE TABLE orleans_storage (
    service_id         varchar(150) NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_id_hash      integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension varchar(512),
    payload            bytea,
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX orleans_storage_grain ON orleans_storage
    (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, (coalesce(grain_id_extension, '')));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
  AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
$q$),

-- Updates the row at the presented version, or inserts version 1 when none was presented;
-- answers the new version, or NULL when the presented version was stale (a conflict).
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING version),
inserted AS (
    INSERT INTO orleans_storage (service_id, grain_type, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
                                 grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, (coalesce(grain_id_extension, '')))
    DO NOTHING
    RETURNING version)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion"
$q$),

-- Clears the payload but keeps the row and its version history.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_storage SET payload = NULL, version = version + 1, modified_at = now()
    WHERE version = @GrainStateVersion
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING version)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$q$),

-- Deletes the row (DeleteStateOnClear); answers the would-be next version so the provider sees progress.
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_storage
    WHERE version = @GrainStateVersion
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING version + 1 AS version)
SELECT (SELECT version FROM deleted) AS "NewGrainStateVersion"
$q$);
