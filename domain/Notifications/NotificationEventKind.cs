namespace HealthGrid.Domain.Notifications;

/// <summary>What a step of a notification's timeline records.</summary>
[GenerateSerializer]
[Alias("HealthGrid.NotificationEventKind")]
public enum NotificationEventKind
{
    /// <summary>Decided with the alert change, due at a time for a reason (at once, a rule's delay, quiet hours).</summary>
    Decided,

    /// <summary>Held for a digest: the recipient was sent another within the bundling window.</summary>
    Bundled,

    /// <summary>An attempt that failed; another follows at its time.</summary>
    Retrying,

    Sent,

    /// <summary>Given up: retries exhausted, the endpoint gone (410), the contact point removed or disabled.</summary>
    Failed,

    /// <summary>Not needed any more: the alert was acknowledged or resolved before it was sent.</summary>
    Cancelled,
}
