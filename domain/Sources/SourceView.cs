namespace HealthGrid.Domain.Sources;

/// <summary>
/// A source for the operators: its expectation, when it last delivered, its rate over the last hour,
/// its lag, and whether it is stale now (with why).
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.SourceView")]
public sealed record SourceView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public DateTimeOffset? LastReceivedAt { get; init; }

    [Id(3)] public DateTimeOffset? LastOccurredAt { get; init; }

    [Id(4)] public required long EventsLastHour { get; init; }

    [Id(5)] public required long Total { get; init; }

    [Id(6)] public TimeSpan? LagP95 { get; init; }

    /// <summary>Whether an expectation is configured for it; without one it is tracked, never alarmed.</summary>
    [Id(7)] public required bool Expected { get; init; }

    [Id(8)] public TimeSpan? QuietAfter { get; init; }

    [Id(9)] public TimeSpan? MaxLag { get; init; }

    [Id(10)] public required bool Stale { get; init; }

    /// <summary>Why it is stale, in words ("no events for 3 h"); null when it is not.</summary>
    [Id(11)] public string? Reason { get; init; }
}
