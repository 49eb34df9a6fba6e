using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Cluster;
using HealthGrid.GrainInterfaces.Live;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Cluster;

/// <summary>
/// Carries live changes and configuration versions from this silo to every silo of the cluster, this
/// one included. The peers are those Orleans cluster membership knows as active (or shutting down,
/// while their dashboards are still connected), each with its own <see cref="PeerOutbox"/> delivering
/// to that silo's own <see cref="ClusterPeer"/>: there is no registry, no single activation whose death
/// loses messages, and a peer that is slow or dead holds up nobody else.
/// </summary>
public sealed partial class ClusterFanout(ILocalSiloDetails local, IClusterMembershipService membership, ClusterPeerClient peers, PeerInbox inbox, TimeProvider time, ILogger<ClusterFanout> logger)
{
    private readonly Lock gate = new();
    private Dictionary<SiloAddress, PeerOutbox>? outboxes;

    /// <summary>How many silos changes currently go to.</summary>
    public int PeerCount => Outboxes().Count;

    public void Post(LiveChanges changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        foreach (var outbox in Outboxes().Values)
        {
            outbox.Post(changes);
        }
    }

    /// <summary>Sends a configuration version to every silo and waits until each has put it in force, or <paramref name="timeout"/> has passed.</summary>
    public async Task<(int Applied, int Silos)> DeliverAsync(ConfigurationVersion version, TimeSpan timeout)
    {
        var deliveries = Outboxes().Values.Select(o => o.PostAsync(version)).ToArray();
        await Task.WhenAny(Task.WhenAll(deliveries), Task.Delay(timeout, time));
        return (deliveries.Count(d => d.IsCompletedSuccessfully && d.Result), deliveries.Length);
    }

    /// <summary>Brings the peers in line with the membership: outboxes for silos that became active, none for those that died.</summary>
    public async Task<IReadOnlyList<SiloAddress>> ReconcileAsync(ClusterMembershipSnapshot snapshot)
    {
        List<PeerOutbox> gone;
        lock (gate)
        {
            outboxes ??= [];
            var wanted = snapshot.Members.Values.Where(m => Receives(m.Status)).Select(m => m.SiloAddress).ToHashSet();
            foreach (var silo in wanted.Where(s => !outboxes.ContainsKey(s)))
            {
                outboxes = new Dictionary<SiloAddress, PeerOutbox>(outboxes) { [silo] = Open(silo) };
                LogPeerJoined(silo);
            }

            gone = [.. outboxes.Values.Where(o => !wanted.Contains(o.Peer))];
            if (gone.Count > 0)
            {
                outboxes = outboxes.Where(o => wanted.Contains(o.Key)).ToDictionary();
            }
        }

        foreach (var outbox in gone)
        {
            LogPeerLeft(outbox.Peer);
            await outbox.CloseAsync();
        }

        return [.. gone.Select(o => o.Peer)];
    }

    /// <summary>This silo is stopping: what is queued gets up to <paramref name="timeout"/> to go out.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        var all = Outboxes().Values.ToList();
        await Task.WhenAll(all.Select(o => o.DrainAsync(timeout)));
        await Task.WhenAll(all.Select(o => o.CloseAsync()));
    }

    private static bool Receives(SiloStatus status) => status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping;

    /// <summary>Until the membership watch has run, the peers are what membership knows now.</summary>
    private Dictionary<SiloAddress, PeerOutbox> Outboxes()
    {
        if (Volatile.Read(ref outboxes) is { } known)
        {
            return known;
        }

        lock (gate)
        {
            outboxes ??= membership.CurrentSnapshot.Members.Values.Where(m => Receives(m.Status) || m.SiloAddress.Equals(local.SiloAddress))
                .ToDictionary(m => m.SiloAddress, m => Open(m.SiloAddress));
            return outboxes;
        }
    }

    private PeerOutbox Open(SiloAddress silo)
    {
        Func<PeerEnvelope, Task> deliver = silo.Equals(local.SiloAddress) ? inbox.DeliverAsync : envelope => peers.On(silo).DeliverAsync(envelope);
        var outbox = new PeerOutbox(silo, local.SiloAddress, deliver, time, logger);
        outbox.Start();
        return outbox;
    }

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Live changes and configuration now also go to {Silo}")]
    private partial void LogPeerJoined(SiloAddress silo);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "{Silo} left the cluster; nothing more is sent to it")]
    private partial void LogPeerLeft(SiloAddress silo);
}
