namespace HealthGrid.Domain.Notifications;

/// <summary>How a contact point's deliveries went over the last day: sent, failed, still waiting, and the last of each.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.EndpointHealth")]
public sealed record EndpointHealth
{
    [Id(0)] public required string ContactPoint { get; init; }

    [Id(1)] public ChannelKind? Kind { get; init; }

    /// <summary>Whether the contact point is configured and enabled now (false: disabled, or no longer configured).</summary>
    [Id(2)] public bool Enabled { get; init; }

    [Id(3)] public int Sent { get; init; }

    [Id(4)] public int Failed { get; init; }

    [Id(5)] public int Waiting { get; init; }

    [Id(6)] public DateTimeOffset? LastSentAt { get; init; }

    [Id(7)] public DateTimeOffset? LastFailedAt { get; init; }

    [Id(8)] public string? LastFailure { get; init; }
}
