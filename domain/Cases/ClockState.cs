namespace HealthGrid.Domain.Cases;

[GenerateSerializer]
public enum ClockState
{
    Running,
    Paused,
    Met,
    Breached,
    Cancelled,
}
