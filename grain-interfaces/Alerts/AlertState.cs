namespace HealthGrid.Alerts;

[GenerateSerializer]
public enum AlertState
{
    Raised,
    Acknowledged,
    Resolved,
}
