using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Alerts;

/// <summary>What acknowledging or resolving an alert did.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AlertActionResult")]
public sealed record AlertActionResult(
    [property: Id(0)] IngestStatus Status,
    [property: Id(1)] Alert? Alert,
    [property: Id(2)] string? Error);
