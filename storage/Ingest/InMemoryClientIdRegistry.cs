using System.Collections.Concurrent;

namespace HealthGrid.Storage.Ingest;

/// <summary>The embedded mode's id owners, in process memory (one silo).</summary>
public sealed class InMemoryClientIdRegistry : IClientIdRegistry
{
    private readonly ConcurrentDictionary<(string Kind, string Id), string> owners = new();

    /// <summary>Erasure: the customer's ids are free again; how many it held.</summary>
    internal int Release(string customerId)
    {
        var released = 0;
        foreach (var owned in owners.Where(o => o.Value == customerId).Select(o => o.Key).ToList())
        {
            released += owners.TryRemove(new KeyValuePair<(string, string), string>(owned, customerId)) ? 1 : 0;
        }

        return released;
    }

    public Task<IReadOnlyDictionary<(string Kind, string Id), string>> ClaimAsync(string customerId, IReadOnlyCollection<(string Kind, string Id)> ids, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<(string, string), string> found = ids.Distinct().ToDictionary(id => id, id => owners.GetOrAdd(id, customerId));
        return Task.FromResult(found);
    }
}
