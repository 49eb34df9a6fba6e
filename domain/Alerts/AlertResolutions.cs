namespace HealthGrid.Domain.Alerts;

/// <summary>The reasons HealthGrid gives when it resolves an alert itself (<see cref="Alert.ResolvedReason"/>).</summary>
public static class AlertResolutions
{
    /// <summary>Who resolves an alert that no person resolved.</summary>
    public const string System = "healthgrid";

    /// <summary>An SLA breach taken back: an event that arrived late showed the deadline was met.</summary>
    public const string LateData = "late_data";
}
