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
