using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Projections;

/// <summary>Filters for the customer list; all optional. Results are ordered least healthy first.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerQuery")]
public sealed record CustomerQuery
{
    [Id(0)] public string? AccountId { get; init; }

    [Id(1)] public HealthBand? Band { get; init; }

    [Id(2)] public Tier? Tier { get; init; }

    [Id(3)] public string? Region { get; init; }

    [Id(4)] public string? Segment { get; init; }

    [Id(5)] public Criticality? Criticality { get; init; }

    [Id(6)] public ChurnLevel? ChurnLevel { get; init; }

    [Id(7)] public int Offset { get; init; }

    [Id(8)] public int Limit { get; init; } = 50;

    /// <summary>The accounts the caller may see; null when they see every account.</summary>
    [Id(9)] public string[]? VisibleAccounts { get; init; }
}
