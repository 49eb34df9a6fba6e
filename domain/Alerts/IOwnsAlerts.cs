namespace HealthGrid.Domain.Alerts;

/// <summary>The state of a grain that raises alerts and keeps the ones still open.</summary>
public interface IOwnsAlerts
{
    Dictionary<string, Alert> Alerts { get; }
}
