using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Ingest;

/// <summary>
/// A helpdesk ticket event; the ticket is a case with id <see cref="TicketId"/>. <see cref="Author"/>
/// says who wrote an update: an agent's update is a response, a customer's starts the next-response
/// clock; an update without a severity leaves it as it was. <see cref="SlaBreached"/> is the source helpdesk reporting a breach of its own SLA.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.TicketDetails")]
public sealed record TicketDetails(
    [property: Id(0)] string TicketId,
    [property: Id(1)] Severity? Severity,
    [property: Id(2)] string? Category,
    [property: Id(3)] string? Text,
    [property: Id(4)] bool SlaBreached = false,
    [property: Id(5)] CaseStatus? Status = null,
    [property: Id(6)] string? Assignee = null,
    [property: Id(7)] string? Team = null,
    [property: Id(8)] MessageDirection Author = MessageDirection.Agent);
