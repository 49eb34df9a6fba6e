namespace HealthGrid.Domain.Notifications;

/// <summary>What one alert change requires: notifications to plan, and for an acknowledgement or resolution, the settlement of those before it.</summary>
public sealed record NotificationDecision(IReadOnlyList<PlannedNotification> Planned, NotificationSettlement? Settlement, DateTimeOffset At)
{
    public static NotificationDecision None { get; } = new([], null, DateTimeOffset.MinValue);

    public bool IsEmpty => Planned.Count == 0 && Settlement is null;
}
