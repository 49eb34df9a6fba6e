using System.ComponentModel.DataAnnotations;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// Which alerts go where, in what order: for alerts of <see cref="Types"/> and <see cref="Severities"/>
/// (empty: all) reaching an audience of <see cref="Audiences"/> (empty: all kinds), each step's contact
/// points after its delay, while the alert is unacknowledged. Outside <see cref="QuietHoursCalendar"/>'s
/// open hours non-critical notifications wait for it to open.
/// </summary>
public sealed class NotificationRuleSettings
{
    [Required]
    public string Id { get; set; } = "";

    public List<AlertType> Types { get; set; } = [];

    public List<AlertSeverity> Severities { get; set; } = [];

    public List<AudienceKind> Audiences { get; set; } = [];

    public List<NotificationStepSettings> Steps { get; set; } = [];

    /// <summary>An SLA calendar (the same calendars the SLA engine uses) whose closed hours are quiet.</summary>
    public string? QuietHoursCalendar { get; set; }

    /// <summary>Critical alerts are sent during quiet hours too.</summary>
    public bool CriticalOverridesQuietHours { get; set; } = true;

    public bool Matches(Alert alert, AudienceKind audience) =>
        (Types.Count == 0 || Types.Contains(alert.Type))
        && (Severities.Count == 0 || Severities.Contains(alert.Severity))
        && (Audiences.Count == 0 || Audiences.Contains(audience));
}
