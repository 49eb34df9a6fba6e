using HealthGrid.Domain.Identity;

namespace HealthGrid.Storage.Identity;

/// <summary>The embedded mode's identity map and parked events, in process memory under one lock.</summary>
public sealed class InMemoryIdentityStore : IIdentityStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Scheme, string ExternalId), IdentityMapping> mappings = [];
    private readonly Dictionary<string, ParkedEvent> parked = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<IdentityRef, string>> LookupAsync(IReadOnlyCollection<IdentityRef> refs, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var found = new Dictionary<IdentityRef, string>();
            foreach (var identity in refs)
            {
                if (mappings.TryGetValue((identity.Scheme, identity.ExternalId), out var mapping))
                {
                    found[identity] = mapping.CustomerId;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<IdentityRef, string>>(found);
        }
    }

    public Task<IdentityMapResult> MapAsync(IdentityMapping mapping, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var key = (mapping.Ref.Scheme, mapping.Ref.ExternalId);
            if (mappings.TryGetValue(key, out var existing))
            {
                return Task.FromResult(existing.CustomerId == mapping.CustomerId ? IdentityMapResult.Unchanged : IdentityMapResult.TakenBy(existing.CustomerId));
            }

            mappings[key] = mapping;
            return Task.FromResult(IdentityMapResult.New);
        }
    }

    public Task<bool> UnmapAsync(IdentityRef identity, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(mappings.Remove((identity.Scheme, identity.ExternalId)));
        }
    }

    public Task<IdentityPage> ListAsync(string? customerId, string? scheme, int offset, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matching = mappings.Values.Where(m => (customerId is null || m.CustomerId == customerId) && (scheme is null || m.Ref.Scheme == scheme)).ToList();
            return Task.FromResult(new IdentityPage([.. matching.Skip(offset).Take(limit)], matching.Count));
        }
    }

    public Task<bool> ParkAsync(ParkedEvent parked, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(this.parked.TryAdd(parked.Event.EventId, parked));
        }
    }

    public Task<ParkedPage> ListParkedAsync(string? source, int offset, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matching = Oldest().Where(p => source is null || p.Source == source).ToList();
            return Task.FromResult(new ParkedPage([.. matching.Skip(offset).Take(limit)], matching.Count));
        }
    }

    public Task<IReadOnlyList<ParkedEvent>> ParkedWithAsync(IdentityRef? identity, ParkedEvent? after, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ParkedEvent>>([.. Oldest()
                .Where(p => after is null || (p.ParkedAt, p.Event.EventId).CompareTo((after.ParkedAt, after.Event.EventId)) > 0)
                .Where(p => identity is not { } wanted || p.Refs.Contains(wanted))
                .Take(limit)]);
        }
    }

    public Task<int> UnparkAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(eventIds.Count(parked.Remove));
        }
    }

    /// <summary>Erasure: the customer's mappings; how many.</summary>
    internal int Erase(string customerId)
    {
        lock (gate)
        {
            var owned = mappings.Where(m => m.Value.CustomerId == customerId).Select(m => m.Key).ToList();
            owned.ForEach(key => mappings.Remove(key));
            return owned.Count;
        }
    }

    /// <summary>Retention: events parked before <paramref name="before"/>; how many went.</summary>
    internal int PurgeParked(DateTimeOffset before)
    {
        lock (gate)
        {
            var old = parked.Values.Where(p => p.ParkedAt < before).Select(p => p.Event.EventId).ToList();
            old.ForEach(id => parked.Remove(id));
            return old.Count;
        }
    }

    private IEnumerable<ParkedEvent> Oldest() => parked.Values.OrderBy(p => p.ParkedAt).ThenBy(p => p.Event.EventId, StringComparer.Ordinal);
}
