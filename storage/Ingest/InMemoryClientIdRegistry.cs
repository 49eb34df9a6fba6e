using System.Collections.Concurrent;

namespace HealthGrid.Storage.Ingest;

/// <summary>The embedded mode's id owners, in process memory (one silo).</summary>
public sealed class InMemoryClientIdRegistry : IClientIdRegistry
{
    private readonly ConcurrentDictionary<(string Kind, string Id), Claim> owners = new();

    /// <summary>Erasure: the customer's ids are free again; how many it held.</summary>
    internal int Release(string customerId) => ReleaseWhere(claim => claim.Value.CustomerId == customerId);

    /// <summary>Retention: these ids of a kind are free again (their cases are gone); how many were held.</summary>
    internal int Release(string kind, IEnumerable<string> ids)
    {
        var released = 0;
        foreach (var id in ids)
        {
            released += owners.TryRemove((kind, id), out _) ? 1 : 0;
        }

        return released;
    }

    /// <summary>Retention: ids of a kind last claimed before <paramref name="before"/> are free again; how many.</summary>
    internal int ReleaseClaimedBefore(string kind, DateTimeOffset before) =>
        ReleaseWhere(claim => claim.Key.Kind == kind && claim.Value.At < before);

    public Task<IReadOnlyDictionary<(string Kind, string Id), string>> ClaimAsync(string customerId, IReadOnlyCollection<(string Kind, string Id)> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var claim = new Claim(customerId, at);

        // The owner's claim is renewed (its time moves on); another customer's stays as it was.
        IReadOnlyDictionary<(string, string), string> found = ids.Distinct().ToDictionary(
            id => id,
            id => owners.AddOrUpdate(id, claim, (_, held) => held.CustomerId == customerId ? claim : held).CustomerId);
        return Task.FromResult(found);
    }

    private int ReleaseWhere(Func<KeyValuePair<(string Kind, string Id), Claim>, bool> released)
    {
        var count = 0;
        foreach (var claim in owners.Where(released).ToList())
        {
            count += owners.TryRemove(claim) ? 1 : 0;
        }

        return count;
    }

    private sealed record Claim(string CustomerId, DateTimeOffset At);
}
