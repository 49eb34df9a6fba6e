using System.Globalization;
using Npgsql;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// The event log's monthly partitions that this silo knows exist: a month's first event creates its
/// partition (migration 0017's <c>healthgrid_event_log_partition</c>), later ones find it in the cache.
/// </summary>
internal sealed class EventLogPartitions(NpgsqlDataSource database)
{
    private const string DuplicateTable = "42P07";
    private const string UniqueViolation = "23505";
    private const string Prefix = "healthgrid_event_log_";

    private readonly HashSet<DateOnly> known = [];

    /// <summary>The partition an event received at <paramref name="receivedAt"/> belongs to: its calendar month in UTC.</summary>
    public static DateOnly MonthOf(DateTimeOffset receivedAt)
    {
        var utc = receivedAt.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    /// <summary>The month's partition table, as the migration's function names it.</summary>
    public static string TableOf(DateOnly month) => Prefix + month.ToString("yyyy_MM", CultureInfo.InvariantCulture);

    /// <summary>The month a partition table holds, or null for any other table name.</summary>
    public static DateOnly? MonthOfTable(string table) =>
        table.StartsWith(Prefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(table[Prefix.Length..], "yyyy_MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : null;

    public async Task EnsureAsync(IEnumerable<DateOnly> months)
    {
        foreach (var month in months)
        {
            if (known.Contains(month))
            {
                continue;
            }

            try
            {
                await using var command = database.CreateCommand("SELECT healthgrid_event_log_partition($1)");
                command.Parameters.Add(new() { Value = month });
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex) when (ex.SqlState is DuplicateTable or UniqueViolation)
            {
                // Another silo created it between our check and our CREATE: it exists, which is all we need.
            }

            known.Add(month);
        }
    }

    /// <summary>After a failed write: a partition may have been dropped (retention, an operator), so the next batch checks again.</summary>
    public void Forget() => known.Clear();
}
