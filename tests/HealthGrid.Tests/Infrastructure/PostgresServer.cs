using System.Diagnostics;
using Npgsql;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for the test run: initdb into a temporary folder, pg_ctl on a free
/// loopback port, stopped and deleted at the end. Uses Debian's postgresql package (the test
/// script installs it); runs the server as the postgres user when the tests run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"healthgrid-pg-{Guid.NewGuid():N}");
    private string bin = "";
    private int databases;

    public int Port { get; } = FreePorts.Next();

    private string DataDirectory => Path.Combine(folder, "data");

    public async Task InitializeAsync()
    {
        bin = FindBinaries();
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres", folder);
        }

        await RunPostgresToolAsync("initdb", "-D", DataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A fresh, empty database on the server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"healthgrid_{Interlocked.Increment(ref databases)}";

        // Unpooled: a pooled connection would outlive a restart of the server (the database-down test's) and fail its next use.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=15";

    /// <summary>Starts (or restarts) the server and waits until it accepts connections.</summary>
    public Task StartAsync() => RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-w", "-t", "30", "-l", Path.Combine(folder, "server.log"),
        "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on", "start");

    /// <summary>Stops the server at once (fast shutdown: open connections are closed).</summary>
    public Task StopAsync() => RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-w", "-t", "30", "-m", "fast", "stop");

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries were not found under /usr/lib/postgresql; run ./test.sh, which installs Debian's postgresql package.");
    }

    private Task RunPostgresToolAsync(string tool, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args]) : RunAsync(Path.Combine(bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
