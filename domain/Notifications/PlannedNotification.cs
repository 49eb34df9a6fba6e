using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>
/// One notification an alert change requires: to one recipient's contact point, due at a time. Its id
/// is derived from the alert, the transition, the recipient and the contact point, so deciding the same
/// change again (a replay, another silo) finds the one already decided instead of adding a second.
/// </summary>
public sealed record PlannedNotification
{
    public required string Id { get; init; }

    public required string AlertId { get; init; }

    /// <summary>What happened to the alert: <c>raised.high</c>, <c>escalated.{ticks}</c>, <c>acknowledged</c>, <c>resolved</c>.</summary>
    public required string Transition { get; init; }

    /// <summary>An audience group: <c>user:sup-emea</c>, <c>team:team-emea</c>, <c>owner:po-billing</c>, <c>account:acct-1</c>, <c>leadership</c>, <c>operators</c>.</summary>
    public required string Recipient { get; init; }

    public required string ContactPoint { get; init; }

    public required ChannelKind Channel { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>A raise or escalation step waits for nobody to have acknowledged; a follow-up (acknowledged, resolved) is sent regardless.</summary>
    public required bool StopsOnAcknowledge { get; init; }

    /// <summary>Why it is due when it is: the rule step's delay, quiet hours.</summary>
    public required string Reason { get; init; }

    /// <summary>The alert as it was when this was decided: what the message says.</summary>
    public required Alert Alert { get; init; }
}
