namespace HealthGrid.Domain.Cases;

/// <summary>A case's SLA at a glance: the worst of its clocks.</summary>
[GenerateSerializer]
public enum SlaState
{
    OnTrack,
    Warning,
    Breached,
    Paused,
    Completed,
}
