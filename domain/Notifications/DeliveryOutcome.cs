namespace HealthGrid.Domain.Notifications;

/// <summary>What one attempt to send came to.</summary>
public sealed record DeliveryOutcome
{
    public required DeliveryResult Result { get; init; }

    public required string Reason { get; init; }

    public int? StatusCode { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>The receiver's Retry-After (429, 503): when it asked to be tried again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static DeliveryOutcome Sent(int? status, TimeSpan latency) => new() { Result = DeliveryResult.Sent, Reason = "delivered", StatusCode = status, Latency = latency };
}

public enum DeliveryResult
{
    Sent,

    /// <summary>Worth trying again: a timeout, a refused connection, 5xx, 429.</summary>
    Transient,

    /// <summary>Trying again would not help: the receiver refused the message (4xx), the contact point is gone or disabled.</summary>
    Permanent,

    /// <summary>410 Gone: the endpoint no longer exists; its contact point is disabled.</summary>
    Gone,
}
