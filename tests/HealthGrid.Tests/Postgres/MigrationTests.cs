using System.Diagnostics;
using HealthGrid.Storage.Postgres;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HealthGrid.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServer server)
{
    [Fact]
    public async Task The_migrate_command_applies_the_schema_and_is_safe_to_run_twice()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var (firstCode, first) = await MigrateAsync(connectionString);
        var (secondCode, second) = await MigrateAsync(connectionString);

        Assert.Equal(0, firstCode);
        Assert.Contains($"Applied {Migration.All.Count} migration(s)", first, StringComparison.Ordinal);
        Assert.Equal(0, secondCode);
        Assert.Contains("The schema is up to date.", second, StringComparison.Ordinal);
        Assert.Equal(Migration.All.Count, (int)await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_schema_migrations"));
        Assert.Equal(20L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task A_silo_refuses_to_start_on_a_database_that_was_not_migrated()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(source, NullLogger<SchemaMigrator>.Instance).EnsureCurrentAsync(CancellationToken.None));
        Assert.Contains("migrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_migration_is_detected_instead_of_silently_skipped()
    {
        var connectionString = await PostgresDatabase.CreateMigratedAsync(server);
        await PostgresDatabase.ScalarAsync<int>(connectionString, "UPDATE healthgrid_schema_migrations SET checksum = 'tampered' WHERE version = 1 RETURNING version");
        await using var source = NpgsqlDataSource.Create(connectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(source, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None));
        Assert.Contains("was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_log_becomes_partitioned_by_month_with_every_event_its_sequence_number_and_its_uniqueness()
    {
        // A database as the build before partitioning left it, with a log of two months.
        var connectionString = await server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(source, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(Migration.All.Where(m => m.Version < 17), CancellationToken.None);
        await PostgresDatabase.ScalarAsync<int>(connectionString, """
            INSERT INTO healthgrid_event_log (event_id, stream_id, received_at, payload) VALUES
                ('e-1', 'customer/c-1', '2026-10-31T23:59:59Z', '{"n":1}'),
                ('e-2', 'customer/c-2', '2026-11-01T00:00:00Z', '{"n":2}'),
                ('e-3', 'customer/c-1', '2026-11-15T12:00:00Z', '{"n":3}');
            SELECT 1
            """);
        var before = await RowsAsync(connectionString);

        Assert.Equal(1, await migrator.MigrateAsync(Migration.All.Where(m => m.Version == 17), CancellationToken.None));

        Assert.Equal(before, await RowsAsync(connectionString));
        Assert.Equal(2L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'healthgrid_event_log'::regclass"));
        Assert.Equal(1L, await PostgresDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM healthgrid_event_log_2026_10"));

        // New events number on from the last, and an id is still unique within its month.
        Assert.Equal(4L, await PostgresDatabase.ScalarAsync<long>(connectionString,
            "INSERT INTO healthgrid_event_log (event_id, stream_id, received_at, received_month, payload) VALUES ('e-4', 'customer/c-1', '2026-11-16T00:00:00Z', '2026-11-01', '{}') RETURNING seq"));
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => PostgresDatabase.ScalarAsync<long>(connectionString,
            "INSERT INTO healthgrid_event_log (event_id, stream_id, received_at, received_month, payload) VALUES ('e-3', 'customer/c-1', '2026-11-16T00:00:00Z', '2026-11-01', '{}') RETURNING seq"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
    }

    private static Task<string> RowsAsync(string connectionString) => PostgresDatabase.ScalarAsync<string>(connectionString,
        "SELECT string_agg(concat_ws(' ', seq, event_id, stream_id, received_at, payload), E'\\n' ORDER BY seq) FROM healthgrid_event_log");

    private static async Task<(int Code, string Output)> MigrateAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { SiloProcess.SiloAssembly, "migrate", "--postgres", connectionString, "--Logging:LogLevel:Default=Warning" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
