using HealthGrid.GrainInterfaces.Cluster;
using Orleans.Runtime.Services;

namespace HealthGrid.Grains.Cluster;

/// <summary>Addresses a given silo's <see cref="IClusterPeer"/>.</summary>
public sealed class ClusterPeerClient(IServiceProvider services) : GrainServiceClient<IClusterPeer>(services)
{
    public IClusterPeer On(SiloAddress silo) => GetGrainService(silo);
}
