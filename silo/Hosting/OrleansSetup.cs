using System.Net;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Projections;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Hosting.Background;
using HealthGrid.Silo.Health;
using HealthGrid.Storage.Audit;
using HealthGrid.Storage.Configuration;
using HealthGrid.Storage.Continuity;
using HealthGrid.Storage.Identity;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Notifications;
using HealthGrid.Storage.Postgres;
using HealthGrid.Storage.Privacy;
using HealthGrid.Storage.Projections;
using HealthGrid.Storage.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using Orleans.Dashboard;

namespace HealthGrid.Silo.Hosting;

/// <summary>Configures the co-hosted silo for its storage mode.</summary>
public static class OrleansSetup
{
    private const string Npgsql = "Npgsql";

    public static void UseHealthGridSilo(this WebApplicationBuilder builder, SiloSettings settings)
    {
        builder.Services.AddHealthGridGrains();
        builder.Services.AddSingleton<SiloReadiness>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloReadiness>());
        var health = builder.Services.AddHealthChecks().AddCheck<SiloReadiness>("silo", tags: [HealthEndpoints.ReadyTag]);
        if (settings.Storage == StorageMode.PostgreSql)
        {
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString!));
            builder.Services.AddSingleton<SchemaMigrator>();
            builder.Services.AddSingleton<JournalMetrics>();
            builder.Services.AddBackgroundLoop<IEventJournal, PostgresEventJournal>();
            builder.Services.AddSingleton<IClientIdRegistry, PostgresClientIdRegistry>();
            builder.Services.AddSingleton<IAuditLog, PostgresAuditLog>();
            builder.Services.AddSingleton<IProjectionStore, PostgresProjectionStore>();
            builder.Services.AddSingleton<INotificationStore, PostgresNotificationStore>();
            builder.Services.AddSingleton<IContinuityStore, PostgresContinuityStore>();
            builder.Services.AddSingleton<ICustomerErasureStore, PostgresCustomerErasureStore>();
            builder.Services.AddSingleton<IRetentionStore, PostgresRetentionStore>();
            builder.Services.AddSingleton<IIdentityStore, PostgresIdentityStore>();
            builder.Services.AddSingleton<PostgresConfigurationStore>();
            builder.Services.AddSingleton<IConfigurationStore>(sp => new ProtectedConfigurationStore(
                sp.GetRequiredService<PostgresConfigurationStore>(), sp.GetServices<IConfigurationArea>(), sp.GetRequiredService<IDataProtectionProvider>()));
            builder.Services.AddSingleton<PostgresKeyRing>();

            // One key ring for the cluster, in the database: secrets at rest and notification links are readable on every silo.
            builder.Services.AddOptions<KeyManagementOptions>().Configure<PostgresKeyRing>((keys, ring) => keys.XmlRepository = ring);
            builder.Services.AddBackgroundLoop<ProjectionRepair>();
            health.AddCheck<DatabaseReadiness>("database", tags: [HealthEndpoints.ReadyTag]);
        }
        else
        {
            builder.Services.AddInMemoryEventStore();
        }

        builder.UseOrleans(silo =>
        {
            if (settings.Storage == StorageMode.PostgreSql)
            {
                silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = Npgsql;
                    o.ConnectionString = settings.ConnectionString;
                });
                foreach (var name in StorageNames.All)
                {
                    silo.AddAdoNetGrainStorage(name, o =>
                    {
                        o.Invariant = Npgsql;
                        o.ConnectionString = settings.ConnectionString;

                        // A cleared state is gone, not kept as an empty row under the grain's id: an erased customer leaves no row.
                        o.DeleteStateOnClear = true;
                    });
                }

                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = Npgsql;
                    o.ConnectionString = settings.ConnectionString;
                });
            }
            else
            {
                // Grain storage is registered with the in-memory event store (AddInMemoryEventStore).
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
                silo.UseInMemoryReminderService();
            }

            // Plain JSON state, chosen before the first deployment: it survives type renames, unlike $type-tagged JSON.
            silo.UseSystemTextJsonGrainStorageSerializer();

            // Grain and silo statistics for operators, mounted at /orleans for admins (OperationsSurfaces).
            silo.AddDashboard();
        });
    }
}
