namespace HealthGrid.Domain.Sla;

/// <summary>Targets in business time; a missing target means the metric is not measured.</summary>
public sealed class SlaTargetSettings
{
    public TimeSpan? FirstResponse { get; set; }

    public TimeSpan? NextResponse { get; set; }

    public TimeSpan? PeriodicUpdate { get; set; }

    public TimeSpan? Resolution { get; set; }
}
