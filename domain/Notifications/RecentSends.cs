namespace HealthGrid.Domain.Notifications;

/// <summary>What a recipient's contact point was last sent: what bundling decides by.</summary>
public sealed record RecentSends(DateTimeOffset? LastSentAt, DateTimeOffset? LastCriticalSentAt);
