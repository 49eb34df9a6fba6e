using HealthGrid.Domain.Privacy;

namespace HealthGrid.GrainInterfaces.Privacy;

/// <summary>
/// Reads what is held about a customer for an export, page by page, and erases it, on the silo that
/// took the request (a stateless worker: a long export does not hold up the customer's own grain).
/// </summary>
[Alias("HealthGrid.IPersonalDataGrain")]
public interface IPersonalDataGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="limit"/> of the customer's logged events after <paramref name="afterSeq"/>, in log order (none in the embedded mode, whose log keeps no events).</summary>
    [Alias("ReadEvents")]
    Task<StoredEvent[]> ReadEventsAsync(string customerId, long afterSeq, int limit);

    /// <summary>Erases the customer everywhere HealthGrid keeps it (docs/privacy.md, "Erasure"); safe to repeat after a failure.</summary>
    [Alias("Erase")]
    Task<ErasureReport> EraseAsync(string customerId);
}
