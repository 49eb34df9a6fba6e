using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Identity;

/// <summary>
/// An event whose customer could not be resolved: kept with the external identifiers it carried (in
/// the order they are tried) and why, until a mapping resolves it and it is applied — once, by its eventId.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ParkedEvent")]
public sealed record ParkedEvent(
    [property: Id(0)] Interaction Event,
    [property: Id(1)] string Source,
    [property: Id(2)] IdentityRef[] Refs,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset ParkedAt);
