namespace HealthGrid.Domain.Continuity;

/// <summary>
/// One disruption of a scenario: some nodes, optionally only for customers in some regions or using
/// some products, from <see cref="OffsetHours"/> after the scenario starts for <see cref="DurationHours"/>,
/// down or degraded. A scenario's disruptions may overlap.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ScenarioDisruption")]
public sealed record ScenarioDisruption
{
    [Id(0)] public required DisruptionNode[] Nodes { get; init; }

    /// <summary>Only customers in these regions (any region when empty).</summary>
    [Id(1)] public string[] Regions { get; init; } = [];

    /// <summary>Only customers using one of these products (any when empty).</summary>
    [Id(2)] public string[] Products { get; init; } = [];

    [Id(3)] public double OffsetHours { get; init; }

    [Id(4)] public required double DurationHours { get; init; }

    [Id(5)] public required DisruptionMode Mode { get; init; }

    /// <summary>The capacity lost in degraded mode, 1-99; 100 for an outage.</summary>
    [Id(6)] public double DegradedPercent { get; init; } = 100;

    /// <summary>How much of the node's capacity is gone: 100 for an outage.</summary>
    public double Severity => Mode == DisruptionMode.Outage ? 100 : DegradedPercent;
}
