using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Configuration;

/// <summary>An open case's SLA clock whose deadline a configuration change moves: from when, to when (none: no longer measured).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.DeadlineMove")]
public sealed record DeadlineMove(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] SlaMetric Metric,
    [property: Id(3)] DateTimeOffset? From,
    [property: Id(4)] DateTimeOffset? To)
{
    /// <summary>Positive: later; negative: sooner; null when the clock stops or starts being measured.</summary>
    public double? MovedByMinutes => From is { } from && To is { } to ? Math.Round((to - from).TotalMinutes, 2) : null;
}
