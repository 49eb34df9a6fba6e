namespace HealthGrid.Domain.Notifications;

/// <summary>Filters for the delivery log; all optional. Newest decided first.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.NotificationQuery")]
public sealed record NotificationQuery
{
    [Id(0)] public string? AlertId { get; init; }

    [Id(1)] public string? Recipient { get; init; }

    [Id(2)] public ChannelKind? Channel { get; init; }

    [Id(3)] public NotificationState? State { get; init; }

    [Id(4)] public int Offset { get; init; }

    [Id(5)] public int Limit { get; init; } = 50;

    /// <summary>As for alerts: the audience groups the caller belongs to (a notification is visible when its alert shares one); null when they see all.</summary>
    [Id(6)] public string[]? VisibleAudiences { get; init; }

    /// <summary>With <see cref="VisibleAudiences"/>: the accounts whose alerts, and so notifications, the caller also sees.</summary>
    [Id(7)] public string[]? VisibleAccounts { get; init; }
}
