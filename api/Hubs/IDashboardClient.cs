using HealthGrid.Alerts;

namespace HealthGrid.Hubs;

/// <summary>
/// What the server pushes to dashboards, strongly typed so no method name is a magic string.
/// Live views are added by the dashboard work (issue 4).
/// </summary>
public interface IDashboardClient
{
    /// <summary>Confirms a connection and tells the client which server answered.</summary>
    Task Connected(string server);

    /// <summary>An alert was raised or changed (escalated, acknowledged, resolved); the newest <c>version</c> wins.</summary>
    Task AlertChanged(Alert alert);
}
