namespace HealthGrid.Domain.Notifications;

[GenerateSerializer, Immutable, Alias("HealthGrid.NotificationPage")]
public sealed record NotificationPage(
    [property: Id(0)] NotificationRecord[] Items,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] int Limit);
