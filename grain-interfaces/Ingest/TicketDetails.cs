namespace HealthGrid.Ingest;

/// <summary>A helpdesk ticket event. <see cref="SlaBreached"/> is the source helpdesk reporting a breach of its own SLA.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.TicketDetails")]
public sealed record TicketDetails(
    [property: Id(0)] string TicketId,
    [property: Id(1)] Severity Severity,
    [property: Id(2)] string? Category,
    [property: Id(3)] string? Text,
    [property: Id(4)] bool SlaBreached = false);
