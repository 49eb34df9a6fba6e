using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Privacy;
using HealthGrid.Domain.Sla;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Ingest;
using HealthGrid.Grains.Accounts;
using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Cluster;
using HealthGrid.Grains.Configuration;
using HealthGrid.Grains.Customers;
using HealthGrid.Grains.Identity;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Notifications;
using HealthGrid.Grains.Privacy;
using HealthGrid.Grains.Projections;
using HealthGrid.Grains.Sla;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Audit;
using HealthGrid.Storage.Configuration;
using HealthGrid.Storage.Continuity;
using HealthGrid.Storage.Identity;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Notifications;
using HealthGrid.Storage.Privacy;
using HealthGrid.Storage.Projections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;

namespace HealthGrid.Grains.Hosting;

public static class GrainServices
{
    /// <summary>
    /// The services every silo's grains use: validated options, the organisation index, metrics and
    /// the per-silo batchers. Storage for the journal and projections is added by the chosen mode.
    /// </summary>
    public static IServiceCollection AddHealthGridGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddConfigurationArea<HealthModelOptions>(ConfigurationAreaNames.HealthModel, HealthModelOptions.Section);
        services.AddConfigurationArea<OrganisationOptions>(ConfigurationAreaNames.Organisation, OrganisationOptions.Section);
        services.AddConfigurationArea<SlaOptions>(ConfigurationAreaNames.Sla, SlaOptions.Section);
        services.AddConfigurationArea<AlertOptions>(ConfigurationAreaNames.Alerts, AlertOptions.Section);
        services.AddConfigurationArea<PrivacyOptions>(ConfigurationAreaNames.Privacy, PrivacyOptions.Section);
        services.AddConfigurationArea<ConnectorOptions>(ConfigurationAreaNames.Connectors, ConnectorOptions.Section);
        services.AddHealthGridNotifications();
        services.AddValidatedOptions<SnapshotOptions>(SnapshotOptions.Section);
        services.AddValidatedOptions<ProjectionOptions>(ProjectionOptions.Section);
        services.AddValidatedOptions<ActivityOptions>(ActivityOptions.Section);
        services.AddValidatedOptions<JournalOptions>(JournalOptions.Section);
        services.AddValidatedOptions<ContinuityOptions>(ContinuityOptions.Section);
        services.AddValidatedOptions<ConfigurationOptions>(ConfigurationOptions.Section);
        services.AddSingleton<IValidateOptions<HealthModelOptions>, HealthModelOptionsValidator>();
        services.AddSingleton<IValidateOptions<OrganisationOptions>, OrganisationOptionsValidator>();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>();

        // Orleans refuses reminder periods under a minute by default; how late a deadline may fire after a failover is ours to choose.
        // Its floor is the sla area's own floor, not the period at start-up: the area can be changed at run
        // time to any period its validator allows (a change to 45 s after starting at 1 min failed every reminder).
        services.AddOptions<ReminderOptions>().Configure(reminders => reminders.MinimumReminderPeriod = SlaOptions.MinimumReminderPeriod);

        services.AddSingleton<CurrentOrganisation>();
        services.AddSingleton<CustomerMetrics>();
        services.AddSingleton<CustomerServices>();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<CurrentSlaPolicies>();
        services.AddSingleton<CurrentCustomerRules>();
        services.AddSingleton<ActiveCustomers>();
        services.AddSingleton<ILocalConfigurationDependents>(s => s.GetRequiredService<ActiveCustomers>());
        services.AddGrainService<ClusterPeer>();
        services.AddSingleton<ClusterPeerClient>();
        services.AddSingleton<PeerInbox>();
        services.AddSingleton<ClusterFanout>();
        services.AddBackgroundLoop<ClusterMembershipWatch>();
        services.AddBackgroundLoop<ConfigurationSync>();
        services.AddSingleton<ProposedRules>();
        services.AddSingleton<ConfigurationPreviews>();
        services.AddSingleton<ConfigurationFollowUps>();
        services.AddSingleton<ConfigurationEditor>();
        services.AddBackgroundLoop<DeadlineRecovery>();
        services.AddBackgroundLoop<LiveBroadcaster>();
        services.AddSingleton<TotalRevenue>();
        services.AddSingleton<AlertPublishing>();
        services.AddSingleton<OrganisationServices>();
        services.AddSingleton<ScoreHistoryReader>();
        services.AddBackgroundLoop<ProjectionPublisher>();
        services.AddBackgroundLoop<ActivityAggregator>();
        services.AddSingleton<IdentityResolver>();
        services.AddSingleton<ParkedEvents>();
        services.AddBackgroundLoop<ParkedEventsLoop>();
        services.AddSingleton<RetentionMetrics>();
        services.AddBackgroundLoop<RetentionLoop>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, BackgroundLoopLifecycle>();
        services.AddSingleton<CustomerGrainReferences>();
        services.AddSingleton<EventRouting>();
        return services;
    }

    /// <summary>
    /// Embedded mode: the journal, projections and grain state live in process memory. Snapshots are
    /// only taken when a grain deactivates: nothing survives the process, so there is nothing to bound.
    /// </summary>
    public static IServiceCollection AddInMemoryEventStore(this IServiceCollection services)
    {
        services.PostConfigure<SnapshotOptions>(o =>
        {
            o.OnShutdown = false;
            o.Periodic = false;
        });
        foreach (var name in StorageNames.All)
        {
            services.AddGrainStorage(name, (_, _) => new InProcessGrainStorage());
        }

        services.AddSingleton<IEventJournal, InMemoryEventJournal>();
        services.AddSingleton<InMemoryClientIdRegistry>();
        services.AddSingleton<IClientIdRegistry>(sp => sp.GetRequiredService<InMemoryClientIdRegistry>());
        services.AddSingleton<InMemoryAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<InMemoryAuditLog>());
        services.AddSingleton<InMemoryNotificationStore>();
        services.AddSingleton<INotificationStore>(sp => sp.GetRequiredService<InMemoryNotificationStore>());
        services.AddSingleton<InMemoryProjectionStore>();
        services.AddSingleton<IProjectionStore>(sp => sp.GetRequiredService<InMemoryProjectionStore>());
        services.AddSingleton<InMemoryContinuityStore>();
        services.AddSingleton<IContinuityStore>(sp => sp.GetRequiredService<InMemoryContinuityStore>());
        services.AddSingleton<ICustomerErasureStore, InMemoryCustomerErasureStore>();
        services.AddSingleton<IRetentionStore, InMemoryRetentionStore>();
        services.AddSingleton<InMemoryIdentityStore>();
        services.AddSingleton<IIdentityStore>(sp => sp.GetRequiredService<InMemoryIdentityStore>());
        services.AddSingleton<IConfigurationStore, InMemoryConfigurationStore>();

        // Nothing of the embedded mode outlives the process, its keys neither.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return services;
    }
}
