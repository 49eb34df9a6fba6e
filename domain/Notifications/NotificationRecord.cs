using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>A notification as the delivery log shows it: to whom, where, its state and its timeline of decisions and attempts.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.NotificationRecord")]
public sealed record NotificationRecord
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string AlertId { get; init; }

    [Id(2)] public required string Transition { get; init; }

    [Id(3)] public required string Recipient { get; init; }

    [Id(4)] public required string ContactPoint { get; init; }

    [Id(5)] public required ChannelKind Channel { get; init; }

    [Id(6)] public required NotificationState State { get; init; }

    [Id(7)] public required DateTimeOffset DueAt { get; init; }

    [Id(8)] public required DateTimeOffset DecidedAt { get; init; }

    [Id(9)] public DateTimeOffset? SentAt { get; init; }

    [Id(10)] public required int Attempts { get; init; }

    [Id(11)] public required bool StopsOnAcknowledge { get; init; }

    /// <summary>The alert as it was when this was decided: what the message says, and who may read this record.</summary>
    [Id(12)] public required Alert Alert { get; init; }

    [Id(13)] public required NotificationEvent[] Timeline { get; init; }

    /// <summary>The Standard Webhooks <c>webhook-id</c> / e-mail Message-ID this notification is sent with on every attempt.</summary>
    public string MessageId => NotificationIds.MessageId(Id);

    public static NotificationRecord Decided(PlannedNotification planned, DateTimeOffset now) => new()
    {
        Id = planned.Id,
        AlertId = planned.AlertId,
        Transition = planned.Transition,
        Recipient = planned.Recipient,
        ContactPoint = planned.ContactPoint,
        Channel = planned.Channel,
        State = NotificationState.Pending,
        DueAt = planned.DueAt,
        DecidedAt = now,
        Attempts = 0,
        StopsOnAcknowledge = planned.StopsOnAcknowledge,
        Alert = planned.Alert,
        Timeline = [new NotificationEvent { At = now, Kind = NotificationEventKind.Decided, Reason = $"{planned.Reason}; due {planned.DueAt:yyyy-MM-dd HH:mm:ss} UTC" }],
    };
}
