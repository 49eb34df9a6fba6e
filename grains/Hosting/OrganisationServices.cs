using HealthGrid.Domain.Alerts;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Configuration;
using HealthGrid.Grains.Customers;
using HealthGrid.Grains.Live;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Hosting;

/// <summary>What the organisation grains (journey stages, process owners) share, handed to them as one.</summary>
public sealed class OrganisationServices(
    CurrentOrganisation organisation,
    IOptionsMonitor<AlertOptions> alertOptions,
    IOptions<SnapshotOptions> snapshots,
    IProjectionStore store,
    AlertPublishing alerts,
    ProposedRules proposals,
    LiveBroadcaster broadcaster,
    TimeProvider time)
{
    public LiveBroadcaster Broadcaster => broadcaster;

    public CurrentOrganisation Organisation => organisation;

    public AlertOptions AlertOptions => alertOptions.CurrentValue;

    public IOptions<SnapshotOptions> Snapshots => snapshots;

    public IProjectionStore Store => store;

    public AlertPublishing Alerts => alerts;

    public ProposedRules Proposals => proposals;

    public TimeProvider Time => time;
}
