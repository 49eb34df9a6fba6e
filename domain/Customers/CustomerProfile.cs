namespace HealthGrid.Domain.Customers;

[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerProfile")]
public sealed record CustomerProfile
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string AccountId { get; init; }

    [Id(2)] public required string Name { get; init; }

    [Id(3)] public required Tier Tier { get; init; }

    [Id(4)] public required string Segment { get; init; }

    [Id(5)] public required string Region { get; init; }

    [Id(6)] public string[] Products { get; init; } = [];

    [Id(7)] public required Criticality Criticality { get; init; }

    /// <summary>Annual recurring revenue, in the organisation's reporting currency.</summary>
    [Id(8)] public required decimal Revenue { get; init; }

    [Id(9)] public Dependency[] Dependencies { get; init; } = [];

    [Id(10)] public Contact[] Contacts { get; init; } = [];
}
