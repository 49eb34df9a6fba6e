namespace HealthGrid.Domain.Identity;

/// <summary>A page of parked events, oldest first, and how many are parked in all.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ParkedPage")]
public sealed record ParkedPage([property: Id(0)] ParkedEvent[] Items, [property: Id(1)] long Total);
