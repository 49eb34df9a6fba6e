using HealthGrid.Domain.Ingest;

namespace HealthGrid.Storage.Ingest;

/// <summary>
/// Who owns each client-chosen id that is looked up across customers (<see cref="ClientIds"/>): the
/// first customer to claim it. Claims are made before the event that uses the id is journaled, so an id
/// never moves; claiming again what a customer already owns is free of effect.
/// </summary>
public interface IClientIdRegistry
{
    /// <summary>Claims <paramref name="ids"/> for <paramref name="customerId"/> and answers each id's owner (the customer itself, or whoever had it).</summary>
    Task<IReadOnlyDictionary<(string Kind, string Id), string>> ClaimAsync(string customerId, IReadOnlyCollection<(string Kind, string Id)> ids, CancellationToken cancellationToken);
}
