namespace HealthGrid.Domain.Cases;

/// <summary>One SLA clock of a case: its target in business time, when it is due, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.SlaClockView")]
public sealed record SlaClockView
{
    [Id(0)] public required SlaMetric Metric { get; init; }

    [Id(1)] public required ClockState State { get; init; }

    [Id(2)] public required TimeSpan Target { get; init; }

    [Id(3)] public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it breaches if nothing happens; null unless running.</summary>
    [Id(4)] public DateTimeOffset? DueAt { get; init; }

    /// <summary>Business time used, as of the read (a single case) or of the case's last change (case lists); pauses excluded.</summary>
    [Id(5)] public required TimeSpan Elapsed { get; init; }

    [Id(6)] public DateTimeOffset? BreachedAt { get; init; }

    [Id(7)] public DateTimeOffset? CompletedAt { get; init; }

    [Id(8)] public required int WarningsFired { get; init; }
}
