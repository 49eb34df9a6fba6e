namespace HealthGrid.Domain.Notifications;

/// <summary>Where a notification is: waiting for its time, being sent, sent, given up on, or no longer needed.</summary>
[GenerateSerializer]
[Alias("HealthGrid.NotificationState")]
public enum NotificationState
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,
}
