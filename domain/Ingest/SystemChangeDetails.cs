namespace HealthGrid.Domain.Ingest;

/// <summary>A release or configuration change, kept as a candidate cause for complaint spikes.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.SystemChangeDetails")]
public sealed record SystemChangeDetails(
    [property: Id(0)] string ChangeId,
    [property: Id(1)] string Description,
    [property: Id(2)] string? Product,
    [property: Id(3)] string? Region);
