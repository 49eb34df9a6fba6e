using System.Runtime.CompilerServices;
using System.Text;
using HealthGrid.Domain.Audit;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Audit;

/// <summary>
/// The audit log in <c>healthgrid_audit_log</c>. An append takes a transaction-scoped advisory lock,
/// reads the newest entry and inserts the chained records, so the silos of a cluster append one chain
/// in one order. Audited acts are people's (configuration, profiles, case and alert actions, exports),
/// far below the rate one lock holder serves.
/// </summary>
public sealed class PostgresAuditLog(NpgsqlDataSource database, TimeProvider time) : IAuditLog
{
    /// <summary>The advisory lock's key: any fixed number no other HealthGrid lock uses.</summary>
    private const long ChainLock = 0x4847_4155_4449_54;

    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    internal const string Columns = "seq, at, actor, action, object, ip, details, previous_hash, hash, erased, object_digest, details_digest";

    private const string InsertColumns = "seq, at, actor, action, object, ip, details, previous_hash, hash";

    public async Task<AuditEntry[]> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockChain = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockChain.Parameters.AddWithValue("key", ChainLock);
            await lockChain.ExecuteNonQueryAsync(cancellationToken);
        }

        AuditEntry? previous;
        await using (var newest = new NpgsqlCommand($"SELECT {Columns} FROM healthgrid_audit_log ORDER BY seq DESC LIMIT 1", connection, transaction))
        await using (var reader = await newest.ExecuteReaderAsync(cancellationToken))
        {
            previous = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }

        var appended = new AuditEntry[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            previous = appended[i] = AuditChain.Next(previous, records[i], time.GetUtcNow());
        }

        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO healthgrid_audit_log ({InsertColumns})
            SELECT * FROM unnest(@seq, @at, @actor, @action, @object, @ip, @details, @previous, @hash)
            """, connection, transaction))
        {
            insert.Parameters.Add(Array("seq", NpgsqlDbType.Bigint, appended.Select(e => (object)e.Seq)));
            insert.Parameters.Add(Array("at", NpgsqlDbType.TimestampTz, appended.Select(e => (object)e.At.UtcDateTime)));
            insert.Parameters.Add(Array("actor", NpgsqlDbType.Text, appended.Select(e => (object)e.Actor)));
            insert.Parameters.Add(Array("action", NpgsqlDbType.Text, appended.Select(e => (object)e.Action)));
            insert.Parameters.Add(Array("object", NpgsqlDbType.Text, appended.Select(e => (object)e.Object)));
            insert.Parameters.Add(Array("ip", NpgsqlDbType.Text, appended.Select(e => (object?)e.Ip ?? DBNull.Value)));
            insert.Parameters.Add(Array("details", NpgsqlDbType.Text, appended.Select(e => (object?)e.Details ?? DBNull.Value)));
            insert.Parameters.Add(Array("previous", NpgsqlDbType.Text, appended.Select(e => (object)e.PreviousHash)));
            insert.Parameters.Add(Array("hash", NpgsqlDbType.Text, appended.Select(e => (object)e.Hash)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return appended;
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("TRUE");
        await using var command = new NpgsqlCommand();
        if (query.Actor is { } actor)
        {
            where.Append(" AND actor = @actor");
            command.Parameters.AddWithValue("actor", actor);
        }

        if (query.Object is { } target)
        {
            where.Append(target.EndsWith('/') ? " AND object LIKE @object" : " AND object = @object");
            command.Parameters.AddWithValue("object", target.EndsWith('/') ? EscapeLike(target) + "%" : target);
        }

        if (query.Action is { } action)
        {
            where.Append(" AND action = @action");
            command.Parameters.AddWithValue("action", action);
        }

        if (query.From is { } from)
        {
            where.Append(" AND at >= @from");
            command.Parameters.AddWithValue("from", from.UtcDateTime);
        }

        if (query.To is { } to)
        {
            where.Append(" AND at < @to");
            command.Parameters.AddWithValue("to", to.UtcDateTime);
        }

        if (query.Before is { } before)
        {
            where.Append(" AND seq < @before");
            command.Parameters.AddWithValue("before", before);
        }

        command.Parameters.AddWithValue("limit", query.Limit);
        command.CommandText = $"SELECT {Columns} FROM healthgrid_audit_log WHERE {where} ORDER BY seq DESC LIMIT @limit";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        command.Connection = connection;
        var items = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new AuditPage([.. items], items.Count == query.Limit ? items[^1].Seq : null);
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM healthgrid_audit_log ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    internal static AuditEntry Read(NpgsqlDataReader reader) => new()
    {
        Seq = reader.GetInt64(0),
        At = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
        Actor = reader.GetString(2),
        Action = reader.GetString(3),
        Object = reader.GetString(4),
        Ip = reader.IsDBNull(5) ? null : reader.GetString(5),
        Details = reader.IsDBNull(6) ? null : reader.GetString(6),
        PreviousHash = reader.GetString(7),
        Hash = reader.GetString(8),
        Erased = reader.GetBoolean(9) ? new ErasedFields(reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11)) : null,
    };

    private static NpgsqlParameter Array(string name, NpgsqlDbType type, IEnumerable<object?> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    internal static string EscapeLike(string value) => value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
