namespace HealthGrid.Domain.Customers;

/// <summary>
/// Something the customer depends on, with its recovery requirement: the longest outage (hours) the
/// customer tolerates, and the degradation (percent of capacity lost) it tolerates without harm.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.Dependency")]
public sealed record Dependency(
    [property: Id(0)] DependencyType Type,
    [property: Id(1)] string Id,
    [property: Id(2)] double RecoveryHours,
    [property: Id(3)] double DegradedTolerancePercent = 0);
