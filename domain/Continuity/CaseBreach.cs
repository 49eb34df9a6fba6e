using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Continuity;

/// <summary>An SLA clock the disruption would breach: of a case open now, or of one the disruption makes the customer open.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseBreach")]
public sealed record CaseBreach(
    [property: Id(0)] string CaseId,
    [property: Id(1)] SlaMetric Metric,
    [property: Id(2)] DateTimeOffset DueAt,
    [property: Id(3)] double AfterHours,
    [property: Id(4)] string? Process,
    [property: Id(5)] string? ProcessOwner,
    [property: Id(6)] string? Team,
    [property: Id(7)] bool CausedByDisruption);
