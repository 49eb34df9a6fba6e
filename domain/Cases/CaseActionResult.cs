using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Cases;

/// <summary>What an action on a case did: the case afterwards, or why it was refused or could not be made durable.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseActionResult")]
public sealed record CaseActionResult(
    [property: Id(0)] IngestStatus Status,
    [property: Id(1)] CaseView? Case,
    [property: Id(2)] string? Error);
