using HealthGrid.Domain.Identity;
using HealthGrid.GrainInterfaces.Identity;
using HealthGrid.Storage.Identity;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Identity;

[StatelessWorker]
public sealed class IdentityGrain(IIdentityStore store, IdentityResolver resolver, ParkedEvents parked) : Grain, IIdentityGrain
{
    public async Task<IdentityMapOutcome> MapAsync(IdentityMapping mapping)
    {
        var result = await store.MapAsync(mapping, CancellationToken.None);
        if (result.Conflict)
        {
            return new IdentityMapOutcome(result, 0);
        }

        resolver.Forget(mapping.Ref);
        return new IdentityMapOutcome(result, await parked.ApplyAsync(mapping.Ref));
    }

    public async Task<bool> UnmapAsync(IdentityRef identity)
    {
        var removed = await store.UnmapAsync(identity, CancellationToken.None);
        resolver.Forget(identity);
        return removed;
    }

    public Task<IdentityPage> ListAsync(string? customerId, string? scheme, int offset, int limit) =>
        store.ListAsync(customerId, scheme, offset, limit, CancellationToken.None);

    public Task<ParkedPage> ListParkedAsync(string? source, int offset, int limit) =>
        store.ListParkedAsync(source, offset, limit, CancellationToken.None);
}
