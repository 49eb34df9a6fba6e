using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// An alert acknowledged or resolved: every notification of it still waiting to be sent and stopping on
/// acknowledgement is cancelled, and each contact point already notified gets its follow-up (PagerDuty
/// acknowledge on acknowledgement; on resolution PagerDuty resolve and "resolved by …" everywhere else).
/// Which contact points were notified is known only to the store, so it makes the follow-ups.
/// </summary>
public sealed record NotificationSettlement(Alert Alert)
{
    public string Transition => Alert.State == AlertState.Resolved ? NotificationTransitions.Resolved : NotificationTransitions.Acknowledged;

    public DateTimeOffset At => Alert.UpdatedAt;

    /// <summary>Whether a contact point that was sent this alert gets a follow-up for this settlement.</summary>
    public bool FollowsUp(ChannelKind channel) => Alert.State == AlertState.Resolved || channel == ChannelKind.PagerDuty;

    /// <summary>
    /// What settling does to the notifications of the alert so far: those still pending that stop on
    /// acknowledgement are cancelled; each contact point sent (or being sent) a raise or escalation gets
    /// its follow-up, once.
    /// </summary>
    public (IReadOnlyList<NotificationRecord> Cancelled, IReadOnlyList<PlannedNotification> FollowUps) Apply(IReadOnlyCollection<NotificationRecord> existing, DateTimeOffset now)
    {
        var reason = $"the alert was {Transition} by {(Alert.State == AlertState.Resolved ? Alert.ResolvedBy : Alert.AcknowledgedBy)} before it was sent";
        var cancelled = existing
            .Where(r => r.State == NotificationState.Pending && r.StopsOnAcknowledge)
            .Select(r => r with { State = NotificationState.Cancelled, Timeline = [.. r.Timeline, new NotificationEvent { At = now, Kind = NotificationEventKind.Cancelled, Reason = reason }] })
            .ToList();
        var followUps = existing
            .Where(r => r.State is NotificationState.Sent or NotificationState.Sending && !NotificationTransitions.IsFollowUp(r.Transition) && FollowsUp(r.Channel))
            .Select(r => (r.Recipient, r.ContactPoint, r.Channel))
            .Distinct()
            .Select(p => FollowUp(p.Recipient, p.ContactPoint, p.Channel))
            .Where(f => existing.All(r => r.Id != f.Id))
            .ToList();
        return (cancelled, followUps);
    }

    /// <summary>The follow-up to one notified contact point: due at once, the reason naming who acted.</summary>
    public PlannedNotification FollowUp(string recipient, string contactPoint, ChannelKind channel) => new()
    {
        Id = NotificationIds.Of(Alert.Id, Transition, recipient, contactPoint),
        AlertId = Alert.Id,
        Transition = Transition,
        Recipient = recipient,
        ContactPoint = contactPoint,
        Channel = channel,
        DueAt = At,
        StopsOnAcknowledge = false,
        Reason = $"{Transition} by {(Alert.State == AlertState.Resolved ? Alert.ResolvedBy : Alert.AcknowledgedBy)}",
        Alert = Alert,
    };
}
