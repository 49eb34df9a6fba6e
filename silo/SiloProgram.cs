using HealthGrid.Api.Auth;
using HealthGrid.Silo.Demo;
using HealthGrid.Silo.Hosting;
using HealthGrid.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HealthGrid.Silo;

/// <summary>What each command of the silo does: run it, migrate its schema, or print a demo user's token.</summary>
public static class SiloProgram
{
    public static async Task<int> ExecuteAsync(SiloCommandLine command, CancellationToken cancellationToken)
    {
        var app = HealthGridHost.Build(command);
        if (command.Command == SiloCommand.Token)
        {
            return DevelopmentTokens.Print(app.Services, command.TokenUser!);
        }

        var settings = app.Services.GetRequiredService<SiloSettings>();
        try
        {
            if (command.Command == SiloCommand.AuditVerify)
            {
                return await AuditVerification.RunAsync(app.Services, settings, cancellationToken);
            }

            if (command.Command == SiloCommand.Migrate)
            {
                if (settings.Storage != StorageMode.PostgreSql)
                {
                    await Console.Error.WriteLineAsync("migrate needs PostgreSQL mode: --postgres \"Host=...;Username=...;Database=...\" or HealthGrid__Storage=PostgreSql with ConnectionStrings__HealthGrid.");
                    return 2;
                }

                var applied = await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
                Console.WriteLine(applied == 0 ? "The schema is up to date." : $"Applied {applied} migration(s); the schema is up to date.");
                return 0;
            }

            if (DevelopmentExposure.Refusal(app.Configuration, app.Services.GetRequiredService<IOptions<AuthOptions>>().Value) is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            if (settings.Storage == StorageMode.PostgreSql)
            {
                await app.Services.GetRequiredService<SchemaMigrator>().EnsureCurrentAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"HealthGrid cannot start: {ex.Message}");
            return 1;
        }

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, settings));
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
