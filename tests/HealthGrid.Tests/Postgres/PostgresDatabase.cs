using HealthGrid.Storage.Postgres;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HealthGrid.Tests.Postgres;

/// <summary>A fresh database on the test server with HealthGrid's schema applied.</summary>
internal static class PostgresDatabase
{
    public static async Task<string> CreateMigratedAsync(PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(source, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Starts an in-process silo in PostgreSQL mode on this database.</summary>
    public static Task<InProcessSilo> StartSiloAsync(string connectionString) => InProcessSilo.StartAsync("--postgres", connectionString);

    /// <summary>Starts an in-process silo in PostgreSQL mode on this database, with HealthGrid's time on <paramref name="clock"/>.</summary>
    public static Task<InProcessSilo> StartSiloAsync(string connectionString, TimeProvider clock) => InProcessSilo.StartOnClockAsync(clock, "--postgres", connectionString);
}
