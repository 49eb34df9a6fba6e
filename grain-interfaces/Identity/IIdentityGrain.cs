using HealthGrid.Domain.Identity;

namespace HealthGrid.GrainInterfaces.Identity;

/// <summary>The identity map and the parked events, as the API manages them (a stateless worker on the silo that took the request).</summary>
[Alias("HealthGrid.IIdentityGrain")]
public interface IIdentityGrain : IGrainWithIntegerKey
{
    /// <summary>Maps an identifier to a customer (refused when it is another's) and applies the parked events it resolves.</summary>
    [Alias("Map")]
    Task<IdentityMapOutcome> MapAsync(IdentityMapping mapping);

    [Alias("Unmap")]
    Task<bool> UnmapAsync(IdentityRef identity);

    [Alias("List")]
    Task<IdentityPage> ListAsync(string? customerId, string? scheme, int offset, int limit);

    [Alias("ListParked")]
    Task<ParkedPage> ListParkedAsync(string? source, int offset, int limit);
}
