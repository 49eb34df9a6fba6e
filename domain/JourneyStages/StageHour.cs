namespace HealthGrid.Domain.JourneyStages;

/// <summary>One hour of a stage's activity; averages are null when nothing was measured.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.StageHour")]
public sealed record StageHour(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] int Volume,
    [property: Id(2)] double? Sentiment,
    [property: Id(3)] double? Effort)
{
    /// <summary>Share of CSAT answers rated 4 or 5, percent.</summary>
    [Id(4)] public double? Csat { get; init; }

    /// <summary>Net promoter score, percent.</summary>
    [Id(5)] public double? Nps { get; init; }
}
