using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Privacy;

/// <summary>An event as the log holds it, with its sequence number: what an export lists.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.StoredEvent")]
public sealed record StoredEvent([property: Id(0)] long Seq, [property: Id(1)] Interaction Event);
