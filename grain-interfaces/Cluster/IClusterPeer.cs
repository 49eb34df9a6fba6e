using Orleans.Services;

namespace HealthGrid.GrainInterfaces.Cluster;

/// <summary>
/// Every silo's own receiving end of the cluster fan-out: a grain service, so it lives and dies with
/// its silo and is addressed by silo address, never through a grain that could move or come back empty.
/// </summary>
[Alias("HealthGrid.IClusterPeer")]
public interface IClusterPeer : IGrainService
{
    /// <summary>Delivers one envelope from a peer; answered once this silo has applied it.</summary>
    [Alias("Deliver")]
    Task DeliverAsync(PeerEnvelope envelope);

    /// <summary>The customers active on this silo with open cases, which the projections may not list yet (a case opened a moment ago).</summary>
    [Alias("CustomersWithOpenCases")]
    Task<string[]> CustomersWithOpenCasesAsync();
}
