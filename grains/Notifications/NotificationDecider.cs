using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Grains.Sla;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Notifications;

/// <summary>
/// Decides, for every alert change a grain publishes (live or replayed), the notifications it requires
/// under the rules and calendars in force; the projection flush stores the decision with the alert.
/// </summary>
public sealed class NotificationDecider(IOptionsMonitor<NotificationOptions> options, CurrentSlaPolicies sla, TimeProvider time)
{
    public NotificationDecision Decide(Alert alert)
    {
        var rules = options.CurrentValue;
        if (alert.State == AlertState.Raised && rules.Rules.Count == 0)
        {
            return NotificationDecision.None;
        }

        return NotificationPlanner.Decide(alert, rules, sla.Policies.Calendars, time.GetUtcNow());
    }
}
