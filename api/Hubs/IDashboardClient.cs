namespace HealthGrid.Hubs;

/// <summary>
/// What the server pushes to dashboards, strongly typed so no method name is a magic string.
/// Alerts and live views are added by the escalation and dashboard work (issues 3 and 4).
/// </summary>
public interface IDashboardClient
{
    /// <summary>Confirms a connection and tells the client which server answered.</summary>
    Task Connected(string server);
}
