using HealthGrid.Grains.Configuration;
using HealthGrid.Grains.Sla;
using HealthGrid.Hosting.Background;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Cluster;

/// <summary>
/// Follows Orleans cluster membership: each new view brings the fan-out's peers in line, and a silo
/// declared dead has its consequences handled at once — dashboards here re-read what it may not have
/// sent, its customers' near deadlines are woken on the survivors, and the configuration in force is
/// checked against the store.
/// </summary>
public sealed class ClusterMembershipWatch(
    IClusterMembershipService membership,
    ClusterFanout fanout,
    PeerInbox inbox,
    DeadlineRecovery deadlines,
    ConfigurationSync configuration,
    TimeProvider time,
    ILogger<ClusterMembershipWatch> logger) : BackgroundLoop(time, logger)
{
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(5);
    private readonly HashSet<SiloAddress> leaving = [];
    private IAsyncEnumerator<ClusterMembershipSnapshot>? updates;
    private ClusterMembershipSnapshot? latest;

    public override LoopStage Stage => LoopStage.Cluster;

    protected override async Task PrepareAsync() => await fanout.ReconcileAsync(membership.CurrentSnapshot);

    protected override async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        updates ??= membership.MembershipUpdates.GetAsyncEnumerator(cancellationToken);
        if (!await updates.MoveNextAsync())
        {
            throw new OperationCanceledException(cancellationToken);
        }

        latest = updates.Current;
    }

    protected override async Task RunOnceAsync()
    {
        if (latest is not { } snapshot)
        {
            return;
        }

        // A silo that shut down in order sent everything before it went; one that died may not have.
        leaving.UnionWith(snapshot.Members.Values.Where(m => m.Status is SiloStatus.ShuttingDown or SiloStatus.Stopping).Select(m => m.SiloAddress));
        var left = await fanout.ReconcileAsync(snapshot);
        foreach (var silo in left)
        {
            await inbox.SiloLeftAsync(silo, resync: !leaving.Remove(silo));
        }

        if (left.Count > 0)
        {
            deadlines.AfterSiloLeft();
            configuration.CheckNow();
        }
    }

    protected override async Task FinalPassAsync()
    {
        if (updates is not null)
        {
            await updates.DisposeAsync();
        }

        await fanout.StopAsync(DrainOnStop);
    }
}
