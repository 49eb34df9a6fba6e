using HealthGrid.Domain.Ingest;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// Who owns each client-chosen id that is looked up across customers (<see cref="ClientIds"/>): the
/// first customer to claim it. Claims are made before the event that uses the id is journaled, so an id
/// never moves; claiming again what a customer already owns is free of effect.
/// </summary>
public interface IClientIdRegistry
{
    /// <summary>
    /// Claims <paramref name="ids"/> for <paramref name="customerId"/> at <paramref name="at"/> and answers each
    /// id's owner (the customer itself, or whoever had it). The owner's claim is renewed: retention releases
    /// conversation ids by when they were last claimed.
    /// </summary>
    Task<IReadOnlyDictionary<(string Kind, string Id), string>> ClaimAsync(string customerId, IReadOnlyCollection<(string Kind, string Id)> ids, DateTimeOffset at, CancellationToken cancellationToken);
}
