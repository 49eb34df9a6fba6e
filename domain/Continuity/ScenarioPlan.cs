namespace HealthGrid.Domain.Continuity;

/// <summary>
/// A scenario fixed in time for one run, as each affected customer grain receives it: the disruptions
/// with their start, and whether the customer's own open cases take part (only when the disruption
/// starts now: cases open today say nothing about a disruption next month).
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ScenarioPlan")]
public sealed record ScenarioPlan
{
    [Id(0)] public required string RunId { get; init; }

    [Id(1)] public required ContinuityScenario Scenario { get; init; }

    [Id(2)] public required DateTimeOffset Start { get; init; }

    [Id(3)] public required bool IncludeOpenCases { get; init; }

    public DateTimeOffset End => Start + TimeSpan.FromHours(Scenario.HorizonHours);
}
