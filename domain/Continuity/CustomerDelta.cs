using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Continuity;

/// <summary>A customer whose projection differs between two runs (absent from one: null there).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerDelta")]
public sealed record CustomerDelta(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Name,
    [property: Id(2)] double? BreachAfterHoursA,
    [property: Id(3)] double? BreachAfterHoursB,
    [property: Id(4)] HealthBand? BandDuringA,
    [property: Id(5)] HealthBand? BandDuringB,
    [property: Id(6)] decimal RevenueAtRiskA,
    [property: Id(7)] decimal RevenueAtRiskB);
