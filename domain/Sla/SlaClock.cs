using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Sla;

/// <summary>
/// One SLA clock. Business time is accrued in <see cref="Accrued"/> up to <see cref="Since"/>; while
/// running it keeps accruing from there, so pausing and resuming only move these two.
/// <see cref="Cycle"/> numbers the clocks of a metric within a case (each next response is a new one).
/// </summary>
[GenerateSerializer, Alias("HealthGrid.SlaClock")]
public sealed class SlaClock
{
    [Id(0)] public SlaMetric Metric { get; set; }

    [Id(1)] public ClockState State { get; set; }

    [Id(2)] public TimeSpan Target { get; set; }

    [Id(3)] public TimeSpan Accrued { get; set; }

    [Id(4)] public DateTimeOffset Since { get; set; }

    [Id(5)] public DateTimeOffset StartedAt { get; set; }

    [Id(6)] public int WarningsFired { get; set; }

    /// <summary>The due time of the breach, once it fired.</summary>
    [Id(7)] public DateTimeOffset? BreachedAt { get; set; }

    [Id(8)] public DateTimeOffset? CompletedAt { get; set; }

    [Id(9)] public int Cycle { get; set; }

    public bool IsActive => State is ClockState.Running or ClockState.Paused;
}
