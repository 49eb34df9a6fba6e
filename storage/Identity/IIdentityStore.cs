using HealthGrid.Domain.Identity;

namespace HealthGrid.Storage.Identity;

/// <summary>
/// The identity map — external identifiers to customers, one customer per identifier — and the events
/// parked until one of their identifiers is mapped.
/// </summary>
public interface IIdentityStore
{
    /// <summary>The customers of those of <paramref name="refs"/> that are mapped.</summary>
    Task<IReadOnlyDictionary<IdentityRef, string>> LookupAsync(IReadOnlyCollection<IdentityRef> refs, CancellationToken cancellationToken);

    /// <summary>Maps an identifier, unless it is another customer's (then nothing is written and the owner is answered).</summary>
    Task<IdentityMapResult> MapAsync(IdentityMapping mapping, CancellationToken cancellationToken);

    /// <summary>Removes a mapping; false when there was none.</summary>
    Task<bool> UnmapAsync(IdentityRef identity, CancellationToken cancellationToken);

    Task<IdentityPage> ListAsync(string? customerId, string? scheme, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Parks an event; false when an event with its id is parked already.</summary>
    Task<bool> ParkAsync(ParkedEvent parked, CancellationToken cancellationToken);

    Task<ParkedPage> ListParkedAsync(string? source, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Parked events that carry <paramref name="identity"/> (any, when null), oldest first, from after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<ParkedEvent>> ParkedWithAsync(IdentityRef? identity, ParkedEvent? after, int limit, CancellationToken cancellationToken);

    /// <summary>Takes events out of the parking (they were applied); how many were there.</summary>
    Task<int> UnparkAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);
}
