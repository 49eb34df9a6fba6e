using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>
/// What a scenario does to one customer, projected from its live state without changing it: which
/// dependencies it hits, when its recovery requirement breaks, its health before, during and after,
/// the SLA breaches and escalations it causes, the revenue at risk and whom to call.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerImpact")]
public sealed record CustomerImpact
{
    [Id(0)] public required string CustomerId { get; init; }

    [Id(1)] public required string AccountId { get; init; }

    [Id(2)] public required string Name { get; init; }

    [Id(3)] public required Tier Tier { get; init; }

    [Id(4)] public required Criticality Criticality { get; init; }

    [Id(5)] public required string Region { get; init; }

    [Id(6)] public required decimal Revenue { get; init; }

    [Id(7)] public required DependencyImpact[] Dependencies { get; init; }

    /// <summary>Hours after the scenario starts when the first recovery requirement breaks; null when none does.</summary>
    [Id(8)] public double? BreachAfterHours { get; init; }

    [Id(9)] public required double HealthBefore { get; init; }

    [Id(10)] public required HealthBand BandBefore { get; init; }

    /// <summary>The lowest projected score while the scenario runs.</summary>
    [Id(11)] public required double HealthDuring { get; init; }

    [Id(12)] public required HealthBand BandDuring { get; init; }

    /// <summary>The projected score when the last disruption ends.</summary>
    [Id(13)] public required double HealthAfter { get; init; }

    [Id(14)] public required HealthBand BandAfter { get; init; }

    /// <summary>The SLA breaches, by case (for those who may see cases; continuity planners see only <see cref="SlaBreachCount"/>).</summary>
    [Id(15)] public required CaseBreach[] SlaBreaches { get; init; }

    [Id(20)] public required int SlaBreachCount { get; init; }

    [Id(16)] public required EscalationHit[] Escalations { get; init; }

    /// <summary>The customer's revenue when its recovery requirement breaks or the disruption pushes it into a worse band; else 0.</summary>
    [Id(17)] public required decimal RevenueAtRisk { get; init; }

    /// <summary>The customer's escalation path during disruptions, in the order to call.</summary>
    [Id(18)] public required Contact[] Contacts { get; init; }

    /// <summary>The process owners accountable for the disrupted processes and stages the customer depends on.</summary>
    [Id(19)] public required string[] ProcessOwners { get; init; }

    public bool IsCritical => Criticality == Criticality.Critical || Tier == Tier.Platinum;
}
