using Dapper;
using HealthGrid.Domain.Configuration;
using Npgsql;

namespace HealthGrid.Storage.Configuration;

/// <summary>Configuration versions in PostgreSQL: one row per version, the primary key (area, version) is the concurrency check.</summary>
public sealed class PostgresConfigurationStore(NpgsqlDataSource database) : IConfigurationStore
{
    private const string Columns = """
        area AS Area, version AS Version, document::text AS Document, author AS Author, reason AS Reason,
        diff::text AS Diff, restored_from AS RestoredFrom, created_at AS At
        """;

    public async Task SeedAsync(IReadOnlyList<ConfigurationVersion> seeds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var seed in seeds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO healthgrid_configuration (area, version, document, author, reason, diff, restored_from, created_at)
                VALUES (@Area, 1, @Document::json, @Author, @Reason, @Diff::json, NULL, @At) ON CONFLICT (area, version) DO NOTHING
                """,
                Row.Of(seed),
                cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<ConfigurationVersion>> CurrentAsync(CancellationToken cancellationToken) => await QueryAsync(
        $"SELECT DISTINCT ON (area) {Columns} FROM healthgrid_configuration ORDER BY area, version DESC", null, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Area, long Version)>(new CommandDefinition(
            "SELECT area, max(version) FROM healthgrid_configuration GROUP BY area", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Area, r => r.Version, StringComparer.Ordinal);
    }

    public async Task<ConfigurationVersion?> GetAsync(string area, long version, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM healthgrid_configuration WHERE area = @area AND version = @version", new { area, version }, cancellationToken)).FirstOrDefault();

    public async Task<bool> AppendAsync(ConfigurationVersion next, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO healthgrid_configuration (area, version, document, author, reason, diff, restored_from, created_at)
            VALUES (@Area, @Version, @Document::json, @Author, @Reason, @Diff::json, @RestoredFrom, @At) ON CONFLICT (area, version) DO NOTHING
            """,
            Row.Of(next),
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<IReadOnlyList<ConfigurationVersion>> HistoryAsync(string area, long? before, int limit, CancellationToken cancellationToken) => await QueryAsync(
        $"SELECT {Columns} FROM healthgrid_configuration WHERE area = @area AND (@before::bigint IS NULL OR version < @before) ORDER BY version DESC LIMIT @limit",
        new { area, before, limit },
        cancellationToken);

    private async Task<List<ConfigurationVersion>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToVersion())];
    }

    /// <summary>A version as its row: read by column name; documents travel as text and are stored as json.</summary>
    private sealed class Row
    {
        public string Area { get; init; } = "";

        public long Version { get; init; }

        public string Document { get; init; } = "";

        public string Author { get; init; } = "";

        public string? Reason { get; init; }

        public string Diff { get; init; } = "[]";

        public long? RestoredFrom { get; init; }

        public DateTime At { get; init; }

        public static Row Of(ConfigurationVersion version) => new()
        {
            Area = version.Area,
            Version = version.Version,
            Document = version.Document,
            Author = version.Author,
            Reason = version.Reason,
            Diff = version.Diff,
            RestoredFrom = version.RestoredFrom,
            At = version.At.UtcDateTime,
        };

        public ConfigurationVersion ToVersion() => new()
        {
            Area = Area,
            Version = Version,
            Document = Document,
            Author = Author,
            Reason = Reason,
            Diff = Diff,
            RestoredFrom = RestoredFrom,
            At = new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)),
        };
    }
}
