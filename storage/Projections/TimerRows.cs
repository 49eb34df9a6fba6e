using Dapper;
using Npgsql;

namespace HealthGrid.Storage.Projections;

/// <summary>The index of customers' next timers: one row per customer with a timer pending, found by due time.</summary>
internal static class TimerRows
{
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CustomerTimer> timers, CancellationToken cancellationToken)
    {
        var pending = timers.Where(t => t.NextAt is not null).ToList();
        if (pending.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO healthgrid_customer_timers (customer_id, next_at) SELECT * FROM unnest(@ids::text[], @at::timestamptz[])
                ON CONFLICT (customer_id) DO UPDATE SET next_at = excluded.next_at
                """,
                new { ids = pending.Select(t => t.CustomerId).ToArray(), at = pending.Select(t => t.NextAt!.Value.UtcDateTime).ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }

        var cleared = timers.Where(t => t.NextAt is null).Select(t => t.CustomerId).ToArray();
        if (cleared.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM healthgrid_customer_timers WHERE customer_id = ANY(@cleared)", new { cleared }, transaction, cancellationToken: cancellationToken));
        }
    }

    public static async Task<string[]> DueAsync(NpgsqlDataSource database, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var due = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT customer_id FROM healthgrid_customer_timers WHERE next_at <= @until ORDER BY next_at LIMIT @limit",
            new { until = until.UtcDateTime, limit },
            cancellationToken: cancellationToken));
        return [.. due];
    }
}
