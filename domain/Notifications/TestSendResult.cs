namespace HealthGrid.Domain.Notifications;

/// <summary>What a test message to a contact point came to, as the receiver answered.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.TestSendResult")]
public sealed record TestSendResult(
    [property: Id(0)] bool Delivered,
    [property: Id(1)] string Reason,
    [property: Id(2)] int? StatusCode,
    [property: Id(3)] double LatencyMs);
