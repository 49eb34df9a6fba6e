using System.Collections.Concurrent;
using HealthGrid.Domain.Identity;
using HealthGrid.Storage.Identity;

namespace HealthGrid.Grains.Identity;

/// <summary>
/// Resolves events' external identifiers to customers through the identity map, with a per-silo cache so
/// that a busy connector costs no database round trip per event: a mapped identifier is remembered for
/// <see cref="MappedFor"/>, an unmapped one for <see cref="UnmappedFor"/>. A mapping written or removed on
/// this silo is forgotten here at once; another silo sees it within those times (and a new mapping applies
/// the events it parked right away, wherever they were parked).
/// </summary>
public sealed class IdentityResolver(IIdentityStore store, TimeProvider time)
{
    public static readonly TimeSpan MappedFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan UnmappedFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<IdentityRef, (string? Customer, DateTimeOffset Until)> cache = new();

    /// <summary>Each event's customer: its own when it names one, else that of its first mapped identifier, else null.</summary>
    public async Task<string?[]> ResolveAsync(IReadOnlyList<ExternalEvent> events)
    {
        var now = time.GetUtcNow();
        var unknown = new HashSet<IdentityRef>();
        foreach (var e in events.Where(e => e.Event.CustomerId is null))
        {
            unknown.UnionWith(e.Refs.Where(r => !cache.TryGetValue(r, out var known) || known.Until <= now));
        }

        if (unknown.Count > 0)
        {
            var found = await store.LookupAsync(unknown, CancellationToken.None);
            foreach (var identity in unknown)
            {
                var customer = found.GetValueOrDefault(identity);
                cache[identity] = (customer, now + (customer is null ? UnmappedFor : MappedFor));
            }
        }

        return [.. events.Select(e => e.Event.CustomerId ?? e.Refs.Select(r => cache.TryGetValue(r, out var known) ? known.Customer : null).FirstOrDefault(c => c is not null))];
    }

    /// <summary>A mapping of <paramref name="identity"/> was written or removed on this silo.</summary>
    public void Forget(IdentityRef identity) => cache.TryRemove(identity, out _);
}
