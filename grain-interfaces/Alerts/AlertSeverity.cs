namespace HealthGrid.Alerts;

[GenerateSerializer]
public enum AlertSeverity
{
    Info,
    Warning,
    High,
    Critical,
}
