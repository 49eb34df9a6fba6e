using Microsoft.Extensions.Logging;
using Npgsql;

namespace HealthGrid.Storage.Postgres;

/// <summary>
/// Applies the embedded migrations in order, each in its own transaction, recording version and
/// checksum. Safe to run twice and from several silos at once (an advisory lock serializes them);
/// refuses to continue when an applied script has changed. Run by <c>migrate</c>, never at start-up.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource database, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x4865616c7468; // "Health"

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(Migration.All, cancellationToken);

    /// <summary>Applies <paramref name="migrations"/> (a prefix of <see cref="Migration.All"/>: a database as an earlier build left it).</summary>
    internal async Task<int> MigrateAsync(IEnumerable<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS healthgrid_schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException($"Migration {migration.Version} ({migration.Name}) was changed after it was applied; the database and this build disagree.");
                    }

                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken);
                LogApplied(migration.Version, migration.Name);
                count++;
            }

            return count;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Throws with instructions when the database is not at this build's schema version.</summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('healthgrid_schema_migrations') IS NOT NULL", connection);
        var latest = Migration.All[^1].Version;
        var current = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!
            ? (await AppliedAsync(connection, cancellationToken)).Keys.DefaultIfEmpty(0).Max()
            : 0;
        if (current < latest)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current}, this build needs {latest}. Apply it first: dotnet run --project silo -- migrate (with the same connection string).");
        }
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM healthgrid_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("INSERT INTO healthgrid_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.Parameters.Add(new() { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private partial void LogApplied(int version, string name);
}
