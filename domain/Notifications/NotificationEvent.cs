namespace HealthGrid.Domain.Notifications;

/// <summary>One step of a notification's timeline: what happened when, and why; for an attempt its status code and latency.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.NotificationEvent")]
public sealed record NotificationEvent
{
    [Id(0)] public required DateTimeOffset At { get; init; }

    [Id(1)] public required NotificationEventKind Kind { get; init; }

    [Id(2)] public required string Reason { get; init; }

    [Id(3)] public int? StatusCode { get; init; }

    [Id(4)] public double? LatencyMs { get; init; }

    /// <summary>The message it went out in (the Standard Webhooks <c>webhook-id</c>, the e-mail's Message-ID): a digest's for a bundled one.</summary>
    [Id(5)] public string? MessageId { get; init; }
}
