namespace HealthGrid.Alerts;

[GenerateSerializer]
public enum AlertSeverity
{
    Warning,
    High,
    Critical,
}
