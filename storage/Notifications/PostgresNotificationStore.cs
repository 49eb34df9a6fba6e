using HealthGrid.Domain.Notifications;
using HealthGrid.Domain.Wire;
using HealthGrid.Storage.Projections;
using Npgsql;
using NpgsqlTypes;

namespace HealthGrid.Storage.Notifications;

/// <summary>
/// Notifications in PostgreSQL. Claims lock with SKIP LOCKED, so the delivery workers of several silos
/// share the due rows without waiting for each other; a lease that runs out (its silo died mid-send)
/// makes the row due again.
/// </summary>
public sealed class PostgresNotificationStore(NpgsqlDataSource database) : INotificationStore
{
    public async Task<IReadOnlyList<NotificationRecord>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            WITH due AS (
                SELECT n.id FROM healthgrid_notifications n
                WHERE ((n.state = 'pending' AND n.due_at <= $1) OR (n.state = 'sending' AND n.claimed_until < $1))
                  AND NOT (n.transition IN ('acknowledged', 'resolved') AND EXISTS (
                      SELECT 1 FROM healthgrid_notifications s
                      WHERE s.alert_id = n.alert_id AND s.contact_point = n.contact_point AND s.recipient = n.recipient
                        AND s.id <> n.id AND s.state = 'sending' AND s.claimed_until >= $1))
                ORDER BY n.due_at, n.id
                LIMIT $3
                FOR UPDATE SKIP LOCKED)
            UPDATE healthgrid_notifications n SET state = 'sending', claimed_until = $2
            FROM due WHERE n.id = due.id
            RETURNING n.document::text
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now + lease });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var claimed = new List<NotificationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(NotificationRows.Read(reader.GetString(0)) with { State = NotificationState.Sending });
        }

        return [.. claimed.OrderBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task CompleteAsync(IReadOnlyList<NotificationRecord> updated, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await NotificationRows.WriteAsync(connection, null, updated, $"{NotificationRows.Upsert} {NotificationRows.Overwrite}", cancellationToken);
    }

    public async Task RenewAsync(IReadOnlyCollection<string> ids, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("UPDATE healthgrid_notifications SET claimed_until = $2 WHERE id = ANY($1) AND state = 'sending'");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = until });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT min(at) FROM (
                SELECT min(due_at) AS at FROM healthgrid_notifications WHERE state = 'pending'
                UNION ALL SELECT min(claimed_until) FROM healthgrid_notifications WHERE state = 'sending') t
            """);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public async Task<IReadOnlyDictionary<(string Recipient, string ContactPoint), RecentSends>> RecentSendsAsync(IReadOnlyCollection<(string Recipient, string ContactPoint)> pairs, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var recent = new Dictionary<(string, string), RecentSends>();
        if (pairs.Count == 0)
        {
            return recent;
        }

        await using var command = database.CreateCommand("""
            SELECT n.recipient, n.contact_point, max(n.sent_at), max(n.sent_at) FILTER (WHERE n.severity = 'critical')
            FROM healthgrid_notifications n JOIN unnest($1::text[], $2::text[]) AS p(recipient, contact_point)
              ON n.recipient = p.recipient AND n.contact_point = p.contact_point
            WHERE n.sent_at >= $3
            GROUP BY n.recipient, n.contact_point
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.Recipient).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.ContactPoint).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recent[(reader.GetString(0), reader.GetString(1))] = new RecentSends(At(reader, 2), At(reader, 3));
        }

        return recent;
    }

    public async Task<NotificationPage> QueryAsync(NotificationQuery query, CancellationToken cancellationToken)
    {
        var filter = new SqlFilter();
        filter.Equal("alert_id", query.AlertId);
        filter.Equal("recipient", query.Recipient);
        filter.Equal("channel", query.Channel is { } channel ? EnumNames<ChannelKind>.Name(channel) : null);
        filter.Equal("state", query.State is { } state ? EnumNames<NotificationState>.Name(state) : null);
        if (query.VisibleAudiences is { } visible)
        {
            filter.Where("(audiences && @0::text[] OR account_id = ANY(@1))", visible, query.VisibleAccounts ?? []);
        }

        var (items, total) = await filter.PageAsync(database, "healthgrid_notifications", "decided_at DESC, due_at, id", query.Offset, query.Limit, NotificationRows.Read, cancellationToken);
        return new NotificationPage(items, total, query.Offset, query.Limit);
    }

    public async Task<IReadOnlyList<EndpointHealth>> EndpointHealthAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT contact_point,
                   count(*) FILTER (WHERE state = 'sent' AND sent_at >= $1),
                   count(*) FILTER (WHERE state = 'failed'),
                   count(*) FILTER (WHERE state IN ('pending', 'sending')),
                   max(sent_at),
                   max((document->'timeline'->-1->>'at')::timestamptz) FILTER (WHERE state = 'failed'),
                   (array_agg(document->'timeline'->-1->>'reason' ORDER BY (document->'timeline'->-1->>'at')::timestamptz DESC) FILTER (WHERE state = 'failed'))[1]
            FROM healthgrid_notifications
            WHERE decided_at >= $1 OR state IN ('pending', 'sending')
            GROUP BY contact_point
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        var health = new List<EndpointHealth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            health.Add(new EndpointHealth
            {
                ContactPoint = reader.GetString(0),
                Sent = (int)reader.GetInt64(1),
                Failed = (int)reader.GetInt64(2),
                Waiting = (int)reader.GetInt64(3),
                LastSentAt = At(reader, 4),
                LastFailedAt = At(reader, 5),
                LastFailure = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return health;
    }

    private static DateTimeOffset? At(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : new DateTimeOffset(reader.GetDateTime(column), TimeSpan.Zero);
}
