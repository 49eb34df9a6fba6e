using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>
/// How a scenario hits one of a customer's dependencies: the worst capacity loss, the longest time
/// without acceptable service, and when (hours after the scenario starts) the recovery requirement breaks.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.DependencyImpact")]
public sealed record DependencyImpact(
    [property: Id(0)] DependencyType Type,
    [property: Id(1)] string Id,
    [property: Id(2)] double RecoveryHours,
    [property: Id(3)] double TolerancePercent,
    [property: Id(4)] double SeverityPercent,
    [property: Id(5)] double UnacceptableHours,
    [property: Id(6)] double? BreachAfterHours)
{
    /// <summary>Capacity lost beyond what the customer tolerates.</summary>
    public bool BeyondTolerance => SeverityPercent > TolerancePercent;
}
