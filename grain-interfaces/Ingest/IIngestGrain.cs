using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.GrainInterfaces.Ingest;

/// <summary>
/// Ingest of events from other systems (helpdesk webhooks, queues): their customers resolved through the
/// identity map, the unresolved ones parked, the rest routed to their customers — on the silo that took
/// them (a stateless worker).
/// </summary>
[Alias("HealthGrid.IIngestGrain")]
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>Each event's outcome, in order: accepted, duplicate, rejected, conflict, unavailable, or parked until its identifier is mapped.</summary>
    [Alias("IngestExternal")]
    Task<IngestOutcome[]> IngestAsync([Immutable] ExternalEvent[] events);
}
