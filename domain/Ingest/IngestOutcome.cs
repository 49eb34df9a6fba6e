namespace HealthGrid.Domain.Ingest;

/// <summary>What became of one event. <see cref="Field"/> names the input at fault when rejected.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.IngestOutcome")]
public sealed record IngestOutcome(
    [property: Id(0)] string EventId,
    [property: Id(1)] IngestStatus Status,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Reason = null)
{
    public static IngestOutcome Accepted(string eventId) => new(eventId, IngestStatus.Accepted);

    public static IngestOutcome Duplicate(string eventId) => new(eventId, IngestStatus.Duplicate);

    public static IngestOutcome Rejected(string eventId, string field, string reason) => new(eventId, IngestStatus.Rejected, field, reason);

    public static IngestOutcome Conflict(string eventId, string field, string reason) => new(eventId, IngestStatus.Conflict, field, reason);

    public static IngestOutcome Parked(string eventId, string reason) => new(eventId, IngestStatus.Parked, Reason: reason);

    public static IngestOutcome Unavailable(string eventId) =>
        new(eventId, IngestStatus.Unavailable, Reason: "the event store is unavailable; retry later");
}
