using HealthGrid.Silo;
using HealthGrid.Silo.Demo;
using HealthGrid.Silo.Hosting;
using HealthGrid.Storage.Postgres;
using Npgsql;

var command = SiloCommandLine.Parse(args);
if (command.Command == SiloCommand.Help)
{
    Console.WriteLine(SiloCommandLine.Usage);
    return 0;
}

var app = HealthGridHost.Build(command);
if (command.Command == SiloCommand.Token)
{
    return DevelopmentTokens.Print(app.Services, command.TokenUser!);
}

var settings = app.Services.GetRequiredService<SiloSettings>();
try
{
    if (command.Command == SiloCommand.Migrate)
    {
        if (settings.Storage != StorageMode.PostgreSql)
        {
            Console.Error.WriteLine("migrate needs PostgreSQL mode: --postgres \"Host=...;Username=...;Database=...\" or HealthGrid__Storage=PostgreSql with ConnectionStrings__HealthGrid.");
            return 2;
        }

        var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        Console.WriteLine(applied == 0 ? "The schema is up to date." : $"Applied {applied} migration(s); the schema is up to date.");
        return 0;
    }

    if (settings.Storage == StorageMode.PostgreSql)
    {
        await app.Services.GetRequiredService<SchemaMigrator>().EnsureCurrentAsync(CancellationToken.None);
    }
}
catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException)
{
    Console.Error.WriteLine($"HealthGrid cannot start: {ex.Message}");
    return 1;
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, settings));
await app.RunAsync();
return 0;
