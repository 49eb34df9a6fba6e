namespace HealthGrid.Domain.Ingest;

/// <summary>
/// A complaint, coded with a standardized categorization code from configuration. It opens a case:
/// <see cref="CaseId"/> when given (so later ticket events can update it), else the event id.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ComplaintDetails")]
public sealed record ComplaintDetails(
    [property: Id(0)] string Code,
    [property: Id(1)] Severity Severity,
    [property: Id(2)] string? Text,
    [property: Id(3)] string? CaseId = null,
    [property: Id(4)] string? Assignee = null,
    [property: Id(5)] string? Team = null);
