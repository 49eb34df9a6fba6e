namespace HealthGrid.Domain.Cases;

/// <summary>
/// A breach taken back: the clock of <see cref="Metric"/> (cycle <see cref="Cycle"/>) of case
/// <see cref="CaseId"/> fired at <see cref="BreachedAt"/> on what was known then, and a late event showed
/// its deadline met. Its alert is <see cref="AlertId"/> (none when no breach alert was raised).
/// </summary>
public sealed record SlaRetraction(string CaseId, SlaMetric Metric, int Cycle, DateTimeOffset BreachedAt, string? AlertId);
