using System.Text.Json;
using HealthGrid.Domain.Identity;
using HealthGrid.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Identity;

/// <summary>
/// The identity map in <c>healthgrid_identities</c> (one row per external identifier: the primary key is
/// the one-customer rule) and parked events in <c>healthgrid_parked_events</c>, their identifiers in a
/// text array with a GIN index, so a new mapping finds the events it resolves without a scan.
/// </summary>
public sealed class PostgresIdentityStore(NpgsqlDataSource database) : IIdentityStore
{
    private const string ParkedColumns = "payload::text, source, refs, reason, parked_at";

    public async Task<IReadOnlyDictionary<IdentityRef, string>> LookupAsync(IReadOnlyCollection<IdentityRef> refs, CancellationToken cancellationToken)
    {
        var found = new Dictionary<IdentityRef, string>();
        if (refs.Count == 0)
        {
            return found;
        }

        await using var command = database.CreateCommand("""
            SELECT i.scheme, i.external_id, i.customer_id FROM unnest($1::text[], $2::text[]) AS r(scheme, external_id)
            JOIN healthgrid_identities i ON i.scheme = r.scheme AND i.external_id = r.external_id
            """);
        command.Parameters.Add(new() { Value = refs.Select(r => r.Scheme).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = refs.Select(r => r.ExternalId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[new IdentityRef(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return found;
    }

    public async Task<IdentityMapResult> MapAsync(IdentityMapping mapping, CancellationToken cancellationToken)
    {
        // Insert, or find who has it: one statement, so two silos mapping the same id at once cannot both win.
        await using var command = database.CreateCommand("""
            WITH inserted AS (
                INSERT INTO healthgrid_identities (scheme, external_id, customer_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (scheme, external_id) DO NOTHING RETURNING customer_id)
            SELECT true, customer_id FROM inserted
            UNION ALL
            SELECT false, customer_id FROM healthgrid_identities WHERE scheme = $1 AND external_id = $2 AND NOT EXISTS (SELECT 1 FROM inserted)
            """);
        command.Parameters.Add(new() { Value = mapping.Ref.Scheme });
        command.Parameters.Add(new() { Value = mapping.Ref.ExternalId });
        command.Parameters.Add(new() { Value = mapping.CustomerId });
        command.Parameters.Add(new() { Value = mapping.At });
        command.Parameters.Add(new() { Value = mapping.By });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Inserted by another writer after our insert found it, and removed before our read: try again.
            await reader.DisposeAsync();
            return await MapAsync(mapping, cancellationToken);
        }

        var (created, owner) = (reader.GetBoolean(0), reader.GetString(1));
        return created ? IdentityMapResult.New : owner == mapping.CustomerId ? IdentityMapResult.Unchanged : IdentityMapResult.TakenBy(owner);
    }

    public async Task<bool> UnmapAsync(IdentityRef identity, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM healthgrid_identities WHERE scheme = $1 AND external_id = $2");
        command.Parameters.Add(new() { Value = identity.Scheme });
        command.Parameters.Add(new() { Value = identity.ExternalId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IdentityPage> ListAsync(string? customerId, string? scheme, int offset, int limit, CancellationToken cancellationToken)
    {
        const string Filter = "($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR scheme = $2)";
        await using var command = database.CreateCommand($"""
            SELECT scheme, external_id, customer_id, created_at, created_by, count(*) OVER () FROM healthgrid_identities
            WHERE {Filter} ORDER BY scheme, external_id OFFSET $3 LIMIT $4
            """);
        command.Parameters.Add(new() { Value = (object?)customerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)scheme ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = offset });
        command.Parameters.Add(new() { Value = limit });
        var items = new List<IdentityMapping>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new IdentityMapping(new IdentityRef(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
                total = reader.GetInt64(5);
            }
        }

        if (items.Count == 0 && offset > 0)
        {
            total = await CountAsync($"SELECT count(*) FROM healthgrid_identities WHERE {Filter}", cancellationToken, customerId, scheme);
        }

        return new IdentityPage([.. items], total);
    }

    public async Task<bool> ParkAsync(ParkedEvent parked, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO healthgrid_parked_events (event_id, source, refs, reason, parked_at, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
            ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = parked.Event.EventId });
        command.Parameters.Add(new() { Value = parked.Source });
        command.Parameters.Add(new() { Value = parked.Refs.Select(r => r.ToString()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = parked.Reason });
        command.Parameters.Add(new() { Value = parked.ParkedAt });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(parked.Event, JournalJson.Default.Interaction) });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<ParkedPage> ListParkedAsync(string? source, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT {ParkedColumns} FROM healthgrid_parked_events WHERE ($1::text IS NULL OR source = $1)
            ORDER BY parked_at, event_id OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new() { Value = (object?)source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = offset });
        command.Parameters.Add(new() { Value = limit });
        var items = await ReadParkedAsync(command, cancellationToken);
        var total = await CountAsync("SELECT count(*) FROM healthgrid_parked_events WHERE ($1::text IS NULL OR source = $1)", cancellationToken, source);
        return new ParkedPage([.. items], total);
    }

    public async Task<IReadOnlyList<ParkedEvent>> ParkedWithAsync(IdentityRef? identity, ParkedEvent? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT {ParkedColumns} FROM healthgrid_parked_events
            WHERE ($1::text IS NULL OR refs @> ARRAY[$1::text]) AND ($2::timestamptz IS NULL OR (parked_at, event_id) > ($2, $3))
            ORDER BY parked_at, event_id LIMIT $4
            """);
        command.Parameters.Add(new() { Value = (object?)identity?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)after?.ParkedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)after?.Event.EventId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        return await ReadParkedAsync(command, cancellationToken);
    }

    public async Task<int> UnparkAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM healthgrid_parked_events WHERE event_id = ANY($1)");
        command.Parameters.Add(new() { Value = eventIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ParkedEvent>> ReadParkedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<ParkedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ParkedEvent(
                JsonSerializer.Deserialize(reader.GetString(0), JournalJson.Default.Interaction)!,
                reader.GetString(1),
                [.. reader.GetFieldValue<string[]>(2).Select(r => IdentityRef.Parse(r)!.Value)],
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return items;
    }

    private async Task<long> CountAsync(string sql, CancellationToken cancellationToken, params string?[] values)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
