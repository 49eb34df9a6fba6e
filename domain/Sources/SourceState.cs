using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Sources;

/// <summary>One source as the cluster knows it: when it last delivered, how much, how late, and its open alert.</summary>
[GenerateSerializer, Alias("HealthGrid.SourceState")]
public sealed class SourceState : IOwnsAlerts
{
    [Id(0)] public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public DateTimeOffset? LastReceivedAt { get; set; }

    /// <summary>The latest occurredAt among its events.</summary>
    [Id(2)] public DateTimeOffset? LastOccurredAt { get; set; }

    /// <summary>Events received per minute over the last hour: minute start (Unix seconds) → count.</summary>
    [Id(3)] public SortedDictionary<long, long> PerMinute { get; set; } = [];

    /// <summary>The 95th percentile of receipt − occurredAt over the last report's events.</summary>
    [Id(4)] public TimeSpan? LagP95 { get; set; }

    /// <summary>When the source was first expected: a source that never delivered is quiet since then.</summary>
    [Id(5)] public DateTimeOffset? ExpectedSince { get; set; }

    /// <summary>Stale episodes so far; numbers each episode's alert.</summary>
    [Id(6)] public int Episodes { get; set; }

    [Id(7)] public long Total { get; set; }
}
