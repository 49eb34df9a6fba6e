namespace HealthGrid.Domain.Alerts;

[GenerateSerializer]
public enum AlertSeverity
{
    Warning,
    High,
    Critical,
}
