using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Ingest;

/// <summary>
/// An SLA timer that fired: a warning, a breach or the next escalation step of a case's metric,
/// due at <see cref="DueAt"/> and fired at <see cref="FiredAt"/> (later when the silo was down).
/// Its event id is derived from these fields, so the journal makes every firing count once.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.SlaTimerDetails")]
public sealed record SlaTimerDetails(
    [property: Id(0)] string CaseId,
    [property: Id(1)] SlaMetric Metric,
    [property: Id(2)] SlaTimerKind Kind,
    [property: Id(3)] int Step,
    [property: Id(4)] DateTimeOffset DueAt,
    [property: Id(5)] DateTimeOffset FiredAt);
