namespace HealthGrid.Ingest;

/// <summary>A complaint, coded with a standardized categorization code from configuration.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ComplaintDetails")]
public sealed record ComplaintDetails(
    [property: Id(0)] string Code,
    [property: Id(1)] Severity Severity,
    [property: Id(2)] string? Text);
