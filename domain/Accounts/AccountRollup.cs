using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Accounts;

/// <summary>
/// The account's health: its customers' scores weighted by revenue (equal weights when no customer
/// has revenue), the band of that score, and how many customers sit in each band.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AccountRollup")]
public sealed record AccountRollup(
    [property: Id(0)] int CustomerCount,
    [property: Id(1)] decimal Revenue,
    [property: Id(2)] double Health,
    [property: Id(3)] HealthBand Band,
    [property: Id(4)] BandCounts Bands,
    [property: Id(5)] decimal RevenueAtRisk);
