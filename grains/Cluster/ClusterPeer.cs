using HealthGrid.GrainInterfaces.Cluster;
using HealthGrid.Grains.Customers;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Cluster;

/// <summary>
/// This silo's receiving end of the fan-out. Deliveries from different senders run side by side, off
/// the grain service's own scheduler (they wait for configuration to apply and for SignalR sends).
/// </summary>
[Reentrant]
public sealed class ClusterPeer(GrainId id, Silo silo, ILoggerFactory loggers, PeerInbox inbox, ActiveCustomers active) : GrainService(id, silo, loggers), IClusterPeer
{
    public Task DeliverAsync(PeerEnvelope envelope) => Task.Run(() => inbox.DeliverAsync(envelope));

    public Task<string[]> CustomersWithOpenCasesAsync() => Task.FromResult(active.WithOpenCases());
}
