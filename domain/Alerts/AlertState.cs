namespace HealthGrid.Domain.Alerts;

[GenerateSerializer]
public enum AlertState
{
    Raised,
    Acknowledged,
    Resolved,
}
