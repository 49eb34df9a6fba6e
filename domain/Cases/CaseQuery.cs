namespace HealthGrid.Domain.Cases;

/// <summary>Filters for the case list; all optional. Results are ordered by the next SLA deadline, then newest.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CaseQuery")]
public sealed record CaseQuery
{
    [Id(0)] public string? CustomerId { get; init; }

    [Id(1)] public string? Team { get; init; }

    [Id(2)] public string? ProcessOwner { get; init; }

    [Id(3)] public SlaState? SlaState { get; init; }

    [Id(4)] public bool? Open { get; init; }

    [Id(5)] public string? JourneyStage { get; init; }

    [Id(6)] public int Offset { get; init; }

    [Id(7)] public int Limit { get; init; } = 50;

    /// <summary>The cases the caller may see; null when they see every case.</summary>
    [Id(8)] public CaseScope? Scope { get; init; }
}
