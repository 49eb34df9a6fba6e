using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Ingest;

/// <summary>An alert acknowledged or resolved through the API, by whom.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AlertActionDetails")]
public sealed record AlertActionDetails(
    [property: Id(0)] string AlertId,
    [property: Id(1)] AlertState To,
    [property: Id(2)] string By);
