namespace HealthGrid.Domain.Continuity;

/// <summary>An account's share of a run: its affected customers, those breaching, and its revenue at risk.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AccountRisk")]
public sealed record AccountRisk(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string? Name,
    [property: Id(2)] int Customers,
    [property: Id(3)] int Breaching,
    [property: Id(4)] decimal RevenueAtRisk);
