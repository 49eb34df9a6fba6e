using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// Storms are bundled per recipient and contact point. When nothing went to it within the window, what is
/// due goes now as one message (a digest when several are due together) and opens a window; within a
/// window, what comes due waits for the window's end and goes as one digest, except the first critical
/// alert of a window, which goes at once. Notifications held for a window that has ended go out with
/// whatever else is due for that recipient, whatever was sent since (a storm's digests follow one another
/// instead of waiting a window each). PagerDuty is never bundled: each alert is its own incident.
/// </summary>
public static class NotificationBundles
{
    /// <summary>The messages to send now (each one notification or a digest of several) and the notifications held for a digest; <paramref name="lastSent"/> says what each (recipient, contact point) was sent within the window.</summary>
    public static (IReadOnlyList<IReadOnlyList<NotificationRecord>> Send, IReadOnlyList<NotificationRecord> Held) Plan(
        IReadOnlyList<NotificationRecord> due,
        IReadOnlyDictionary<(string Recipient, string ContactPoint), RecentSends> lastSent,
        TimeSpan window,
        DateTimeOffset now)
    {
        var send = new List<IReadOnlyList<NotificationRecord>>();
        var held = new List<NotificationRecord>();
        foreach (var group in due.GroupBy(r => (r.Recipient, r.ContactPoint)))
        {
            var records = group.OrderByDescending(r => r.Alert.Severity).ThenBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (window <= TimeSpan.Zero || records[0].Channel == ChannelKind.PagerDuty)
            {
                send.AddRange(records.Select(r => (IReadOnlyList<NotificationRecord>)[r]));
                continue;
            }

            var recent = lastSent.GetValueOrDefault(group.Key);
            if (recent?.LastSentAt is not { } last || last <= now - window || records.Any(WaitedForADigest))
            {
                send.Add(records);
                continue;
            }

            if (records[0].Alert.Severity == AlertSeverity.Critical && (recent.LastCriticalSentAt is not { } lastCritical || lastCritical <= now - window))
            {
                send.Add([records[0]]);
                records.RemoveAt(0);
            }

            var windowEnds = last + window;
            held.AddRange(records.Select(r => r with
            {
                State = NotificationState.Pending,
                DueAt = windowEnds,
                Timeline = [.. r.Timeline, new NotificationEvent { At = now, Kind = NotificationEventKind.Bundled, Reason = $"{r.Recipient} was sent a notification on {r.ContactPoint} at {last:HH:mm:ss}; held for the digest at {windowEnds:HH:mm:ss} UTC" }],
            }));
        }

        return (send, held);
    }

    private static bool WaitedForADigest(NotificationRecord record) => record.Timeline[^1].Kind == NotificationEventKind.Bundled;
}
