using HealthGrid.Domain.Cases;

namespace HealthGrid.Domain.Ingest;

/// <summary>An action taken on a case through the API (acknowledge, resolve), by whom.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseActionDetails")]
public sealed record CaseActionDetails(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseAction Action,
    [property: Id(2)] string By,
    [property: Id(3)] string? Note);
