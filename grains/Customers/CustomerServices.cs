using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Configuration;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;
using HealthGrid.Storage.Ingest;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// The silo's services that every customer grain and its parts use, handed over as one: each of a
/// million active customers then holds one reference to them instead of a dozen.
/// </summary>
public sealed class CustomerServices(
    IEventJournal journal,
    IClientIdRegistry clientIds,
    ScoreHistoryReader history,
    ProjectionPublisher publisher,
    IProjectionStore store,
    ActivityAggregator activity,
    LiveBroadcaster broadcaster,
    ActiveCustomers active,
    CurrentCustomerRules rules,
    IOptionsMonitor<SnapshotOptions> snapshots,
    CustomerMetrics metrics,
    AlertMetrics alertMetrics,
    TimeProvider time,
    DeepCopier copier,
    ProposedRules proposals,
    ILogger<CustomerGrain> logger)
{
    public IEventJournal Journal => journal;

    public IClientIdRegistry ClientIds => clientIds;

    public ScoreHistoryReader History => history;

    public ProjectionPublisher Publisher => publisher;

    public IProjectionStore Store => store;

    public ActivityAggregator Activity => activity;

    public LiveBroadcaster Broadcaster => broadcaster;

    public ActiveCustomers Active => active;

    public CurrentCustomerRules Rules => rules;

    public IOptionsMonitor<SnapshotOptions> Snapshots => snapshots;

    public CustomerMetrics Metrics => metrics;

    public AlertMetrics AlertMetrics => alertMetrics;

    public TimeProvider Time => time;

    public DeepCopier Copier => copier;

    public ProposedRules Proposals => proposals;

    public ILogger Logger => logger;
}
