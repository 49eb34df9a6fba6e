namespace HealthGrid.Domain.Continuity;

/// <summary>A disruption a continuity planner wants to understand before it happens, saved to run again.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ContinuityScenario")]
public sealed record ContinuityScenario
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public string? Description { get; init; }

    /// <summary>When the scenario starts; absent: at the moment it is run.</summary>
    [Id(3)] public DateTimeOffset? StartsAt { get; init; }

    [Id(4)] public required ScenarioDisruption[] Disruptions { get; init; }

    [Id(5)] public required string CreatedBy { get; init; }

    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Hours from the start to the end of the last disruption.</summary>
    public double HorizonHours => Disruptions.Length == 0 ? 0 : Disruptions.Max(d => d.OffsetHours + d.DurationHours);
}
