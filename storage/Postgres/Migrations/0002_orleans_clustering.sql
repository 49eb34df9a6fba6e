-- Cluster membership for Orleans' ADO.NET clustering provider.
-- One version row per deployment; every membership change bumps it (optimistic concurrency:
-- a writer must present the version it read, and the version row is locked while it is checked).

CREATE TABLE orleans_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id   varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer,
    suspect_times   text,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

('InsertMembershipKey', $q$
WITH locked AS (
    SELECT deployment_id FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE),
inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM locked
    ON CONFLICT DO NOTHING
    RETURNING deployment_id),
bumped AS (
    UPDATE orleans_membership_version v SET version = v.version + 1, updated_at = now()
    FROM inserted WHERE v.deployment_id = inserted.deployment_id
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM bumped) AS "Inserted"
$q$),

('UpdateMembershipKey', $q$
WITH locked AS (
    SELECT deployment_id FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE),
updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM locked
    WHERE m.deployment_id = locked.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id),
bumped AS (
    UPDATE orleans_membership_version v SET version = v.version + 1, updated_at = now()
    FROM updated WHERE v.deployment_id = updated.deployment_id
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM bumped) AS "Updated"
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Removes silos declared dead (SiloStatus.Dead = 6) that have not been heard of since the cutoff.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$q$);
