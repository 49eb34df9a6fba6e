using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>What happened to an alert, as notifications name it, and to whom it matters.</summary>
public static class NotificationTransitions
{
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    /// <summary>
    /// A raised alert notifies its audiences once per severity it reaches (a frustration alert turning
    /// critical may page); an SLA breach's new escalation level notifies that level's audience, once per
    /// step of the chain (a repeated chain notifies again).
    /// </summary>
    public static (string Key, DateTimeOffset At, IReadOnlyList<Audience> Audiences) Of(Alert alert) =>
        alert.LevelAudience is { } level && alert.UpdatedAt > alert.RaisedAt && alert.Type == AlertType.SlaBreach
            ? ($"escalated.{alert.UpdatedAt.UtcTicks}", alert.UpdatedAt, [level])
            : ($"raised.{Wire.EnumNames<AlertSeverity>.Name(alert.Severity)}", alert.UpdatedAt, alert.Audiences);

    public static bool IsFollowUp(string transition) => transition is Acknowledged or Resolved;
}
