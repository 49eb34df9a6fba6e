using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// Decides the notifications an alert change requires: for each audience the change reaches, each
/// matching rule's steps, to the recipient's contact points of the step's kinds, due after the step's
/// delay and, outside the rule's business calendar, when it next opens (critical alerts override).
/// A pure function of the alert, the rules and the calendars: deciding again decides the same.
/// </summary>
public static class NotificationPlanner
{
    public static NotificationDecision Decide(Alert alert, NotificationOptions options, IReadOnlyDictionary<string, BusinessCalendar> calendars, DateTimeOffset now)
    {
        if (alert.State != AlertState.Raised)
        {
            return new NotificationDecision([], new NotificationSettlement(alert), now);
        }

        var (key, at, audiences) = NotificationTransitions.Of(alert);
        if (at < now - options.MaxLateness)
        {
            return NotificationDecision.None;
        }

        var recipients = new NotificationRecipients(options);
        var planned = new Dictionary<string, PlannedNotification>(StringComparer.Ordinal);
        foreach (var audience in audiences)
        {
            foreach (var rule in options.Rules.Where(r => r.Matches(alert, audience.Kind)))
            {
                foreach (var (recipient, contactPoint, step, index) in recipients.Reached(audience, rule))
                {
                    var (due, reason) = Due(alert, rule, step, index, at, calendars);
                    var id = NotificationIds.Of(alert.Id, key, recipient, contactPoint.Id);
                    if (!planned.TryGetValue(id, out var earlier) || due < earlier.DueAt)
                    {
                        planned[id] = new PlannedNotification
                        {
                            Id = id,
                            AlertId = alert.Id,
                            Transition = key,
                            Recipient = recipient,
                            ContactPoint = contactPoint.Id,
                            Channel = contactPoint.Kind,
                            DueAt = due,
                            StopsOnAcknowledge = true,
                            Reason = reason,
                            Alert = alert,
                        };
                    }
                }
            }
        }

        return new NotificationDecision([.. planned.Values.OrderBy(p => p.DueAt).ThenBy(p => p.Id, StringComparer.Ordinal)], null, now);
    }

    private static (DateTimeOffset Due, string Reason) Due(Alert alert, NotificationRuleSettings rule, NotificationStepSettings step, int index, DateTimeOffset at, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        var due = at + step.After;
        var reason = step.After > TimeSpan.Zero
            ? $"rule '{rule.Id}' step {index + 1}: {step.After} after the alert unless acknowledged"
            : $"rule '{rule.Id}' step {index + 1}: at once";
        if (rule.QuietHoursCalendar is not { } calendarId)
        {
            return (due, reason);
        }

        if (!calendars.TryGetValue(calendarId, out var calendar))
        {
            return (due, $"{reason}; quiet-hours calendar '{calendarId}' no longer exists, not held");
        }

        if (alert.Severity == AlertSeverity.Critical && rule.CriticalOverridesQuietHours)
        {
            return (due, reason);
        }

        var (open, _) = calendar.OpenIntervals(due).FirstOrDefault((due, due));
        return open > due ? (open, $"{reason}; held by the quiet hours of calendar '{calendarId}' until it opens") : (due, reason);
    }
}
