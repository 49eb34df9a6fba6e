using System.Collections.Concurrent;

namespace HealthGrid.Storage.Ingest;

/// <summary>The embedded mode's id owners, in process memory (one silo).</summary>
public sealed class InMemoryClientIdRegistry : IClientIdRegistry
{
    private readonly ConcurrentDictionary<(string Kind, string Id), string> owners = new();

    public Task<IReadOnlyDictionary<(string Kind, string Id), string>> ClaimAsync(string customerId, IReadOnlyCollection<(string Kind, string Id)> ids, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<(string, string), string> found = ids.Distinct().ToDictionary(id => id, id => owners.GetOrAdd(id, customerId));
        return Task.FromResult(found);
    }
}
