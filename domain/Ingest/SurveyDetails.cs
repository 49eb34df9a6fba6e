namespace HealthGrid.Domain.Ingest;

[GenerateSerializer, Immutable, Alias("HealthGrid.SurveyDetails")]
public sealed record SurveyDetails(
    [property: Id(0)] SurveyType Type,
    [property: Id(1)] int Score,
    [property: Id(2)] string? Verbatim);
