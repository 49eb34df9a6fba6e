namespace HealthGrid.Domain.Customers;

/// <summary>
/// A customer's row in the directory: what lists, filters and account roll-ups need, kept current
/// by the customer's grain so that no list has to call every customer grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerSummary")]
public sealed record CustomerSummary
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string AccountId { get; init; }

    [Id(2)] public required string Name { get; init; }

    [Id(3)] public required Tier Tier { get; init; }

    [Id(4)] public required string Segment { get; init; }

    [Id(5)] public required string Region { get; init; }

    [Id(6)] public required Criticality Criticality { get; init; }

    [Id(7)] public required decimal Revenue { get; init; }

    [Id(8)] public required double Health { get; init; }

    [Id(9)] public required HealthBand Band { get; init; }

    [Id(10)] public required double ChurnProbability { get; init; }

    [Id(11)] public required ChurnLevel ChurnLevel { get; init; }

    /// <summary>Event-log sequence of the latest event reflected.</summary>
    [Id(12)] public required long AppliedSeq { get; init; }

    /// <summary>Incremented by every profile change.</summary>
    [Id(13)] public required long ProfileVersion { get; init; }

    [Id(14)] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Both versions only grow, so a summary that is not older than another on either reflects at
    /// least as much; stores and roll-ups use this to ignore late, stale updates.
    /// </summary>
    public bool IsNotOlderThan(CustomerSummary other) =>
        AppliedSeq >= other.AppliedSeq && ProfileVersion >= other.ProfileVersion;
}
