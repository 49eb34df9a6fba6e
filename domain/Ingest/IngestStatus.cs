namespace HealthGrid.Domain.Ingest;

[GenerateSerializer]
public enum IngestStatus
{
    /// <summary>Durable (in PostgreSQL mode) and applied.</summary>
    Accepted,

    /// <summary>The event id was seen before; the earlier acceptance stands and nothing was applied again.</summary>
    Duplicate,

    /// <summary>Invalid; nothing was applied.</summary>
    Rejected,

    /// <summary>The event could not be made durable; retry later.</summary>
    Unavailable,

    /// <summary>An id in the event (a case or conversation id) belongs to another customer; nothing was applied.</summary>
    Conflict,

    /// <summary>
    /// The event names its customer by an external identifier nobody has mapped yet: it is kept (durably,
    /// in PostgreSQL mode) and applied once a mapping resolves it.
    /// </summary>
    Parked,
}
